import { writeParts } from '../_shared/write.mjs'

// Each line is padded with a name of the given number of bytes.
const line = (bytes, fill) => {
  const head = '{"tcpv4":{"name":"'
  const tail = '"}}'
  const room = bytes - Buffer.byteLength(head + tail)
  return head + fill.repeat(Math.floor(room / Buffer.byteLength(fill))) + 'x'.repeat(room % Buffer.byteLength(fill)) + tail + '\n'
}
export default (path) => writeParts(path, [line(64, 'a'), line(65, 'a'), line(64, 'é'), line(65, 'é'), line(64, '€'), line(66, '€')])
