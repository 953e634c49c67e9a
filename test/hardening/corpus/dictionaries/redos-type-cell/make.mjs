import { PORT_ROW, dataDictionary, eventJson, frontMatter, writeParts } from '../_shared/dictionary.mjs'

const spaces = ' '.repeat(200_000)
export default (path) =>
  writeParts(path, [
    frontMatter(),
    eventJson(),
    dataDictionary([
      PORT_ROW,
      `| a | tcpv4.name | string${spaces}! | d | chrome |`,
      `| b | tcpv4.name | date${spaces}(${spaces}x | d | chrome |`,
      `| c | tcpv4.name | date(${')'.repeat(100_000)}${spaces}x | d | chrome |`,
    ]),
  ])
