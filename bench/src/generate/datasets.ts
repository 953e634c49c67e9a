/** The bench's inputs: what each generated file holds, as recipes for ensureDataFile. */
import { createHash } from 'node:crypto'
import type { DataRecipe } from './datafile.js'
import { cloudFunnelEvent } from './cloud-funnel.js'
import { networkConnectionEvent } from './network-connection.js'
import { varySample } from './vary.js'

/** Bump when a generator's output changes, so cached files in bench/.data are regenerated. */
const GENERATOR_VERSION = 1
/** 2019-10-24T16:11:55.865Z, the original sample's timestamp. */
const MIXED_TIME_BASE = 1571933515865

export function networkConnectionRecipe(events: number, seed: number): DataRecipe {
  return {
    name: `network-connection-s${seed}-${events}`,
    seed,
    version: GENERATOR_VERSION,
    until: { events },
    line: (rng, index) => JSON.stringify(networkConnectionEvent(rng, index)),
  }
}

/** The same events up to a size in bytes: the peak-RSS input. */
export function networkConnectionBytesRecipe(bytes: number, seed: number): DataRecipe {
  return {
    name: `network-connection-s${seed}-${bytes}B`,
    seed,
    version: GENERATOR_VERSION,
    until: { bytes },
    line: (rng, index) => JSON.stringify(networkConnectionEvent(rng, index)),
  }
}

/** Events of every dictionary that has a valid sample (`file` names it), each picked uniformly at random. */
export function mixedRecipe(events: number, seed: number, samples: readonly { file: string; sample: unknown }[]): DataRecipe {
  if (samples.length === 0) throw new RangeError('the mixed stream needs at least one dictionary sample')
  const inputsHash = createHash('sha256').update(JSON.stringify(samples)).digest('hex')
  return {
    name: `mixed-s${seed}-${events}`,
    seed,
    version: GENERATOR_VERSION,
    until: { events },
    inputsHash,
    line: (rng, index) => {
      const { sample } = samples[rng.int(0, samples.length - 1)] as { sample: unknown }
      return JSON.stringify(varySample(sample, rng, MIXED_TIME_BASE + index * 37))
    },
  }
}

/** 2023-03-21T13:39:13.954Z, the IP sample's event time. */
const CLOUD_FUNNEL_TIME_BASE = 1679405953954

/** Cloud Funnel IP Connect events (about 5 kB, 150 flat keys), from the IP dictionary's parsed sample. */
export function cloudFunnelRecipe(events: number, seed: number, sample: Record<string, unknown>): DataRecipe {
  return {
    name: `cloud-funnel-ip-s${seed}-${events}`,
    seed,
    version: GENERATOR_VERSION,
    until: { events },
    inputsHash: createHash('sha256').update(JSON.stringify(sample)).digest('hex'),
    line: (rng, index) => JSON.stringify(cloudFunnelEvent(sample, rng, index, CLOUD_FUNNEL_TIME_BASE)),
  }
}
