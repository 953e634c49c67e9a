import type { DictionaryIR, MatchIR, SourcePosition } from '@mapdown/ir'
import { dictionaryIr } from './build-ir.js'
import type { FileContext } from './context.js'
import { readDataDictionary, type RowSet } from './data-dictionary.js'
import { readEventSample } from './event-json.js'
import { readHeader, type FrontMatter } from './front-matter.js'
import { repairGluedFences } from './markdown/glued-fence.js'
import { parseMarkdownFrom } from './markdown/parse.js'
import { findSection, sectionsOf } from './markdown/sections.js'
import { deriveMatch } from './routing/derive-match.js'
import { readFrontMatterMatch } from './routing/front-matter-match.js'
import { checkLooseUsed, readRoutingOptions } from './routing/routing-options.js'
import { checkDataDictionaryNotEmpty } from './rules/data-dictionary-empty.js'
import { checkNesting } from './rules/markdown-too-deep.js'
import { reportUndeterminedMatch } from './rules/match-undetermined.js'

export interface CompiledDocument {
  /** The dictionary, unless the file has an error. */
  dictionary: DictionaryIR | undefined
  /** The parsed Event JSON, when valid. */
  sample: Record<string, unknown> | undefined
  /** Where the rule name (the id) was written. */
  idPosition: SourcePosition | undefined
  /** Where the routing evidence was written. */
  matchPosition: SourcePosition | undefined
}

/**
 * Compiles one dictionary file, whose front matter is already read: every
 * problem becomes a message on `ctx.file` (or, for included rows, on the
 * partial's file). `included` are the rows of the partials it includes, in order.
 */
export function compileDocument(
  ctx: FileContext,
  source: string,
  read: { frontMatter: FrontMatter | undefined; bodyStart: number },
  included: readonly RowSet[] = [],
): CompiledDocument {
  const { frontMatter, bodyStart } = read
  const header = frontMatter ? readHeader(ctx, frontMatter) : undefined

  if (checkNesting(ctx, bodyStart)) {
    return { dictionary: undefined, sample: undefined, idPosition: undefined, matchPosition: undefined }
  }
  const tree = parseMarkdownFrom(ctx.lines.text, bodyStart)
  repairGluedFences(ctx, tree)
  const sections = sectionsOf(tree)
  const sample = readEventSample(ctx, tree, sections)
  const fields = readDataDictionary(ctx, tree, sections, sample?.value, included)
  const dictionarySection = findSection(sections, 'data-dictionary')
  checkDataDictionaryNotEmpty(ctx, fields, dictionarySection)

  let match: MatchIR | undefined
  let eventType: string | null = null
  let matchPosition: SourcePosition | undefined
  const explicit = frontMatter?.keys.get('match')
  const routing = readRoutingOptions(ctx, frontMatter)
  if (explicit) {
    const conditions = readFrontMatterMatch(ctx, explicit, sample?.value, routing.compare)
    matchPosition = ctx.lines.position(explicit.start, explicit.end)
    if (conditions) {
      match = { all: conditions, evidence: 'front-matter' }
      eventType = eventTypeOf(conditions)
    }
  } else if (fields && fields.length > 0) {
    const derived = deriveMatch(ctx, sections, sample, fields)
    if (derived) {
      match = derived.match
      eventType = derived.eventType
      matchPosition = derived.position
    } else {
      reportUndeterminedMatch(ctx, dictionarySection)
    }
  }

  if (match) {
    checkLooseUsed(ctx, routing, match)
    if (routing.precedence !== 0) match = { ...match, precedence: routing.precedence }
  }

  const ruleKey = frontMatter && header?.logType ? (frontMatter.keys.get(`${header.logType}.rule`) ?? frontMatter.keys.get('rule')) : undefined
  const idPosition = ruleKey ? ctx.lines.position(ruleKey.start, ruleKey.valueEnd) : undefined
  let dictionary: DictionaryIR | undefined
  if (!ctx.hasErrors && header?.logType && header.rule && fields && match) {
    dictionary = dictionaryIr({ ...header, logType: header.logType, rule: header.rule }, source, eventType, match, fields)
  }
  return { dictionary, sample: sample?.value, idPosition, matchPosition }
}

/** A single expected string value names the event type (`event.type: IPConnect`); a lone present key does too. */
function eventTypeOf(conditions: MatchIR['all']): string | null {
  for (const condition of conditions) {
    if (condition.op === 'equals' && condition.values.length === 1 && typeof condition.values[0] === 'string') return condition.values[0]
  }
  const [only] = conditions
  if (conditions.length === 1 && only?.op === 'present' && only.path.kind === 'nested' && only.path.segments.length === 1) return String(only.path.segments[0])
  return null
}
