import { PORT_ROW, dataDictionary, eventJson, frontMatter, writeParts } from '../_shared/dictionary.mjs'

const spaces = ' '.repeat(20_000)
export default (path) =>
  writeParts(path, [
    frontMatter(),
    eventJson(),
    dataDictionary([
      PORT_ROW,
      `| a | \`$.tcpv4[${spaces}:${spaces}:${spaces}x]\` | string | d | x |`,
      `| b | \`$.tcpv4[1${spaces}:${spaces}-2${spaces}x]\` | string | d | x |`,
      `| c | \`$.tcpv4['${"'".repeat(20_000)}x]\` | string | d | x |`,
      `| d | \`$.tcpv4[${'1,'.repeat(20_000)}x]\` | string | d | x |`,
    ]),
  ])
