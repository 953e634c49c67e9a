import { GOOD, writeParts } from '../_shared/write.mjs'

const depth = 100_000
export default (path) =>
  writeParts(path, [
    '{"tcpv4":', '{"a":'.repeat(depth), '1', '}'.repeat(depth), '}\n',
    '{"a":'.repeat(depth), '{"tcpv4":{"port":1}}', '}'.repeat(depth), '\n',
    '{"__proto__":'.repeat(60_000), '{}', '}'.repeat(60_000), '\n',
    GOOD,
  ])
