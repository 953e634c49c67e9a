#!/usr/bin/env node
// Deterministic generator of the example event stream (examples/events/events.ndjson).
//
// Same seed, same bytes: the PRNG is a seeded mulberry32 and nothing reads the clock,
// Math.random or the environment. The committed events.ndjson is this program's output;
// a test regenerates it in memory and compares, so edit this file, never the NDJSON.
//
//   node examples/events/generate.mjs            # rewrite events.ndjson
//   node examples/events/generate.mjs --stdout   # print instead
//
// The stream mixes every dictionary of both formats (Deep Visibility nested events from
// the generators below, and events made from each other dictionary's Event JSON
// sample), the real-format Cloud Funnel events of cloud-funnel-real-format.ndjson,
// events that no dictionary matches (other SentinelOne dialects, Cloud Funnel types
// without a dictionary) and a few broken lines. It reads the dictionaries (with the
// built @mapdown/compiler): run `pnpm build` first.

import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { compileSources } from '@mapdown/compiler'

export const DEFAULT_SEED = 0x5e1_0e06
export const DEFAULT_COUNT = 1200

/** mulberry32: a tiny 32-bit PRNG, good enough for test data and fully deterministic. */
function mulberry32(seed) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Helpers over one PRNG, so that every draw comes from the same sequence. */
function makeRandom(seed) {
  const next = mulberry32(seed)
  const int = (min, max) => min + Math.floor(next() * (max - min + 1))
  const pick = (list) => list[Math.floor(next() * list.length)]
  const chance = (p) => next() < p
  const hex = (length, upper = false) => {
    let s = ''
    for (let i = 0; i < length; i++) s += '0123456789abcdef'[Math.floor(next() * 16)]
    return upper ? s.toUpperCase() : s
  }
  return { next, int, pick, chance, hex }
}

/** A stable digest of a string (FNV-1a), used to give each executable image fixed hashes. */
function fnv1a(text) {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193) >>> 0
  }
  return h
}

/** Hashes of an executable image: derived from its path, so the same image always hashes the same. */
function imageHashes(path) {
  const r = makeRandom(fnv1a(path.toLowerCase()))
  return { md5: r.hex(32), sha1: r.hex(40), sha256: r.hex(64) }
}

// ---------------------------------------------------------------------------------------
// Vocabulary of the fake estate

const DOMAIN = 'CORP'
const HOSTS = [
  { name: 'WKS-FIN-0142', type: 'laptop' },
  { name: 'WKS-FIN-0157', type: 'laptop' },
  { name: 'WKS-HR-0031', type: 'desktop' },
  { name: 'WKS-ENG-0210', type: 'laptop' },
  { name: 'WKS-ENG-0233', type: 'desktop' },
  { name: 'SRV-APP-07', type: 'server' },
  { name: 'SRV-DC-01', type: 'server' },
  { name: 'SRV-SQL-03', type: 'server' },
]
const USERS = [
  { name: 'jdoe', sid: 'S-1-5-21-3623811015-3361044348-30300820-1013' },
  { name: 'asmith', sid: 'S-1-5-21-3623811015-3361044348-30300820-1021' },
  { name: 'mgarcia', sid: 'S-1-5-21-3623811015-3361044348-30300820-1034' },
  { name: 'lchen', sid: 'S-1-5-21-3623811015-3361044348-30300820-1102' },
  { name: 'svc-deploy', sid: 'S-1-5-21-3623811015-3361044348-30300820-1207' },
  { name: 'administrator', sid: 'S-1-5-21-3623811015-3361044348-30300820-500' },
]

