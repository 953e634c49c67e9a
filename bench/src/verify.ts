/**
 * Before anything is timed: every mapper of the original dictionary must
 * write exactly what the hand-written mapper writes for the first events
 * (same keys, same order, same values, same metadata). Otherwise the rows
 * would compare different work. A mapper that disagrees is not timed; its
 * row shows the first differing line and the bench exits with 1.
 */
import { mapNetworkConnectionLine } from './handwritten.js'
import { createLineMapper, UnavailableError, type InProcessMapperId } from './inproc/line-mappers.js'

export interface Verification {
  /** The hand-written mapper's output for the lines checked: the reference for whole-process rows too. */
  referenceLines: string[]
  /** Mapper id -> why it is not equivalent. */
  failures: Map<InProcessMapperId, string>
  /** Mapper ids that matched the reference on every line checked. */
  verified: InProcessMapperId[]
}

export const VERIFIED_MAPPERS: readonly InProcessMapperId[] = ['jsonpath-plus', 'jsonata', 'mapdown-engine', 'mapdown-engine-library']

/**
 * `reference` is the hand-written mapper of the dataset the lines come from (by default
 * the NetworkConnection one), `mappers` those that must agree with it.
 */
export async function verifyMappers(
  lines: readonly string[],
  reference: (line: string) => string | null = mapNetworkConnectionLine,
  mappers: readonly InProcessMapperId[] = VERIFIED_MAPPERS,
): Promise<Verification> {
  const referenceLines = lines.map((line, i) => {
    const out = reference(line)
    if (out === null) throw new Error(`the hand-written mapper rejected generated line ${i + 1}: the generator is broken`)
    return out
  })
  const failures = new Map<InProcessMapperId, string>()
  const verified: InProcessMapperId[] = []
  for (const id of mappers) {
    let mapper
    try {
      mapper = await createLineMapper(id)
    } catch (error) {
      if (error instanceof UnavailableError) continue
      failures.set(id, `could not be built: ${(error as Error).message}`)
      continue
    }
    let difference: string | null = null
    for (let i = 0; i < lines.length && difference === null; i++) {
      const line = lines[i] as string
      const actual = mapper.kind === 'sync' ? mapper.map(line) : await mapper.map(line)
      if (actual !== referenceLines[i]) {
        difference = `line ${i + 1} differs from the hand-written mapper's:\n  expected ${referenceLines[i]}\n  actual   ${actual ?? '(rejected)'}`
      }
    }
    if (difference === null) verified.push(id)
    else failures.set(id, difference)
  }
  return { referenceLines, failures, verified }
}
