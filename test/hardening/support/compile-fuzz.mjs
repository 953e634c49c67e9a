// Child process for the compiler termination property (test/hardening/properties.test.ts):
// compiles generated hostile-shaped dictionaries with the BUILT compiler and
// prints one JSON summary line. Run in a child so that a hang is cut off by the
// parent's time bound instead of hanging the test run.
import fc from 'fast-check'
import { compileSources } from '@mapdown/compiler'

const mode = process.argv[2] ?? 'markdown'
const runs = Number(process.argv[3] ?? 100)
const seed = Number(process.argv[4] ?? Date.now())

/**
 * `markdown`: runs (up to 3,000) of every character the compiler's readers or
 * the markdown parser treat specially. The parser itself is super-linear on
 * long runs of some of them (docs/reliability.md), so runs stay short.
 * `cells`: runs up to 50,000 long of characters the markdown parser reads as
 * plain text but the compiler's own cell readers (types, JSONPath, date
 * patterns) parse: a super-linear regex there cannot finish in the bound.
 */
const UNITS = {
  markdown: [' ', '\t', ':', '`', '(', ')', '[', ']', '>', '- ', '1. ', '\\', '*', '_', "'", '"', '.', '$', '@', '?', 'Hm', 'yu', '|', '{', '}', ','],
  cells: [' ', '\t', ':', '(', ')', '-', '1', ',', '.', 'a', 'Hm', 'yu', "'", '"', '=', '@'],
}
const MAX_RUN = { markdown: 3_000, cells: 50_000 }
const run = fc.tuple(fc.constantFrom(...UNITS[mode]), fc.integer({ min: 1, max: MAX_RUN[mode] })).map(([unit, count]) => unit.repeat(count))
const cellText = fc.array(fc.oneof(run, fc.constantFrom('date', 'integer', 'tcpv4', '$', 'x', '1'), fc.string({ maxLength: 5 })), { maxLength: 4 }).map((parts) => parts.join(''))
const fieldName = fc.oneof(cellText, cellText.map((text) => `\`$.tcpv4[${text}]\``), cellText.map((text) => `\`$..[?(${text})]\``))
const typeCell = fc.oneof(cellText, cellText.map((text) => `date(${text})`), cellText.map((text) => `integer${text}`))
const row = fc.tuple(cellText, fieldName, typeCell, cellText).map(([name, path, type, sample]) => `| ${name.replace(/\|/g, '\\|')} | ${path.replace(/\|/g, '\\|')} | ${type.replace(/\|/g, '\\|')} | d | ${sample.replace(/\|/g, '\\|')} |`)
const body = fc.array(fc.oneof(run, cellText), { maxLength: 3 }).map((parts) => parts.join('\n'))
const dictionary = fc
  .tuple(fc.array(row, { minLength: 1, maxLength: 4 }), body, fc.array(fc.oneof(run, cellText), { maxLength: 2 }))
  .map(
    ([rows, text, frontMatter]) =>
      `---\ntitle: Fuzz\nlog.type: sentinelone\nrule: Fuzz\nmatch: tcpv4\ndescription: "${frontMatter.join(' ').replace(/[\\"]/g, '')}"\n---\n\n${text}\n\n## Event JSON\n\`\`\`json\n{ "tcpv4": { "port": 1 } }\n\`\`\`\n\n## Data Dictionary\n| Standard Name | Field Name | Type | Description | Sample Value |\n| --- | --- | --- | --- | --- |\n${rows.join('\n')}\n`,
  )

let count = 0
let largest = 0
const problems = []
fc.assert(
  fc.property(dictionary, (text) => {
    count++
    largest = Math.max(largest, text.length)
    const result = compileSources([{ path: 'fuzz.md', contents: text }])
    const internal = result.files[0]?.messages.filter((message) => message.ruleId === 'internal-error') ?? []
    if (internal.length > 0) problems.push(internal.map((message) => message.reason).join('; '))
    return internal.length === 0 && (result.ir.dictionaries.length === 0) === (result.errorCount > 0)
  }),
  { numRuns: runs, seed },
)
process.stdout.write(`${JSON.stringify({ mode, runs: count, largest, problems })}\n`)