const SYS32 = 'C:\\Windows\\System32'
/** Executables: file name, SentinelOne display name, path and command lines. */
const PROGRAMS = [
  { exe: 'chrome.exe', display: 'Google Chrome', path: 'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe', args: ['', ' --type=utility --utility-sub-type=network.mojom.NetworkService', ' --type=renderer --lang=en-US'] },
  { exe: 'msedge.exe', display: 'Microsoft Edge', path: 'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe', args: ['', ' --type=utility --utility-sub-type=network.mojom.NetworkService'] },
  { exe: 'OUTLOOK.EXE', display: 'Microsoft Outlook', path: 'C:\\Program Files\\Microsoft Office\\root\\Office16\\OUTLOOK.EXE', args: [''] },
  { exe: 'WINWORD.EXE', display: 'Microsoft Word', path: 'C:\\Program Files\\Microsoft Office\\root\\Office16\\WINWORD.EXE', args: ['', ' /n'] },
  { exe: 'powershell.exe', display: 'Windows PowerShell', path: `${SYS32}\\WindowsPowerShell\\v1.0\\powershell.exe`, args: [' -NoProfile -ExecutionPolicy Bypass', ' -NoProfile -Command Get-Process', ' -enc SQBFAFgAIAAoAE4AZQB3AC0ATwBiAGoAZQBjAHQAKQA='] },
  { exe: 'cmd.exe', display: 'Windows Command Processor', path: `${SYS32}\\cmd.exe`, args: [' /c whoami /all', ' /c ipconfig /all', ' /c net group "Domain Admins" /domain'] },
  { exe: 'svchost.exe', display: 'Host Process for Windows Services', path: `${SYS32}\\svchost.exe`, args: [' -k NetworkService -p -s Dnscache', ' -k netsvcs -p -s Schedule'] },
  { exe: 'rundll32.exe', display: 'Windows host process (Rundll32)', path: `${SYS32}\\rundll32.exe`, args: [' C:\\Users\\Public\\lib.dll,Start', ' shell32.dll,Control_RunDLL'] },
  { exe: 'reg.exe', display: 'Registry Console Tool', path: `${SYS32}\\reg.exe`, args: [' add HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Run /v Updater /t REG_SZ /d C:\\Users\\Public\\upd.exe /f'] },
  { exe: 'schtasks.exe', display: 'Task Scheduler Configuration Tool', path: `${SYS32}\\schtasks.exe`, args: [' /delete /tn UpdateCheck /f', ' /query /fo LIST'] },
  { exe: 'msiexec.exe', display: 'Windows installer', path: `${SYS32}\\msiexec.exe`, args: [' /i C:\\Users\\Public\\setup.msi /qn'] },
  { exe: 'sqlservr.exe', display: 'SQL Server Windows NT - 64 Bit', path: 'C:\\Program Files\\Microsoft SQL Server\\MSSQL16.MSSQLSERVER\\MSSQL\\Binn\\sqlservr.exe', args: [' -sMSSQLSERVER'] },
]
const PARENTS = [
  { exe: 'explorer.exe', display: 'Windows Explorer', path: 'C:\\Windows\\explorer.exe', args: [''] },
  { exe: 'services.exe', display: 'Services and Controller app', path: `${SYS32}\\services.exe`, args: [''] },
  { exe: 'winlogon.exe', display: 'Windows Logon Application', path: `${SYS32}\\winlogon.exe`, args: [''] },
  { exe: 'cmd.exe', display: 'Windows Command Processor', path: `${SYS32}\\cmd.exe`, args: [''] },
]

const DOMAINS = ['chrome.google.com', 'login.microsoftonline.com', 'outlook.office365.com', 'update.googleapis.com', 'github.com', 'api.segment.io', 'cdn.jsdelivr.net', 'updates.example-cdn.net', 'x7f3k2q9.duckdns.org', 'wpad.corp.local', 'dc01.corp.local']
const FILE_DIRS = ['C:\\Users\\{u}\\Downloads', 'C:\\Users\\{u}\\AppData\\Local\\Temp', 'C:\\Users\\{u}\\Documents', 'C:\\ProgramData\\Updater', 'C:\\Windows\\Temp']
const FILE_NAMES = ['setup_x64.exe', 'Invoice_0612.docm', 'report-q3.xlsx', 'lib.dll', 'upd.exe', 'notes.txt', 'archive.zip', 'tmp4F2A.tmp']

/** The Deep Visibility top-level keys, in the order SentinelOne writes them (as in the original dictionary). */
const DV_KEYS = [
  'http', 'regKeyImport', 'persistency', 'tcpv4Listen', 'regValueCreate', 'schedTaskDelete', 'fileCreation',
  'fileRename', 'logout', 'fileModification', 'schedTaskTrigger', 'processExit', 'schedTaskRegister',
  'regKeySecurityChanged', 'processCreation', 'regKeyExport', 'schedTaskUpdate', 'tcpv4', 'regKeyRename',
  'regValueDelete', 'timestamp', 'regKeyDelete', 'regValueModified', 'login', 'fileDeletion',
  'processTermination', 'dns', 'schedTaskStart', 'regKeyCreate',
]

// 2024-01-01T00:00:00Z and 2026-10-31T00:00:00Z
const TIME_START = Date.UTC(2024, 0, 1)
const TIME_END = Date.UTC(2026, 9, 31)

