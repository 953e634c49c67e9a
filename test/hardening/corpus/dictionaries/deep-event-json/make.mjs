import { PORT_ROW, dataDictionary, frontMatter, writeParts } from '../_shared/dictionary.mjs'

const depth = 100_000
export default (path) =>
  writeParts(path, [
    frontMatter('match: tcpv4\n'),
    '\n## Event JSON\n```json\n{ "tcpv4": { "port": 443, "deep": ',
    '['.repeat(depth),
    ']'.repeat(depth),
    ', "deeper": ',
    '{"a":'.repeat(depth),
    '1',
    '}'.repeat(depth),
    ' } }\n```\n',
    dataDictionary([PORT_ROW]),
  ])
