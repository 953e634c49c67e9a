/**
 * The in-process contenders, each as "one NDJSON line in, one line out (or
 * null when rejected)". Building a mapper (compiling dictionaries, compiling
 * a JSONata expression) happens here, outside the timed loop.
 */
import { mapNetworkConnectionLine } from '../handwritten.js'
import { mapCloudFunnelIp, mapCloudFunnelIpLine } from '../handwritten-cloud-funnel.js'
import { loadEngineInternals, loadScanModules, parseWithReviver, selectiveLineParser } from '../alternatives/selective-parse.js'
import { mapLineWithJsonPath } from '../alternatives/jsonpath-plus.js'
import { createJsonataLineMapper } from '../alternatives/jsonata.js'
import { compileOrThrow, loadCompiler, loadEngine, type Engine } from '../mapdown.js'
import { CLOUD_FUNNEL_DICTIONARY, DICTIONARIES_DIR, ORIGINAL_DICTIONARY, REPO_ROOT } from '../paths.js'

export type LineMapper = (
  | { kind: 'sync'; map: (line: string) => string | null }
  | { kind: 'async'; map: (line: string) => Promise<string | null> }
) & {
  /** What the mapper itself counted (the engine's stats), shown in the report; read after timing. */
  stats?: () => unknown
}

export type InProcessMapperId =
  | 'floor-parse'
  | 'floor-parse-stringify'
  | 'handwritten'
  | 'mapdown-engine'
  | 'mapdown-engine-library'
  | 'mapdown-engine-library-ecs'
  | 'mapdown-engine-library-ocsf'
  | 'jsonpath-plus'
  | 'jsonata'
  | 'handwritten-cloud-funnel'
  | 'mapdown-engine-cloud-funnel'
  | 'floor-selective-parse-cloud-funnel'
  | 'floor-parse-reviver'
  | 'handwritten-cloud-funnel-selective'
  | 'mapdown-engine-cloud-funnel-selective'

export const IN_PROCESS_MAPPER_IDS: readonly InProcessMapperId[] = [
  'floor-parse',
  'floor-parse-stringify',
  'handwritten',
  'mapdown-engine',
  'mapdown-engine-library',
  'mapdown-engine-library-ecs',
  'mapdown-engine-library-ocsf',
  'jsonpath-plus',
  'jsonata',
  'handwritten-cloud-funnel',
  'mapdown-engine-cloud-funnel',
  'floor-selective-parse-cloud-funnel',
  'floor-parse-reviver',
  'handwritten-cloud-funnel-selective',
  'mapdown-engine-cloud-funnel-selective',
]

/** Written by the parse-only floor so the engine cannot treat the parse as dead code. */
export let parseSink: unknown = null

export class UnavailableError extends Error {
  override name = 'UnavailableError'
}

export async function createLineMapper(id: InProcessMapperId): Promise<LineMapper> {
  switch (id) {
    case 'floor-parse':
      return {
        kind: 'sync',
        map: (line) => {
          parseSink = JSON.parse(line)
          return ''
        },
      }
    case 'floor-parse-stringify':
      return { kind: 'sync', map: (line) => JSON.stringify(JSON.parse(line)) }
    case 'handwritten':
      return { kind: 'sync', map: mapNetworkConnectionLine }
    case 'mapdown-engine':
      return engineMapper(await createMapdownEngine([ORIGINAL_DICTIONARY], 'strict'))
    case 'mapdown-engine-library':
      return engineMapper(await createMapdownEngine([DICTIONARIES_DIR], 'lenient'))
    // The same library and events, written as ECS documents or OCSF events (dictionaries/schemas/).
    case 'mapdown-engine-library-ecs':
      return engineMapper(await createMapdownEngine([DICTIONARIES_DIR], 'lenient', { schema: 'ecs' }))
    case 'mapdown-engine-library-ocsf':
      return engineMapper(await createMapdownEngine([DICTIONARIES_DIR], 'lenient', { schema: 'ocsf' }))
    case 'handwritten-cloud-funnel':
      return { kind: 'sync', map: mapCloudFunnelIpLine }
    case 'mapdown-engine-cloud-funnel':
      return engineMapper(await createMapdownEngine([CLOUD_FUNNEL_DICTIONARY], 'strict'))
    case 'floor-selective-parse-cloud-funnel': {
      const parse = await cloudFunnelSelectiveParser()
      return {
        kind: 'sync',
        map: (line) => {
          parseSink = parse(line)
          return ''
        },
      }
    }
    case 'floor-parse-reviver':
      return {
        kind: 'sync',
        map: (line) => {
          parseSink = parseWithReviver(line)
          return ''
        },
      }
    case 'handwritten-cloud-funnel-selective': {
      const parse = await cloudFunnelSelectiveParser()
      return {
        kind: 'sync',
        map: (line) => {
          let event: unknown
          try {
            event = parse(line)
          } catch {
            return null
          }
          const record = mapCloudFunnelIp(event)
          return record === null ? null : JSON.stringify(record)
        },
      }
    }
    // The same engine with selective reading turned on (off by default: docs/parse-floor.md).
    case 'mapdown-engine-cloud-funnel-selective': {
      const engine = await createMapdownEngine([CLOUD_FUNNEL_DICTIONARY], 'strict')
      const internals = await loadEngineInternals()
      internals.engineInternals(engine)?.setSelectiveReading(true)
      return engineMapper(engine)
    }
    case 'jsonpath-plus':
      return { kind: 'sync', map: mapLineWithJsonPath }
    case 'jsonata':
      return { kind: 'async', map: createJsonataLineMapper() }
  }
}

/** The selective parser asked for the keys the Cloud Funnel IP dictionary reads (JSON.parse when it declines). */
async function cloudFunnelSelectiveParser(): Promise<(line: string) => unknown> {
  const [compiler, scan] = await Promise.all([loadCompiler(), loadScanModules()])
  if (!compiler.ok) throw new UnavailableError(compiler.reason)
  if (!scan.ok) throw new UnavailableError(scan.reason)
  const compiled = await compileOrThrow(compiler.api, [CLOUD_FUNNEL_DICTIONARY])
  return selectiveLineParser(scan.api, compiled.ir.dictionaries)
}

/** The engine as a user embeds it: `mapLine`, then JSON.stringify of the record. */
export function engineMapper(engine: Engine): LineMapper {
  return {
    kind: 'sync',
    map: (line) => {
      const result = engine.mapLine(line)
      return result.ok ? JSON.stringify(result.record) : null
    },
    stats: () => engine.stats(),
  }
}

/**
 * `strict`: any compile error stops the row (the original dictionary must compile).
 * `lenient`: the dictionary library is someone else's moving target; dictionaries
 * with errors are left out by the compiler and the bench goes on with the rest
 * (the harness reports how many dictionaries were loaded).
 */
export async function createMapdownEngine(paths: string[], mode: 'strict' | 'lenient', options?: Record<string, unknown>): Promise<Engine> {
  const [compiler, engine] = await Promise.all([loadCompiler(), loadEngine()])
  if (!compiler.ok) throw new UnavailableError(compiler.reason)
  if (!engine.ok) throw new UnavailableError(engine.reason)
  const compiled = mode === 'strict' ? await compileOrThrow(compiler.api, paths) : await compiler.api.compileFiles(paths, { cwd: REPO_ROOT })
  return engine.api.createEngine(compiled.ir, options)
}
