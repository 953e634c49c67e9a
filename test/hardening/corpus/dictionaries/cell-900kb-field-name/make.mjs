import { PORT_ROW, dataDictionary, eventJson, frontMatter, repeated, writeParts } from '../_shared/dictionary.mjs'

export default (path) =>
  writeParts(path, [frontMatter(), eventJson(), dataDictionary([PORT_ROW]), '| name | tcpv4', () => repeated('.a', 450_000), ' | string | d | chrome |\n'])
