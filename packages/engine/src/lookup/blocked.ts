/**
 * A simple path that ran into a value it cannot step into: a string, number
 * or boolean where an object (or array) was expected, or an array where a key
 * is read. The event's shape disagrees with the dictionary, so the mapper
 * reports a field issue (`unexpected_shape`) instead of leaving the field out
 * silently as if it were absent. `null`, a missing key and `E_UNSUPPORTED`
 * along the way stay absent.
 */
export class BlockedPath {
  /** How many segments were read before the one that could not be: the blocking value is at `segments.slice(0, depth)`. */
  readonly depth: number
  /** The value found where an object or array was expected. */
  readonly found: unknown
  constructor(depth: number, found: unknown) {
    this.depth = depth
    this.found = found
  }
}
