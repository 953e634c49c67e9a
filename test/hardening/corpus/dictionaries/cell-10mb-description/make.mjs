import { PORT_ROW, dataDictionary, eventJson, frontMatter, repeated, writeParts } from '../_shared/dictionary.mjs'

export default (path) =>
  writeParts(path, [frontMatter(), eventJson(), dataDictionary([PORT_ROW]), '| name | tcpv4.name | string | ', () => repeated('lorem ipsum ', 873_813), ' | chrome |\n'])
