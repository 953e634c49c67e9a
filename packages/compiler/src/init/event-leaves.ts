import { readFieldPath } from '../paths/field-path.js'

/** One scalar of a sample event, with the Field Name that reads it. */
export interface EventLeaf {
  readonly fieldName: string
  readonly value: string | number | boolean
}

/** A part of the sample event that gets no Data Dictionary row, and why. */
export interface SkippedLeaf {
  readonly fieldName: string
  readonly reason: 'null' | 'array' | 'empty-object' | 'unreadable-name'
}

export interface EventLeaves {
  readonly leaves: readonly EventLeaf[]
  readonly skipped: readonly SkippedLeaf[]
}

/**
 * Every scalar of an event, in the event's key order, named by its dotted
 * Field Name (`src.process.pid` for a flat Cloud Funnel key, `tcpv4.source.pid`
 * for nested objects: the compiler tells the two apart from the sample).
 * Arrays, nulls and keys a dotted Field Name cannot spell are set aside.
 * `ignoreTopLevelNull` drops Deep Visibility's dozens of `"tcpv4": null` keys.
 */
export function eventLeaves(event: Readonly<Record<string, unknown>>, options: { ignoreTopLevelNull: boolean }): EventLeaves {
  const leaves: EventLeaf[] = []
  const skipped: SkippedLeaf[] = []
  const visit = (value: unknown, segments: readonly string[]): void => {
    const fieldName = segments.join('.')
    if (value === null || value === undefined) {
      if (!(options.ignoreTopLevelNull && segments.length === 1)) skipped.push({ fieldName, reason: 'null' })
      return
    }
    if (Array.isArray(value)) {
      skipped.push({ fieldName, reason: 'array' })
      return
    }
    if (typeof value === 'object') {
      const keys = Object.keys(value)
      if (keys.length === 0) skipped.push({ fieldName, reason: 'empty-object' })
      for (const key of keys) visit((value as Record<string, unknown>)[key], [...segments, key])
      return
    }
    if (!isDottedName(segments)) {
      skipped.push({ fieldName, reason: 'unreadable-name' })
      return
    }
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') leaves.push({ fieldName, value })
  }
  for (const key of Object.keys(event)) visit(event[key], [key])
  return { leaves, skipped }
}

/** Whether the keys read back as the same path when written `a.b.c` (no JSONPath syntax, blanks or empty keys). */
function isDottedName(segments: readonly string[]): boolean {
  const read = readFieldPath(segments.join('.'))
  return read.ok && read.draft.kind === 'dotted' && segments.every((segment) => segment !== '' && !/[|`<>\\]/.test(segment))
}
