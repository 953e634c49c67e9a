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

/**
 * Maps an offset in the repaired text back to the original text: minus the
 * backslashes added before it. Repair `k` sits at `repairs[k] + k` in the
 * repaired text, which grows with `k`, so they are counted by binary search
 * (a scan per offset was quadratic in a sample with many keys and repairs).
 */
export function originalOffset(repairedOffset: number, repairs: readonly number[]): number {
  let low = 0
  let high = repairs.length
  while (low < high) {
    const middle = (low + high) >> 1
    if ((repairs[middle] ?? 0) + middle < repairedOffset) low = middle + 1
    else high = middle
  }
  return repairedOffset - low
}