// ---------------------------------------------------------------------------------------

function createWorld(seed, count) {
  const r = makeRandom(seed)
  // Times rise through 2024-2026 with random gaps, as in a real stream.
  const meanGap = Math.floor((TIME_END - TIME_START) / (count + 1))
  let clock = TIME_START
  const tick = () => {
    clock += r.int(1, 2 * meanGap)
    return Math.min(clock, TIME_END)
  }

  const ipv4Private = () => `10.${r.int(0, 255)}.${r.int(0, 255)}.${r.int(1, 254)}`
  const ipv4Public = () => `${r.pick([13, 20, 34, 40, 52, 104, 142, 151, 172, 185])}.${r.int(0, 255)}.${r.int(0, 255)}.${r.int(1, 254)}`
  const ephemeralPort = () => r.int(49152, 65535)
  const servicePort = () => r.pick([53, 80, 88, 135, 389, 443, 445, 3389, 5985, 8080, 8443])
  const pid = () => r.int(4, 32000) & ~3 // Windows pids are multiples of four
  const host = () => r.pick(HOSTS)
  const user = () => r.pick(USERS)
  const account = (u) => (u.name.startsWith('NT AUTHORITY') ? u.name : `${DOMAIN}\\${u.name}`)
  const commandLine = (program) => {
    const args = r.pick(program.args)
    return program.path.includes(' ') ? `"${program.path}"${args}` : `${program.path}${args}`
  }
  const filePath = (u) => `${r.pick(FILE_DIRS).replace('{u}', u.name)}\\${r.pick(FILE_NAMES)}`

  return { r, tick, ipv4Private, ipv4Public, ephemeralPort, servicePort, pid, host, user, account, commandLine, filePath }
}

// ---- Deep Visibility (nested) ---------------------------------------------------------

function dvFile(w, path, withHashes) {
  return {
    creationTime: null,
    sizeBytes: w.r.int(1024, 40_000_000),
    node: { key: { value: w.r.hex(16, true) } },
    hashes: withHashes ? imageHashes(path) : null,
    isKernelModule: 'E_FALSE',
    isDir: 'E_FALSE',
    path,
    p_windows: path,
    owner: null,
    p_unix: 0,
    signature: null,
  }
}

function dvProcess(w, program, { time, user, parent = null, executable = true } = {}) {
  return {
    parent,
    activeContent: null,
    node: { key: { value: w.r.hex(16, true) } },
    fullPid: { pid: w.pid(), startTime: { millisecondsSinceEpoch: time - w.r.int(1_000, 86_400_000) } },
    user: user ? { name: w.account(user), sid: user.sid } : null,
    integrityLevel: user ? w.r.pick(['INTEGRITY_LEVEL_MEDIUM', 'INTEGRITY_LEVEL_HIGH']) : w.r.pick(['SYSTEM', 'INTEGRITY_LEVEL_UNKNOWN']),
    isWow64: w.r.pick(['E_FALSE', 'E_UNSUPPORTED']),
    sessionId: user ? w.r.int(1, 4) : 0,
    trueContext: w.r.chance(0.5) ? { key: { value: w.r.hex(16, true) } } : null,
    executable: executable ? dvFile(w, program.path, w.r.chance(0.7)) : null,
    excluded: 'E_UNSUPPORTED',
    commandLine: w.commandLine(program),
    interactive: user ? 'E_TRUE' : 'E_FALSE',
    subsystem: w.r.pick(['SYS_WIN32', 'SUBSYSTEM_UNKNOWN']),
    isRedirectedCommandProcessor: 'E_UNSUPPORTED',
    root: 'E_UNSUPPORTED',
    name: program.display,
  }
}

function dvEvent(key, object, time) {
  const event = {}
  for (const k of DV_KEYS) event[k] = k === 'timestamp' ? { millisecondsSinceEpoch: time } : null
  event[key] = object
  return event
}

