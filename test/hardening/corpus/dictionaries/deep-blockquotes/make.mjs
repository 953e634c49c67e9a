import { PORT_ROW, dataDictionary, eventJson, frontMatter, writeParts } from '../_shared/dictionary.mjs'

export default (path) => writeParts(path, [frontMatter(), eventJson(), '>'.repeat(100_000), ' x\n', dataDictionary([PORT_ROW])])
