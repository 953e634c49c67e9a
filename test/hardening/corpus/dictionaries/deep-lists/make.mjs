import { PORT_ROW, dataDictionary, eventJson, frontMatter, writeParts } from '../_shared/dictionary.mjs'

function* indented() {
  for (let level = 0; level < 600; level++) yield `${'  '.repeat(level)}- item\n`
}
export default (path) => writeParts(path, [frontMatter(), eventJson(), indented, '\n', '- '.repeat(5_000), 'x\n\n', dataDictionary([PORT_ROW])])
