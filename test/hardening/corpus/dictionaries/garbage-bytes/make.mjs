import { writeParts } from '../_shared/dictionary.mjs'

// A fixed linear congruential generator: the same bytes every run.
export default (path) => {
  const bytes = Buffer.alloc(64 * 1024)
  let state = 20191028
  for (let index = 0; index < bytes.length; index++) {
    state = (state * 1103515245 + 12345) >>> 0
    bytes[index] = state >>> 24
  }
  return writeParts(path, [bytes])
}
