import matter from 'gray-matter'
import { isMap, isScalar, parseDocument, type Document } from 'yaml'
import type { FileContext } from './context.js'
import type { LineIndex } from './position.js'
import { frontMatterInvalid } from './rules/front-matter-invalid.js'
import { frontMatterMissing } from './rules/front-matter-missing.js'
import { frontMatterRequiredKey } from './rules/front-matter-required-key.js'
import { frontMatterValueType } from './rules/front-matter-value-type.js'

/** Aliases are legal YAML, but a handful is all a dictionary needs: more is a billion-laughs attempt. */
const MAX_ALIAS_COUNT = 20

export interface FrontMatterKey {
  value: unknown
  /** Offsets of the key in the original file. */
  start: number
  end: number
  /** Offsets of the value node (when there is one). */
  valueStart: number
  valueEnd: number
}

export interface FrontMatter {
  /** The parsed mapping (plain JSON-like data). */
  data: Record<string, unknown>
  /** Top-level keys with their positions. */
  keys: Map<string, FrontMatterKey>
  /** Offset where the markdown body starts in the original file. */
  bodyStart: number
}

export interface DictionaryHeader {
  title: string | null
  description: string | null
  logType: string | null
  rule: string | null
  version: string | null
  author: string | null
  date: string | null
}

/**
 * Splits and parses the front matter. gray-matter finds the block; the YAML is
 * parsed by the `yaml` package with safe options. gray-matter's own engines are
 * replaced: its default `javascript` engine runs `eval`, and dictionaries come
 * from pull requests.
 *
 * Returns `undefined` when there is no usable front matter (already reported).
 * `bodyStart` is returned even then, through `bodyStartOf`, so the body can be parsed.
 */
export function readFrontMatter(ctx: FileContext): { frontMatter: FrontMatter | undefined; bodyStart: number } {
  const text = ctx.lines.text
  // gray-matter's own test: `---` at the very start, not followed by another `-`.
  if (!text.startsWith('---') || text.charAt(3) === '-') {
    ctx.report(frontMatterMissing, 'error', 'Missing front matter, expected a `---` YAML block with `title`, `log.type` and a rule name', {
      line: 1,
      column: 1,
    })
    return { frontMatter: undefined, bodyStart: 0 }
  }
  const firstLine = ctx.lines.lineText(1)
  const language = firstLine.slice(3).trim()
  if (language !== '' && language.toLowerCase() !== 'yaml' && language.toLowerCase() !== 'yml') {
    ctx.report(frontMatterInvalid, 'error', `Unexpected front matter language \`${language}\`, expected YAML`, ctx.lines.position(3, firstLine.length), {
      note: 'Only YAML front matter is read: other gray-matter engines (such as `js`) would run code from the dictionary.',
    })
    return { frontMatter: undefined, bodyStart: 0 }
  }

  let captured: Document.Parsed | undefined
  const engine = {
    parse(raw: string): Record<string, never> {
      captured = parseDocument(raw, { uniqueKeys: true, schema: 'core', prettyErrors: false, merge: false })
      return {}
    },
  }
  const refuse = (): never => {
    throw new Error('front matter language refused')
  }
  const options = {
    language: 'yaml',
    engines: { yaml: engine, yml: engine, javascript: refuse, js: refuse, json: refuse, coffee: refuse },
  }
  const parsed = matter(text, options as unknown as Parameters<typeof matter>[1])

  const rawMatter = typeof parsed.matter === 'string' ? parsed.matter : ''
  const closed = parsed.content !== '' || hasClosingDelimiter(ctx.lines)
  if (!closed) {
    ctx.report(frontMatterInvalid, 'error', 'Unexpected end of file in front matter, expected a closing `---` line', { line: 1, column: 1 })
    return { frontMatter: undefined, bodyStart: text.length }
  }
  const bodyStart = text.length - parsed.content.length
  // `matter` starts right after the opening `---` and its language word, so an
  // offset in it plus `base` is an offset in the original file: YAML positions
  // map to the original lines and columns.
  const base = text.startsWith(rawMatter, firstLine.length) ? firstLine.length : Math.max(0, text.indexOf(rawMatter))

  if (!captured) {
    ctx.report(frontMatterRequiredKey, 'error', 'Unexpected empty front matter, expected `title`, `log.type` and a rule name', { line: 1, column: 1 })
    return { frontMatter: undefined, bodyStart }
  }
  const doc = captured
  let fatal = false
  for (const error of doc.errors) {
    fatal = true
    const [start, end] = error.pos
    ctx.report(frontMatterInvalid, 'error', yamlReason(error.code, error.message), ctx.lines.position(base + start, base + Math.max(end, start + 1)))
  }
  for (const warning of doc.warnings) {
    const [start, end] = warning.pos
    ctx.report(frontMatterInvalid, 'warning', yamlReason(warning.code, warning.message), ctx.lines.position(base + start, base + Math.max(end, start + 1)))
  }
  if (fatal) return { frontMatter: undefined, bodyStart }

  let data: unknown
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT })
  } catch (error) {
    ctx.report(
      frontMatterInvalid,
      'error',
      `Unexpected YAML in front matter: ${error instanceof Error ? error.message : String(error)}`,
      ctx.lines.position(base, base + rawMatter.length),
      { note: `At most ${MAX_ALIAS_COUNT} aliases are expanded.` },
    )
    return { frontMatter: undefined, bodyStart }
  }
  if (!isMap(doc.contents) || data === null || typeof data !== 'object' || Array.isArray(data)) {
    const range = doc.contents?.range ?? [0, rawMatter.length]
    ctx.report(frontMatterInvalid, 'error', 'Unexpected front matter, expected a YAML mapping of keys to values', ctx.lines.position(base + range[0], base + range[1]))
    return { frontMatter: undefined, bodyStart }
  }

  const keys = new Map<string, FrontMatterKey>()
  for (const pair of doc.contents.items) {
    if (!isScalar(pair.key) || !pair.key.range) continue
    const name = String(pair.key.value)
    const valueRange = (pair.value as { range?: [number, number, number] } | null)?.range ?? pair.key.range
    keys.set(name, {
      value: (data as Record<string, unknown>)[name],
      start: base + pair.key.range[0],
      end: base + pair.key.range[1],
      valueStart: base + valueRange[0],
      valueEnd: base + valueRange[1],
    })
  }
  return { frontMatter: { data: data as Record<string, unknown>, keys, bodyStart }, bodyStart }
}

