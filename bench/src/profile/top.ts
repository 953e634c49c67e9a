/**
 * `node bench/dist/profile/top.js <file.cpuprofile> [N]`: the N functions with
 * the most self time in a V8 CPU profile (from `node --cpu-prof`), with their
 * share of the samples. Enough to find hot spots without opening DevTools.
 */
import { readFileSync } from 'node:fs'
import { relative } from 'node:path'
import { REPO_ROOT } from '../paths.js'

interface ProfileNode {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }
}

interface CpuProfile {
  nodes: ProfileNode[]
  samples: number[]
}

export interface HotSpot {
  name: string
  where: string
  samples: number
  share: number
}

export function hotSpots(profile: CpuProfile, count: number): HotSpot[] {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]))
  const totals = new Map<string, HotSpot>()
  for (const id of profile.samples) {
    const frame = byId.get(id)?.callFrame
    if (frame === undefined) continue
    const url = frame.url.startsWith('file://') ? relative(REPO_ROOT, new URL(frame.url).pathname) : frame.url
    const where = url === '' ? '(native)' : `${url}:${frame.lineNumber + 1}`
    const name = frame.functionName === '' ? '(anonymous)' : frame.functionName
    const key = `${name} ${where}`
    const spot = totals.get(key) ?? { name, where, samples: 0, share: 0 }
    spot.samples++
    totals.set(key, spot)
  }
  const all = profile.samples.length
  return [...totals.values()]
    .map((spot) => ({ ...spot, share: spot.samples / all }))
    .sort((a, b) => b.samples - a.samples)
    .slice(0, count)
}

const [file, countText] = process.argv.slice(2)
if (file !== undefined) {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile
  for (const spot of hotSpots(profile, Number(countText ?? '25'))) {
    process.stdout.write(`${(spot.share * 100).toFixed(1).padStart(5)}%  ${spot.name}  ${spot.where}\n`)
  }
}
