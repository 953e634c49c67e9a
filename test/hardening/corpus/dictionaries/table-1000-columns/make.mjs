import { dataDictionary, eventJson, frontMatter, writeParts } from '../_shared/dictionary.mjs'

const extra = Array.from({ length: 1000 }, (_, index) => `Extra ${index}`)
const header = `| Standard Name | Field Name | Type | Description | Sample Value | ${extra.join(' | ')} |\n|${' --- |'.repeat(5 + extra.length)}`
const row = (name, path, type, sample) => `| ${name} | ${path} | ${type} | d | ${sample} | ${extra.map((_, index) => `v${index}`).join(' | ')} |`

export default (path) =>
  writeParts(path, [frontMatter(), eventJson(), dataDictionary([row('port', 'tcpv4.port', 'integer', '443'), row('name', 'tcpv4.name', 'string', 'chrome')], header)])
