/**
 * A strict JSON scanner that says WHERE text stops being JSON.
 *
 * `JSON.parse` reports errors with engine-specific messages and, in recent V8,
 * sometimes without an offset; dictionaries need a line and column. The scanner
 * only validates (iteratively, so deep nesting cannot overflow the stack) and
 * remembers where each top-level key is; values come from `JSON.parse` once the
 * text is known to be valid, so both always agree on what the sample means.
 */

export type ScanResult =
  | { ok: true; topLevelKeys: Map<string, { start: number; end: number }> }
  | { ok: false; offset: number; end: number; reason: string }

/** Nesting deeper than this is reported instead of parsed. */
export const MAX_JSON_DEPTH = 512

export function scanJson(text: string): ScanResult {
  const topLevelKeys = new Map<string, { start: number; end: number }>()
  let index = 0
  // Each entry: the container kind and what is expected next in it.
  const stack: { kind: 'object' | 'array'; state: 'first' | 'value' | 'separator' }[] = []

  const fail = (reason: string, at = index, length = 1): ScanResult => ({
    ok: false,
    offset: at,
    end: Math.min(text.length, at + Math.max(length, 1)),
    reason,
  })
  const skipSpace = (): void => {
    while (index < text.length) {
      const code = text.charCodeAt(index)
      if (code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d) index++
      else break
    }
  }
  const shown = (at: number): string => {
    if (at >= text.length) return 'end of JSON'
    const char = text[at] ?? ''
    return `\`${char === '`' ? '\\`' : char}\``
  }

  /** Scans a string starting at `index` (a `"`); returns an error or undefined. */
  const scanString = (): ScanResult | undefined => {
    const start = index
    index++
    while (index < text.length) {
      const code = text.charCodeAt(index)
      if (code === 0x22) {
        index++
        return undefined
      }
      if (code === 0x5c) {
        const next = text[index + 1]
        if (next !== undefined && '"\\/bfnrt'.includes(next)) index += 2
        else if (next === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(index + 2, index + 6))) index += 6
        else return fail(`Unexpected escape \`\\${next ?? ''}\` in a JSON string, expected one of \`\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX\``, index, 2)
        continue
      }
      if (code < 0x20) return fail('Unexpected control character in a JSON string, expected it escaped', index)
      index++
    }
    return fail('Unexpected end of JSON in a string, expected a closing `"`', start)
  }

  const scanScalar = (): ScanResult | undefined => {
    const rest = text.slice(index, index + 5)
    for (const word of ['true', 'false', 'null']) {
      if (rest.startsWith(word)) {
        index += word.length
        return undefined
      }
    }
    const number = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(index, index + 400))
    if (number && number[0].length > 0 && number[0] !== '-') {
      index += number[0].length
      return undefined
    }
    return fail(`Unexpected ${shown(index)} in JSON, expected a value`)
  }

  skipSpace()
  if (index >= text.length) return fail('Unexpected end of JSON, expected a value', 0)
  let expectValue = true
  for (;;) {
    skipSpace()
    const top = stack[stack.length - 1]
    if (expectValue) {
      const char = text[index]
      if (char === '{' || char === '[') {
        if (stack.length >= MAX_JSON_DEPTH) return fail(`Unexpected nesting deeper than ${MAX_JSON_DEPTH} levels in JSON`)
        stack.push({ kind: char === '{' ? 'object' : 'array', state: 'first' })
        index++
        expectValue = false
        continue
      }
      const error = char === '"' ? scanString() : scanScalar()
      if (error) return error
      expectValue = false
      if (!top) break
      top.state = 'separator'
      continue
    }
    if (!top) break
    const char = text[index]
    if (top.kind === 'array') {
      if (top.state === 'first' && char === ']') {
        stack.pop()
        index++
        markValueDone()
        continue
      }
      if (top.state === 'separator') {
        if (char === ',') {
          index++
          top.state = 'value'
          expectValue = true
          continue
        }
        if (char === ']') {
          stack.pop()
          index++
          markValueDone()
          continue
        }
        return fail(`Unexpected ${shown(index)} in JSON, expected \`,\` or \`]\``)
      }
      expectValue = true
      continue
    }
    // object: a key, `:` then a value
    if (top.state === 'first' && char === '}') {
      stack.pop()
      index++
      markValueDone()
      continue
    }
    if (top.state === 'separator') {
      if (char === ',') {
        index++
        top.state = 'value'
        continue
      }
      if (char === '}') {
        stack.pop()
        index++
        markValueDone()
        continue
      }
      return fail(`Unexpected ${shown(index)} in JSON, expected \`,\` or \`}\``)
    }
    if (char !== '"') return fail(`Unexpected ${shown(index)} in JSON, expected a \`"\` to start a key`)
    const keyStart = index
    const error = scanString()
    if (error) return error
    if (stack.length === 1) {
      try {
        const key = JSON.parse(text.slice(keyStart, index)) as string
        if (!topLevelKeys.has(key)) topLevelKeys.set(key, { start: keyStart, end: index })
      } catch {
        // scanString accepted it, so JSON.parse does too; nothing to do
      }
    }
    skipSpace()
    if (text[index] !== ':') return fail(`Unexpected ${shown(index)} in JSON, expected \`:\` after a key`)
    index++
    expectValue = true
  }

  skipSpace()
  if (index < text.length) return fail(`Unexpected ${shown(index)} after the JSON value, expected end of JSON`)
  return { ok: true, topLevelKeys }

  function markValueDone(): void {
    const parent = stack[stack.length - 1]
    if (parent) parent.state = 'separator'
    expectValue = false
  }
}
