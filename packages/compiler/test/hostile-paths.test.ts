import fc from 'fast-check'
import { afterEach, describe, expect, it } from 'vitest'
import { compileSources } from '@mapdown/compiler'
import { canonicalFilter, FilterSyntaxError } from '@mapdown/engine'

// Dictionaries come from pull requests: compiling one must never run code.
// Every hostile path below tries to set a global canary (or reach `process`,
// `require`, `constructor`); the test proves the canary is never set and the
// dictionary is refused.

declare global {
  // eslint-disable-next-line no-var
  var __mapdownCanary: unknown
}

const HOSTILE_PATHS = [
  '$.tcpv4[(globalThis.__mapdownCanary = 1)]',
  '$[(this.__mapdownCanary=1)]',
  "$..[?(globalThis.__mapdownCanary = 'filter')]",
  "$.tcpv4[?(@.constructor.constructor('globalThis.__mapdownCanary = 1')())]",
  '$.tcpv4[?(@.__proto__)]',
  "$.tcpv4[?(@['constructor'])]",
  "$..[?(require('child_process').execSync('touch /tmp/mapdown-pwned'))]",
  '$..[?(process.exit(1))]',
  '$..[?(process.mainModule)]',
  '$[?(`${globalThis.__mapdownCanary = 1}`)]',
  '$[?(@.a == 1 ; globalThis.__mapdownCanary = 1)]',
  "$[?(@.a == 'x' || (globalThis.__mapdownCanary = 2))]",
  '$[?(@.toString())]',
  '$[?(@.a.constructor.prototype)]',
]

function dictionary(fieldName: string, matchPath = 'tcpv4'): string {
  return [
    '---',
    'title: hostile',
    'log.type: sentinelone',
    'sentinelone.rule: Hostile',
    `match: ${JSON.stringify(matchPath)}`,
    '---',
    '',
    '## Event JSON',
    '```json',
    '{ "tcpv4": { "a": 1, "port": 443 } }',
    '```',
    '',
    '## Data Dictionary',
    '| Standard Name | Field Name | Type | Description | Sample Value |',
    '| --- | --- | --- | --- | --- |',
    `| field | \`${fieldName.replace(/\|/g, '\\|')}\` | string | hostile | x |`,
    '',
  ].join('\n')
}

afterEach(() => {
  expect(globalThis.__mapdownCanary).toBeUndefined()
})

describe('hostile JSONPath Field Names', () => {
  for (const path of HOSTILE_PATHS) {
    it(`should refuse \`${path}\` without running it`, () => {
      const result = compileSources([{ path: 'hostile.md', contents: dictionary(path) }])
      const messages = result.files[0]?.messages ?? []
      expect(result.ir.dictionaries).toEqual([])
      expect(messages.filter((message) => message.fatal === true).map((message) => message.ruleId)).toEqual([expect.stringMatching(/^field-path-(unsafe|invalid)$/)])
    })
  }

  it('should refuse hostile paths in the `match:` front matter key', () => {
    for (const path of HOSTILE_PATHS) {
      const result = compileSources([{ path: 'hostile.md', contents: dictionary('tcpv4.port', path) }])
      expect(result.ir.dictionaries).toEqual([])
      expect(result.files[0]?.messages.some((message) => message.ruleId === 'match-invalid')).toBe(true)
    }
  })

  it('should refuse a `js` front matter (gray-matter would eval it)', () => {
    const source = "---js\n{ title: (globalThis.__mapdownCanary = 'front matter') }\n---\n"
    const result = compileSources([{ path: 'hostile.md', contents: source }])
    expect(result.errorCount).toBeGreaterThan(0)
  })
})

describe('the filter whitelist', () => {
  const TOKENS = ['@', '.', 'a', 'b', 'constructor', '__proto__', 'process', 'require', 'this', '(', ')', '[', ']', "'x'", '"y"', '0', '1.5', 'true', 'null', '==', '!==', '<', '&&', '||', '!', '`', ';', '=', ',', ' ']

  it('should only ever accept comparisons of `@` paths and literals, in a canonical form that reads back the same', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...TOKENS), { maxLength: 14 }), (tokens) => {
        const source = tokens.join('')
        let canonical: string
        try {
          canonical = canonicalFilter(source)
        } catch (error) {
          expect(error).toBeInstanceOf(FilterSyntaxError)
          return
        }
        // Without string literals, only `@` paths, numbers, keywords and operators remain.
        const code = canonical.replace(/'(?:[^'\\]|\\.)*'/g, "''")
        // Whole words only: `@.b` then `constructor` is the member `bconstructor`, which is data.
        expect(code).not.toMatch(/\b(?:constructor|__proto__|prototype|globalThis)\b|`|;|(?<![=!<>])=(?!=)/)
        expect(code).not.toMatch(/[\w\]]\s*\(/)
        // Member names after `.` are data (`@.process` is a field called process);
        // every other word must be a literal keyword.
        for (const word of code.replace(/\.[A-Za-z_$][\w$]*/g, '').match(/[A-Za-z_$][\w$]*/g) ?? []) {
          expect(['true', 'false', 'null']).toContain(word)
        }
        expect(canonicalFilter(canonical)).toBe(canonical)
      }),
      { numRuns: 2000 },
    )
  })
})
