import matter from 'gray-matter'
import { isMap, isScalar, parseDocument, type Document } from 'yaml'
import type { FileContext } from './context.js'
import type { LineIndex } from './position.js'
import { checkFrontMatterLanguage, reportFrontMatterNotMapping, reportUnclosedFrontMatter, reportYamlProblem, reportYamlValue } from './rules/front-matter-invalid.js'
import { checkFrontMatterPresent } from './rules/front-matter-missing.js'
import { readRequiredKey, reportEmptyFrontMatter } from './rules/front-matter-required-key.js'
import { readOptionalKey } from './rules/front-matter-value-type.js'

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
  if (!checkFrontMatterPresent(ctx)) return { frontMatter: undefined, bodyStart: 0 }
  const firstLine = ctx.lines.lineText(1)
  if (!checkFrontMatterLanguage(ctx, firstLine)) return { frontMatter: undefined, bodyStart: 0 }

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
    reportUnclosedFrontMatter(ctx)
    return { frontMatter: undefined, bodyStart: text.length }
  }
  const bodyStart = text.length - parsed.content.length
  // `matter` starts right after the opening `---` and its language word, so an
  // offset in it plus `base` is an offset in the original file: YAML positions
  // map to the original lines and columns.
  const base = text.startsWith(rawMatter, firstLine.length) ? firstLine.length : Math.max(0, text.indexOf(rawMatter))

  if (!captured) {
    reportEmptyFrontMatter(ctx)
    return { frontMatter: undefined, bodyStart }
  }
  const doc = captured
  let fatal = false
  for (const error of doc.errors) {
    fatal = true
    const [start, end] = error.pos
    reportYamlProblem(ctx, error, true, ctx.lines.position(base + start, base + Math.max(end, start + 1)))
  }
  for (const warning of doc.warnings) {
    const [start, end] = warning.pos
    reportYamlProblem(ctx, warning, false, ctx.lines.position(base + start, base + Math.max(end, start + 1)))
  }
  if (fatal) return { frontMatter: undefined, bodyStart }

  let data: unknown
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT })
  } catch (error) {
    reportYamlValue(ctx, error, MAX_ALIAS_COUNT, ctx.lines.position(base, base + rawMatter.length))
    return { frontMatter: undefined, bodyStart }
  }
  if (!isMap(doc.contents) || data === null || typeof data !== 'object' || Array.isArray(data)) {
    const range = doc.contents?.range ?? [0, rawMatter.length]
    reportFrontMatterNotMapping(ctx, ctx.lines.position(base + range[0], base + range[1]))
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

/**
 * Reads the dictionary header from front matter, reporting required keys.
 * `log.type` and the rule name make the dictionary's id, so they are errors;
 * a missing title falls back to the rule name with a warning.
 */
export function readHeader(ctx: FileContext, frontMatter: FrontMatter): DictionaryHeader {
  const logType = readRequiredKey(ctx, frontMatter, 'log.type')
  // The rule name is `<log.type>.rule`, else `rule`.
  const ruleKey = logType !== null && frontMatter.keys.has(`${logType}.rule`) ? `${logType}.rule` : frontMatter.keys.has('rule') ? 'rule' : `${logType ?? '<log.type>'}.rule`
  const rule = readRequiredKey(ctx, frontMatter, ruleKey)
  const versionKey = logType !== null && frontMatter.keys.has(`${logType}.version`) ? `${logType}.version` : 'version'
  const title = readRequiredKey(ctx, frontMatter, 'title')
  return {
    title,
    description: readOptionalKey(ctx, frontMatter, 'description'),
    logType,
    rule,
    version: readOptionalKey(ctx, frontMatter, versionKey),
    author: readOptionalKey(ctx, frontMatter, 'author'),
    date: readOptionalKey(ctx, frontMatter, 'date'),
  }
}
