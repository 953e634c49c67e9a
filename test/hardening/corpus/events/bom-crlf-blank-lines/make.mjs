import { writeParts } from '../_shared/write.mjs'

export default (path) =>
  writeParts(path, ['\ufeff{"tcpv4":{"port":1}}\r\n', '\r\n', '   \t \n', '\n', '{"tcpv4":{"port":2}}\r\n', '{"tcpv4":{"port":3}}\r\r\n', '\ufeff{"tcpv4":{"port":4}}\n'])
