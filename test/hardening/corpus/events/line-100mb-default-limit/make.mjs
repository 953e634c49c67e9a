import { GOOD, repeated, writeParts } from '../_shared/write.mjs'

export default (path) => writeParts(path, [GOOD, '{"tcpv4":{"name":"', () => repeated('x', 100 * 1024 * 1024), '"}}\n', GOOD])