const deepVisibility = {
  tcpv4(w) {
    const time = w.tick()
    const outgoing = w.r.chance(0.8)
    const local = { address: w.ipv4Private(), port: outgoing ? w.ephemeralPort() : w.servicePort() }
    const remote = { address: w.r.chance(0.6) ? w.ipv4Public() : w.ipv4Private(), port: outgoing ? w.servicePort() : w.ephemeralPort() }
    return dvEvent('tcpv4', {
      direction: outgoing ? 'OUTGOING' : 'INCOMING',
      trueContext: { key: { value: w.r.hex(16, true) } },
      status: w.r.chance(0.9) ? 'SUCCESS' : 'FAILURE',
      destinationAddress: outgoing ? remote : local,
      sourceAddress: outgoing ? local : remote,
      source: dvProcess(w, w.r.pick(PROGRAMS), { time, user: w.r.chance(0.7) ? w.user() : null, executable: false }),
    }, time)
  },
  processCreation(w) {
    const time = w.tick()
    const program = w.r.pick(PROGRAMS)
    const u = w.user()
    const parent = dvProcess(w, w.r.pick(PARENTS), { time, user: null })
    const child = dvProcess(w, program, { time, user: u })
    child.fullPid.startTime.millisecondsSinceEpoch = time - w.r.int(0, 50)
    return dvEvent('processCreation', {
      trueContext: child.trueContext,
      parent,
      hashes: imageHashes(program.path),
      signature: null,
      status: 'SUCCESS',
      process: child,
    }, time)
  },
  fileCreation(w) {
    const time = w.tick()
    const u = w.user()
    const parent = w.r.chance(0.8) ? dvProcess(w, w.r.pick(PARENTS), { time, user: null, executable: false }) : null
    const source = dvProcess(w, w.r.pick(PROGRAMS), { time, user: w.r.chance(0.85) ? u : null, parent })
    const target = dvFile(w, w.filePath(u), w.r.chance(0.75))
    if (target.hashes) target.hashes = { md5: w.r.hex(32), sha1: w.r.hex(40), sha256: w.r.hex(64) }
    return dvEvent('fileCreation', { trueContext: source.trueContext, targetFile: target, source }, time)
  },
  dns(w) {
    const time = w.tick()
    const query = w.r.pick(DOMAINS)
    const resolved = !query.endsWith('.duckdns.org') || w.r.chance(0.5)
    const results = resolved
      ? (w.r.chance(0.4) ? `type: 5 ${query.split('.')[0]}.l.edge-cdn.net;` : '') + `${w.ipv4Public()};` + (w.r.chance(0.3) ? `${w.ipv4Public()};` : '')
      : ''
    return dvEvent('dns', {
      source: { process: dvProcess(w, w.r.pick(PROGRAMS), { time, user: w.r.chance(0.6) ? w.user() : null, executable: false }) },
      query,
      status: resolved ? 'SUCCESS' : 'NAME_ERROR',
      results,
    }, time)
  },
}

// ---- Events made from the dictionaries' own samples ---------------------------------------
//
// Every dictionary of the library contributes events shaped like its Event JSON sample,
// so that adding a dictionary (a markdown file) adds its events here without a code
// change. The values that make events differ are varied by what they are, never by
// which dictionary they come from: times move with the stream's clock (a `creationTime`
// is now and then the impossible value real agents send), process ids are drawn at
// random, and a display-string `event.type` (`IP Connect`) is now and then written
// squeezed (`IPConnect`), as some anonymised exports do.

const LIBRARY_DIR = fileURLToPath(new URL('../../dictionaries/', import.meta.url))
/** Folders of dictionaries/ that hold tooling, not dictionaries. */
const NOT_DICTIONARY_FOLDERS = new Set(['scripts', 'test', 'node_modules'])

/** The markdown files of the library's folders (dictionaries and the partials they include), sorted. */
function markdownFilesUnder(folder, top = true) {
  const found = []
  const entries = readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  for (const entry of entries) {
    const path = join(folder, entry.name)
    if (entry.isDirectory()) {
      if (!entry.name.startsWith('.') && !NOT_DICTIONARY_FOLDERS.has(entry.name)) found.push(...markdownFilesUnder(path, false))
    } else if (!top && entry.isFile() && entry.name.endsWith('.md') && entry.name.toLowerCase() !== 'readme.md') {
      found.push(path)
    }
  }
  return found
}

/** The library's dictionaries that have a sample: `{ id, sample }`, sorted by id. */
function librarySamples() {
  const sources = markdownFilesUnder(LIBRARY_DIR).map((path) => ({ path, contents: readFileSync(path) }))
  const { ir, samples } = compileSources(sources, { cwd: LIBRARY_DIR })
  return ir.dictionaries.filter((d) => samples.has(d.id)).map((d) => ({ id: d.id, sample: samples.get(d.id) }))
}

