/**
 * Cloud Funnel 2.0 events, the shape users have (issue 16): flat keys with dots, about
 * 150 of them and about 5 kB per event, of which the dictionary reads 47. Each event is
 * the library's IP Connect sample (dictionaries/sentinelone-cloud-funnel/ip.md, 111 keys:
 * the envelope, the acting process, the connection), varied as the mixed stream varies
 * samples (addresses, ports, pids, times, hex ids), then the keys of the acting
 * process's OS origin (`osSrc.process.*`) that Cloud Funnel puts on most other event
 * categories, from the key catalogue (../shared/reference/sentinelone-cloud-funnel-keys.md),
 * with values of their kind: strings, integers and booleans. The dictionary does not read
 * them: they are the keys nobody reads, which `JSON.parse` pays for anyway.
 */
import type { Rng } from './rng.js'
import { varySample } from './vary.js'

/** `osSrc.process.*` keys of the catalogue, with the JSON kind of their value (s, n, b). */
const OS_ORIGIN_KEYS: readonly (readonly [string, 's' | 'n' | 'b'])[] = [
  ['childProcCount', 'n'], ['cmdline', 's'], ['crossProcessCount', 'n'], ['crossProcessDupRemoteProcessHandleCount', 'n'],
  ['crossProcessDupThreadHandleCount', 'n'], ['crossProcessOpenProcessCount', 'n'], ['crossProcessOutOfStorylineCount', 'n'],
  ['crossProcessThreadCreateCount', 'n'], ['displayName', 's'], ['dnsCount', 'n'], ['image.binaryIsExecutable', 'b'],
  ['image.md5', 's'], ['image.path', 's'], ['image.sha1', 's'], ['image.sha256', 's'], ['indicatorBootConfigurationUpdateCount', 'n'],
  ['indicatorEvasionCount', 'n'], ['indicatorExploitationCount', 'n'], ['indicatorGeneral.count', 'n'], ['indicatorInfostealerCount', 'n'],
  ['indicatorInjectionCount', 'n'], ['indicatorPersistenceCount', 'n'], ['indicatorPostExploitationCount', 'n'],
  ['indicatorRansomwareCount', 'n'], ['indicatorReconnaissanceCount', 'n'], ['integrityLevel', 's'], ['isNative64Bit', 'b'],
  ['isRedirectCmdProcessor', 'b'], ['isStorylineRoot', 'b'], ['moduleCount', 'n'], ['name', 's'], ['netConnCount', 'n'],
  ['netConnInCount', 'n'], ['netConnOutCount', 'n'], ['pid', 'n'], ['publisher', 's'], ['registryChangeCount', 'n'],
  ['sessionId', 'n'],
]

const PROCESS_NAMES = ['chrome.exe', 'svchost.exe', 'OUTLOOK.EXE', 'Teams.exe', 'powershell.exe', 'firefox.exe', 'explorer.exe']
const DIRECTIONS = ['OUTGOING', 'INCOMING']
const STATUSES = ['SUCCESS', 'SUCCESS', 'SUCCESS', 'FAILURE']
const TRANSPORTS = ['tcp', 'tcp', 'tcp', 'udp']
const INTEGRITY = ['SYSTEM', 'HIGH', 'MEDIUM', 'LOW']

/** One event as a plain object, from the IP dictionary's parsed sample; `index` moves time forward. */
export function cloudFunnelEvent(sample: Record<string, unknown>, rng: Rng, index: number, timeBase: number): Record<string, unknown> {
  const event = varySample(sample, rng, timeBase + index * 37) as Record<string, unknown>
  // A few more values vary in a real stream: who connects, where to, how it went.
  if ('src.process.name' in event) event['src.process.name'] = rng.pick(PROCESS_NAMES)
  if ('event.network.direction' in event) event['event.network.direction'] = rng.pick(DIRECTIONS)
  if ('event.network.connectionStatus' in event) event['event.network.connectionStatus'] = rng.pick(STATUSES)
  if ('event.network.protocolName' in event) event['event.network.protocolName'] = rng.pick(TRANSPORTS)
  if ('event.id' in event) event['event.id'] = `${rng.hex(32)}_${rng.int(1, 999)}`
  for (const [key, kind] of OS_ORIGIN_KEYS) {
    const path = `osSrc.process.${key}`
    if (kind === 'b') event[path] = rng.next() < 0.5
    else if (kind === 'n') event[path] = key === 'pid' ? rng.int(4, 65535) : rng.int(0, 40)
    else if (key === 'integrityLevel') event[path] = rng.pick(INTEGRITY)
    else if (key.startsWith('image.') && key !== 'image.path') event[path] = rng.hex(key === 'image.md5' ? 32 : key === 'image.sha1' ? 40 : 64).toLowerCase()
    else if (key === 'cmdline' || key === 'image.path') event[path] = `C:\\Windows\\System32\\${rng.pick(PROCESS_NAMES)}`
    else event[path] = rng.pick(PROCESS_NAMES)
  }
  return event
}
