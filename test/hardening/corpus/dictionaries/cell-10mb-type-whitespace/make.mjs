import { PORT_ROW, dataDictionary, eventJson, frontMatter, repeated, writeParts } from '../_shared/dictionary.mjs'

export default (path) =>
  writeParts(path, [frontMatter(), eventJson(), dataDictionary([PORT_ROW]), '| name | tcpv4.name | string', () => repeated(' ', 10_000_000), '! | d | chrome |\n'])