const isEpochMs = (value) => typeof value === 'number' && Number.isInteger(value) && value >= 1e12 && value < 1e13
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/
const TIME_KEY = /(^|\.)(time|millisecondsSinceEpoch)$/i

/** The sample's own event time: the first epoch-milliseconds value under a `time` key, searched breadth first. */
function sampleTime(sample) {
  const queue = [sample]
  while (queue.length > 0) {
    const object = queue.shift()
    for (const [key, value] of Object.entries(object)) {
      if (TIME_KEY.test(key) && isEpochMs(value)) return value
      if (value !== null && typeof value === 'object' && !Array.isArray(value)) queue.push(value)
    }
  }
  return undefined
}

/** A copy of `value` with every epoch time moved by `delta`, ISO times rewritten, pids redrawn and `event.type` maybe squeezed. */
function vary(w, value, delta, key) {
  if (Array.isArray(value)) return value.map((item) => vary(w, item, delta, key))
  if (value !== null && typeof value === 'object') {
    const copy = {}
    for (const [k, v] of Object.entries(value)) copy[k] = vary(w, v, delta, k)
    return copy
  }
  // Now and then the agent reports the impossible creation time seen in the wild (2^64 -
  // a few): the engine must report it as a field issue, not crash or guess.
  if (isEpochMs(value) && /creationTime$/.test(key ?? '') && w.r.chance(0.03)) return '18446732429235951616'
  if (isEpochMs(value)) return value + delta
  if (typeof value === 'string' && ISO_TIME.test(value)) return new Date(Date.parse(value) + delta).toISOString()
  if (typeof value === 'number' && Number.isInteger(value) && /(^|\.)pid$/.test(key ?? '')) return w.pid()
  if (key === 'event.type' && typeof value === 'string' && /\s/.test(value) && w.r.chance(0.3)) return value.replace(/\s+/g, '')
  return value
}

/** A kind of event: the sample, at the stream's next time. */
function fromSample(sample) {
  const own = sampleTime(sample)
  return (w) => {
    const time = w.tick()
    return vary(w, sample, own === undefined ? 0 : time - own, undefined)
  }
}

// ---- Real-format Cloud Funnel events ---------------------------------------------------
//
// cloud-funnel-real-format.ndjson: events of every type of SentinelOne's catalogue, in
// both spellings, from Windows, Linux and macOS endpoints, written from the key
// catalogue with made-up values (examples/README.md). They are spread through the
// stream as they are.

function realFormatLines() {
  return readFileSync(new URL('./cloud-funnel-real-format.ndjson', import.meta.url), 'utf8')
    .split('\n')
    .filter((line) => line !== '')
}

// ---- Events that no dictionary matches -------------------------------------------------

const unmatched = {
  /**
   * A Cloud Funnel type SentinelOne lists but that no public event confirms (the
   * catalogue's last row): no dictionary, so never routed.
   */
  cloudFunnelUnconfirmedType(w) {
    const time = w.tick()
    const h = w.host()
    return {
      'event.time': time,
      timestamp: new Date(time).toISOString(),
      'event.type': w.r.pick(['Named Pipe Creation', 'Named Pipe Connection', 'Remote Process Termination', 'Pre Execution Detection', 'Windows Event Log Creation']),
      'endpoint.name': h.name,
      'endpoint.os': 'windows',
      'endpoint.type': h.type,
      'src.process.name': w.r.pick(PROGRAMS).exe,
      'src.process.pid': w.pid(),
    }
  },
  /** An HTTP method that is not in SentinelOne's list. */
  cloudFunnelHttpPatch(w) {
    const time = w.tick()
    const h = w.host()
    return {
      'event.time': time,
      timestamp: new Date(time).toISOString(),
      'event.category': 'url',
      'meta.event.name': 'HTTP',
      'event.type': 'PATCH',
      'endpoint.name': h.name,
      'endpoint.os': 'windows',
      'url.address': `https://${w.r.pick(DOMAINS)}/api/v1/telemetry`,
      'event.url.action': 'PATCH',
    }
  },
  /** The Deep Visibility dialect with a top-level `event_type` and string times. */
  eventTypeDialect(w) {
    const time = w.tick()
    return {
      event_type: 'tcpv4',
      timestamp: { millisecondsSinceEpoch: String(time) },
      sourceAddress: { address: w.ipv4Private(), port: w.ephemeralPort() },
      destinationAddress: { address: w.ipv4Public(), port: w.servicePort() },
      source: { fullPid: { pid: w.pid() }, name: w.r.pick(PROGRAMS).display },
      meta: { agentId: w.r.hex(16) },
    }
  },
  /** The dialect wrapped as `event.Event.<Type>`. */
  wrappedDialect(w) {
    const time = w.tick()
    return {
      event: {
        timestamp: { millisecondsSinceEpoch: time },
        Event: { Dns: { query: w.r.pick(DOMAINS), status: 'SUCCESS', results: `${w.ipv4Public()};` } },
      },
    }
  },
}

