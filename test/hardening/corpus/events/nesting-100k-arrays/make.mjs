import { GOOD, writeParts } from '../_shared/write.mjs'

const depth = 100_000
export default (path) =>
  writeParts(path, [
    '{"tcpv4":{"port":1,"name":', '['.repeat(depth), ']'.repeat(depth), '}}\n',
    '['.repeat(depth), ']'.repeat(depth), '\n',
    '{"tcpv4":{"tags":', '[{"k":'.repeat(depth), '"a"', '}]'.repeat(depth), '}}\n',
    GOOD,
  ])
