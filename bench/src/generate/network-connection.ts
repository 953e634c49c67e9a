/**
 * Events in the shape of the original dictionary's Event JSON
 * (dictionaries/sentinelone/network-connection.md): Deep Visibility nested
 * form, every event-object key present, only `tcpv4` non-null.
 *
 * All generated values are valid for the dictionary's field types, so every
 * mapper under test does the full work for every event (no cheap reject path
 * skews a row).
 */
import type { Rng } from './rng.js'

/** The top-level keys, in the order of the original sample; all null except tcpv4. */
const NULL_KEYS_BEFORE = [
  'http', 'regKeyImport', 'persistency', 'tcpv4Listen', 'regValueCreate', 'schedTaskDelete',
  'fileCreation', 'fileRename', 'logout', 'fileModification', 'schedTaskTrigger', 'processExit',
  'schedTaskRegister', 'regKeySecurityChanged', 'processCreation', 'regKeyExport', 'schedTaskUpdate',
] as const
const NULL_KEYS_AFTER_TCP = ['regKeyRename', 'regValueDelete'] as const
const NULL_KEYS_AFTER_TIMESTAMP = [
  'regKeyDelete', 'regValueModified', 'login', 'fileDeletion', 'processTermination', 'dns',
  'schedTaskStart', 'regKeyCreate',
] as const

const PROCESS_NAMES = ['Google Chrome', 'svchost.exe', 'OUTLOOK.EXE', 'Teams.exe', 'powershell.exe', 'firefox.exe']
const INTEGRITY = ['INTEGRITY_LEVEL_UNKNOWN', 'SYSTEM', 'HIGH', 'MEDIUM', 'LOW']
const TRISTATE = ['E_TRUE', 'E_FALSE', 'E_UNSUPPORTED']
const SUBSYSTEMS = ['SUBSYSTEM_UNKNOWN', 'SYS_WIN32']
const COMMON_PORTS = [53, 80, 123, 139, 443, 445, 993, 3389, 8080, 8443]

/** 2019-10-21T15:07:47.763Z, the sample's process start: generated times move forward from here. */
const BASE_EPOCH_MS = 1571670467763

export function randomIpv4(rng: Rng): string {
  return `${rng.int(1, 223)}.${rng.int(0, 255)}.${rng.int(0, 255)}.${rng.int(1, 254)}`
}

function privateIpv4(rng: Rng): string {
  return `10.${rng.int(0, 255)}.${rng.int(0, 255)}.${rng.int(1, 254)}`
}

/** One event as a plain object; `index` keeps timestamps increasing through a file. */
export function networkConnectionEvent(rng: Rng, index: number): Record<string, unknown> {
  const event: Record<string, unknown> = {}
  for (const key of NULL_KEYS_BEFORE) event[key] = null
  const processStart = BASE_EPOCH_MS + index * 37 + rng.int(0, 1000)
  event['tcpv4'] = {
    direction: rng.next() < 0.8 ? 'OUTGOING' : 'INCOMING',
    trueContext: { key: { value: rng.hex(16) } },
    status: rng.next() < 0.95 ? 'SUCCESS' : 'FAILURE',
    destinationAddress: { port: rng.next() < 0.7 ? rng.pick(COMMON_PORTS) : rng.int(1, 65535), address: randomIpv4(rng) },
    sourceAddress: { port: rng.int(1024, 65535), address: privateIpv4(rng) },
    source: {
      parent: null,
      activeContent: null,
      node: { key: { value: rng.hex(16) } },
      fullPid: { pid: rng.int(4, 65535), startTime: { millisecondsSinceEpoch: processStart } },
      user: null,
      integrityLevel: rng.pick(INTEGRITY),
      isWow64: rng.pick(TRISTATE),
      sessionId: rng.int(0, 3),
      trueContext: null,
      executable: null,
      excluded: 'E_UNSUPPORTED',
      commandLine: rng.next() < 0.5 ? '' : `"C:\\Program Files\\App\\app.exe" --id=${rng.hex(8)}`,
      interactive: rng.pick(TRISTATE),
      subsystem: rng.pick(SUBSYSTEMS),
      isRedirectedCommandProcessor: 'E_UNSUPPORTED',
      root: 'E_UNSUPPORTED',
      name: rng.pick(PROCESS_NAMES),
    },
  }
  for (const key of NULL_KEYS_AFTER_TCP) event[key] = null
  event['timestamp'] = { millisecondsSinceEpoch: processStart + rng.int(1, 3_600_000) }
  for (const key of NULL_KEYS_AFTER_TIMESTAMP) event[key] = null
  return event
}