// ---- Broken lines ----------------------------------------------------------------------

const BROKEN_LINES = [
  // A Windows path with unescaped backslashes: invalid JSON, as in real hand-made samples.
  '{"event.time": 1718213549466, "event.type": "FileCreation", "tgt.file.path": "C:\\Users\\jdoe\\x.exe"}',
  // Truncated in the middle of an object.
  '{"event.time": 1718213549466, "event.type": "IPConnect", "src.ip.address": "10.1.2.3", "src.port.n',
  // Valid JSON that is not an object.
  '[{"event.type": "IPConnect"}]',
  '"IPConnect"',
  '42',
  'null',
  // An object that no dictionary can route.
  '{}',
  // Not JSON at all.
  'Jun 12 17:32:29 WKS-FIN-0142 SentinelAgent[4120]: heartbeat ok',
]

// ---------------------------------------------------------------------------------------

/** Weight of each dictionary's sample-made events against the generators' kinds. */
const SAMPLE_WEIGHT = 4

/**
 * The kinds of events, with relative weights: the Deep Visibility generators, one kind
 * per other dictionary of the library (from its sample), and events no dictionary
 * matches. Every kind appears at least once because the first events of the stream walk
 * through the list in order.
 */
function kinds() {
  const generated = [
    ['sentinelone/NetworkConnection', deepVisibility.tcpv4, 10],
    ['sentinelone/ProcessCreation', deepVisibility.processCreation, 10],
    ['sentinelone/FileCreation', deepVisibility.fileCreation, 8],
    ['sentinelone/DNS', deepVisibility.dns, 8],
  ]
  const covered = new Set(generated.map(([id]) => id))
  const fromLibrary = librarySamples()
    .filter(({ id }) => !covered.has(id))
    .map(({ id, sample }) => [id, fromSample(sample), SAMPLE_WEIGHT])
  return [
    ...generated,
    ...fromLibrary,
    ['unmatched/cloud-funnel-unconfirmed-type', unmatched.cloudFunnelUnconfirmedType, 2],
    ['unmatched/cloud-funnel-http-patch', unmatched.cloudFunnelHttpPatch, 1],
    ['unmatched/event-type-dialect', unmatched.eventTypeDialect, 1],
    ['unmatched/wrapped-dialect', unmatched.wrappedDialect, 1],
  ]
}

/**
 * Generates the example stream: `count` events as NDJSON (one per line, each line ending
 * in "\n"), with the broken lines and one blank line spread through it.
 * @param {{ seed?: number, count?: number }} [options]
 * @returns {string}
 */
export function generateEvents({ seed = DEFAULT_SEED, count = DEFAULT_COUNT } = {}) {
  const KINDS = kinds()
  if (!Number.isInteger(count) || count < KINDS.length) throw new RangeError(`count must be an integer >= ${KINDS.length}, got ${count}`)
  const w = createWorld(seed, count)
  const totalWeight = KINDS.reduce((sum, [, , weight]) => sum + weight, 0)
  const pickKind = (i) => {
    if (i < KINDS.length) return KINDS[i]
    let roll = w.r.next() * totalWeight
    for (const kind of KINDS) {
      roll -= kind[2]
      if (roll < 0) return kind
    }
    return KINDS[KINDS.length - 1]
  }

  const lines = []
  for (let i = 0; i < count; i++) lines.push(JSON.stringify(pickKind(i)[1](w)))

  // Spread the real-format events, the broken lines and one blank line at random places after the first events.
  const extras = [...realFormatLines(), ...BROKEN_LINES, '']
  for (const extra of extras) lines.splice(w.r.int(KINDS.length, lines.length), 0, extra)
  return lines.join('\n') + '\n'
}

const isMain = process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]
if (isMain) {
  const text = generateEvents()
  if (process.argv.includes('--stdout')) process.stdout.write(text)
  else writeFileSync(new URL('./events.ndjson', import.meta.url), text)
}
