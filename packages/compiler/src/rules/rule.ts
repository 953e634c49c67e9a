import type { VFile } from 'vfile'
import type { Options as MessageOptions, VFileMessage } from 'vfile-message'
import { clonePlace, shortenReason, shortenText, type Place } from '../context.js'

/** Where every rule's documentation lives; one anchor per rule id. */
export const RULES_DOC_URL = 'https://github.com/mapdown/mapdown/blob/main/packages/compiler/docs/rules.md'

export type Severity = 'error' | 'warning' | 'info'

export type { Place }

/**
 * One message of a rule, as typescript-eslint's `meta.messages`: a template
 * with `{{name}}` placeholders (filled from the data given at report time,
 * single pass, so quoted input is never re-expanded), an optional note (a
 * hint shown under the message) and a severity when it is not the rule's.
 */
export interface MessageSpec {
  readonly text: string
  readonly note?: string
  readonly severity?: Severity
}

/** Who produces a rule's messages: the compiler, or `mapdown check` (running the engine on the samples). */
export type RuleOrigin = 'compiler' | 'check'

export interface RuleMeta<Messages extends Record<string, string | MessageSpec>> {
  /** Kebab-case, unique; the module's file name. */
  readonly id: string
  /** One line: what the rule reports (SARIF `shortDescription`). */
  readonly summary: string
  /** Longer prose for docs/rules.md (SARIF `fullDescription`); the summary when absent. */
  readonly docs?: string
  /** Each message's severity unless it declares its own. */
  readonly severity: Severity
  /** Message ids to templates (a string is a template with the rule's severity). */
  readonly messages: Messages
  /** Default `compiler`. */
  readonly origin?: RuleOrigin
  /**
   * An example for the docs when no compiler fixture has one (rules across
   * files, or that only a test or the CLI reaches): the line, and the file
   * (from the repository root) of the test or fixture that holds it verbatim.
   */
  readonly example?: { readonly source: string; readonly line: string }
}

/** `{{name}}` placeholders of a template, as a union of names. */
type Placeholders<Text extends string> = Text extends `${string}{{${infer Name}}}${infer Rest}` ? Name | Placeholders<Rest> : never

type TemplatesOf<Spec> = Spec extends string ? Spec : Spec extends { text: infer Text extends string; note?: infer Note } ? Text | (Note extends string ? Note : never) : never

/** The data a message needs: one value per placeholder of its text and note. */
export type MessageData<Spec> = [Placeholders<TemplatesOf<Spec>>] extends [never] ? Record<string, never> : Record<Placeholders<TemplatesOf<Spec>>, string | number>

/** A rule's message ids. */
export type MessageIdOf<R> = R extends Rule<infer Messages> ? keyof Messages & string : never

/** The data message `Id` of rule `R` needs. */
export type RuleData<R, Id extends string> = R extends Rule<infer Messages> ? (Id extends keyof Messages ? MessageData<Messages[Id]> : never) : never

export interface ReportExtras {
  actual?: string
  expected?: string[]
  /** A second location ("first defined here"), as a message of its own: see `causeAt`. */
  cause?: VFileMessage
  /** Overrides the message's severity (`check --strict` makes sample findings errors). */
  severity?: Severity
}

/** Anything that carries the file being reported on (a compiler FileContext, or a bare `{ file }`). */
export interface ReportTarget {
  readonly file: VFile
}

/** A message after normalisation: every field filled. */
export interface RuleMessage {
  readonly id: string
  readonly text: string
  readonly note: string | undefined
  readonly severity: Severity
}

/** A diagnostic rule: id, url, severity and message templates are stamped in one place, the rule module. */
export interface Rule<Messages extends Record<string, string | MessageSpec> = Record<string, string | MessageSpec>> {
  readonly id: string
  readonly url: string
  readonly summary: string
  readonly docs: string
  readonly severity: Severity
  readonly origin: RuleOrigin
  readonly messages: { readonly [Id in keyof Messages]: RuleMessage }
  readonly example: RuleMeta<Messages>['example']
  /** Adds message `messageId` to the target's file, filled with `data`, at `place`. */
  report<Id extends keyof Messages & string>(
    target: ReportTarget,
    messageId: Id,
    data: MessageData<Messages[Id]>,
    place: Place | undefined,
    extras?: ReportExtras,
  ): VFileMessage
}

const PLACEHOLDER = /\{\{(\w+)\}\}/g

/** Fills `{{name}}` placeholders in one pass; a missing value is a bug in the rule, so it throws. */
export function fillTemplate(template: string, data: Readonly<Record<string, string | number>>, where: string): string {
  return template.replace(PLACEHOLDER, (_, name: string) => {
    const value = data[name]
    if (value === undefined) throw new Error(`${where}: no value for \`{{${name}}}\``)
    return String(value)
  })
}

/** The placeholder names of a template, in order (for tests and docs). */
export function placeholdersOf(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((match) => match[1] ?? '')
}

export function defineRule<const Messages extends Record<string, string | MessageSpec>>(meta: RuleMeta<Messages>): Rule<Messages> {
  const url = `${RULES_DOC_URL}#${meta.id}`
  const messages = Object.fromEntries(
    Object.entries(meta.messages).map(([id, spec]) => {
      const full: MessageSpec = typeof spec === 'string' ? { text: spec } : spec
      return [id, { id, text: full.text, note: full.note, severity: full.severity ?? meta.severity } satisfies RuleMessage]
    }),
  ) as { [Id in keyof Messages]: RuleMessage }
  return {
    id: meta.id,
    url,
    summary: meta.summary,
    docs: meta.docs ?? meta.summary,
    severity: meta.severity,
    origin: meta.origin ?? 'compiler',
    messages,
    example: meta.example,
    report(target, messageId, data, place, extras = {}) {
      const message = messages[messageId]
      if (!message) throw new Error(`rule ${meta.id}: unknown message id \`${messageId}\``)
      const values = data as Record<string, string | number>
      const where = `rule ${meta.id}, message ${messageId}`
      const options: MessageOptions = { ruleId: meta.id, source: 'mapdown' }
      if (place) options.place = clonePlace(place)
      if (extras.cause) options.cause = extras.cause
      const result = target.file.message(shortenReason(fillTemplate(message.text, values, where)), options)
      result.url = url
      const severity = extras.severity ?? message.severity
      if (severity === 'error') result.fatal = true
      else if (severity === 'info') result.fatal = undefined
      else result.fatal = false
      if (message.note !== undefined) result.note = shortenText(fillTemplate(message.note, values, where))
      if (extras.actual !== undefined) result.actual = shortenText(extras.actual)
      if (extras.expected !== undefined) result.expected = extras.expected
      return result
    },
  }
}
