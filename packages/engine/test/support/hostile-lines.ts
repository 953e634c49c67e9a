import fc from 'fast-check'

/** Characters that break JSON where they land, or are JSON that JSON.parse treats specially. */
export const HOSTILE_CHARS = ['"', '\\', '{', '}', '[', ']', ',', ':', ' ', '\t', '\n', '\r', '\u0000', '\u001f', '0', '-', '+', 'e', 'E', '.', 'u', 'x', 't', 'n', '\uD800', '\uFEFF', '\u00a0', '/']

/** One to three random edits of a line's text (insert, delete or replace a hostile character, or cut the line): mostly invalid JSON. */
export function hostileEdits(line: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc
    .tuple(line, fc.array(fc.tuple(fc.nat(), fc.constantFrom('insert', 'delete', 'replace', 'cut'), fc.constantFrom(...HOSTILE_CHARS)), { minLength: 1, maxLength: 3 }))
    .map(([text, edits]) => {
      for (const [at, edit, char] of edits) {
        const i = text.length === 0 ? 0 : at % text.length
        if (edit === 'insert') text = text.slice(0, i) + char + text.slice(i)
        else if (edit === 'delete') text = text.slice(0, i) + text.slice(i + 1)
        else if (edit === 'replace') text = text.slice(0, i) + char + text.slice(i + 1)
        else text = text.slice(0, i)
      }
      return text
    })
}

/** Escapes the characters of every key as \\uXXXX (all, or every other one): `"ev\\u0065nt.type"` is the key `event.type`. */
export function escapeKeys(line: string, all: boolean): string {
  return line.replace(/"((?:[^"\\]|\\.)*)"(\s*):/g, (_match, inner: string, space: string) => {
    const decoded = JSON.parse(`"${inner}"`) as string
    const spelled = [...decoded]
      .map((char, index) => (all || index % 2 === 0 ? [...char].map((unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`).join('') : JSON.stringify(char).slice(1, -1)))
      .join('')
    return `"${spelled}"${space}:`
  })
}