function hasClosingDelimiter(lines: LineIndex): boolean {
  for (let line = 2; line <= lines.lineCount; line++) {
    if (lines.lineText(line).startsWith('---')) return true
  }
  return false
}

function yamlReason(code: string, message: string): string {
  const first = message.split('\n')[0] ?? message
  if (code === 'DUPLICATE_KEY') return `Unexpected duplicate key in front matter, expected unique keys (${first})`
  return `Unexpected YAML in front matter: ${first}`
}

/**
 * Reads the dictionary header from front matter, reporting required keys.
 * `log.type` and the rule name make the dictionary's id, so they are errors;
 * a missing title falls back to the rule name with a warning.
 */
export function readHeader(ctx: FileContext, frontMatter: FrontMatter): DictionaryHeader {
  const frontMatterPlace = { start: ctx.lines.point(0), end: ctx.lines.point(3) }
  const required = (name: string, severity: 'error' | 'warning'): string | null => {
    const entry = frontMatter.keys.get(name)
    if (!entry) {
      ctx.report(frontMatterRequiredKey, severity, `Missing \`${name}\` in front matter, expected a string`, frontMatterPlace)
      return null
    }
    const value = scalarText(entry.value)
    if (value === null || value === '') {
      ctx.report(
        frontMatterRequiredKey,
        severity,
        `Unexpected ${describe(entry.value)} for \`${name}\` in front matter, expected a non-empty string`,
        ctx.lines.position(entry.valueStart, Math.max(entry.valueEnd, entry.valueStart + 1)),
      )
      return null
    }
    return value
  }
  const optional = (name: string): string | null => {
    const entry = frontMatter.keys.get(name)
    if (!entry || entry.value === null || entry.value === undefined) return null
    const value = scalarText(entry.value)
    if (value === null) {
      ctx.report(
        frontMatterValueType,
        'warning',
        `Unexpected ${describe(entry.value)} for \`${name}\` in front matter, expected a string; ignored`,
        ctx.lines.position(entry.valueStart, Math.max(entry.valueEnd, entry.valueStart + 1)),
      )
    }
    return value
  }

  const logType = required('log.type', 'error')
  // The rule name is `<log.type>.rule`, else `rule`.
  const ruleKey = logType !== null && frontMatter.keys.has(`${logType}.rule`) ? `${logType}.rule` : frontMatter.keys.has('rule') ? 'rule' : `${logType ?? '<log.type>'}.rule`
  const rule = required(ruleKey, 'error')
  const versionKey = logType !== null && frontMatter.keys.has(`${logType}.version`) ? `${logType}.version` : 'version'
  const title = required('title', 'warning')
  return {
    title,
    description: optional('description'),
    logType,
    rule,
    version: optional(versionKey),
    author: optional('author'),
    date: optional('date'),
  }
}

function scalarText(value: unknown): string | null {
  if (typeof value === 'string') return value.trim()
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  return null
}

function describe(value: unknown): string {
  if (value === null || value === undefined) return 'empty value'
  if (Array.isArray(value)) return 'list'
  if (typeof value === 'object') return 'mapping'
  if (typeof value === 'string') return 'empty string'
  return typeof value
}
