import { PORT_ROW, dataDictionary, frontMatter, writeParts } from '../_shared/dictionary.mjs'

const ticks = '`'.repeat(50_000)
const blanks = ' \t'.repeat(50_000)
export default (path) =>
  writeParts(path, [
    frontMatter(),
    '\n## Event JSON\n```json\n{ "tcpv4": { "port": 443 } }\n',
    `a${ticks}${blanks}x\n`,
    `a${'`a'.repeat(50_000)}${blanks}\n`,
    '```\n',
    dataDictionary([PORT_ROW, `| name | \`${ticks}x${'`a'.repeat(20_000)} | string | d | x |`]),
  ])
