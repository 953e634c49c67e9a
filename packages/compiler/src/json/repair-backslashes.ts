/**
 * Doubles backslashes that do not start a valid JSON escape inside strings.
 *
 * Sample events pasted from Windows tools often carry `"C:\Windows\x.exe"`:
 * invalid JSON, but its meaning is obvious. `repairs` are the offsets (in the
 * original text) of the backslashes that were doubled.
 */
export function repairBackslashes(text: string): { text: string; repairs: number[] } {
  const repairs: number[] = []
  let out = ''
  let inString = false
  for (let index = 0; index < text.length; index++) {
    const char = text[index]
    if (!inString) {
      if (char === '"') inString = true
      out += char
      continue
    }
    if (char === '"') {
      inString = false
      out += char
      continue
    }
    if (char === '\\') {
      const next = text[index + 1]
      const valid =
        (next !== undefined && '"\\/bfnrt'.includes(next)) ||
        (next === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(index + 2, index + 6)))
      if (valid) {
        out += char + next
        index++
      } else {
        repairs.push(index)
        out += '\\\\'
      }
      continue
    }
    if (char === '\n') inString = false // an unterminated string: let the scanner report it
    out += char
  }
  return { text: out, repairs }
}

/** Maps an offset in the repaired text back to the original text. */
export function originalOffset(repairedOffset: number, repairs: readonly number[]): number {
  let shift = 0
  for (const [k, at] of repairs.entries()) {
    if (at + k < repairedOffset) shift++
    else break
  }
  return repairedOffset - shift
}
