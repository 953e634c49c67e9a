import { writeParts } from '../_shared/write.mjs'

const keys = (count) => Array.from({ length: count }, (_, index) => `"k${index}":${index}`).join(',')
export default (path) => writeParts(path, ['{"tcpv4":{"port":1,', keys(50_000), '}}\n', '{', keys(50_000), ',"tcpv4":{"port":2}}\n'])
