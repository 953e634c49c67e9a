/** Where every rule's documentation lives; one anchor per rule id. */
export const RULES_DOC_URL = 'https://github.com/mapdown/mapdown/blob/main/packages/compiler/docs/rules.md'

export type Severity = 'error' | 'warning' | 'info'

/** A diagnostic rule: its id and docs url are stamped in one place, the rule module. */
export interface Rule {
  readonly id: string
  readonly url: string
  /** One line: what the rule reports. */
  readonly summary: string
}

export function defineRule(id: string, summary: string): Rule {
  return { id, url: `${RULES_DOC_URL}#${id}`, summary }
}
