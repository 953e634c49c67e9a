import { GOOD, writeParts } from '../_shared/write.mjs'

const event = (bytes) => Buffer.concat([Buffer.from('{"tcpv4":{"name":"'), Buffer.from(bytes), Buffer.from('"}}\n')])
export default (path) =>
  writeParts(path, [
    event([0xff, 0xfe]),
    event([0xc0, 0xaf]),
    event([0xed, 0xa0, 0x80]),
    event([0xe2, 0x82]),
    GOOD,
    Buffer.from('{"tcpv4":{"name":"x"}}'),
    Buffer.from([0xf0, 0x9f, 0x98]),
  ])
