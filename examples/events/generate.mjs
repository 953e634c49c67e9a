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
// The stream mixes every dictionary of both formats (Deep Visibility nested events and
// Cloud Funnel 2.0 flat events), events that no dictionary matches (other SentinelOne
// dialects, Cloud Funnel types without a dictionary) and a few broken lines.

import { writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

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
const SYSTEM_USERS = [
  { name: 'NT AUTHORITY\\SYSTEM', sid: 'S-1-5-18' },
  { name: 'NT AUTHORITY\\NETWORK SERVICE', sid: 'S-1-5-20' },
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
const LSASS = { exe: 'lsass.exe', display: 'Local Security Authority Process', path: `${SYS32}\\lsass.exe`, args: [''] }
const WININIT = { exe: 'wininit.exe', display: 'Windows Start-Up Application', path: `${SYS32}\\wininit.exe`, args: [''] }

const DOMAINS = ['chrome.google.com', 'login.microsoftonline.com', 'outlook.office365.com', 'update.googleapis.com', 'github.com', 'api.segment.io', 'cdn.jsdelivr.net', 'updates.example-cdn.net', 'x7f3k2q9.duckdns.org', 'wpad.corp.local', 'dc01.corp.local']
const URL_PATHS = ['/', '/agent/v2/pkg.zip', '/api/v1/telemetry', '/favicon.ico', '/download/installer.msi', '/gate.php?id=4183']
const FILE_DIRS = ['C:\\Users\\{u}\\Downloads', 'C:\\Users\\{u}\\AppData\\Local\\Temp', 'C:\\Users\\{u}\\Documents', 'C:\\ProgramData\\Updater', 'C:\\Windows\\Temp']
const FILE_NAMES = ['setup_x64.exe', 'Invoice_0612.docm', 'report-q3.xlsx', 'lib.dll', 'upd.exe', 'notes.txt', 'archive.zip', 'tmp4F2A.tmp']
const REG_KEYS = [
  'HKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Run\\Updater',
  'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Run\\SecurityHealth',
  'HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\WinDefend\\Start',
  'HKEY_CURRENT_USER\\Software\\Classes\\ms-settings\\Shell\\Open\\command\\DelegateExecute',
]
const REG_TYPES = ['REG_SZ', 'REG_DWORD', 'REG_EXPAND_SZ', 'REG_BINARY']
const TASKS = ['UpdateCheck', 'GoogleUpdateTaskMachineUA', 'OneDrive Standalone Update Task', 'SysHealth']
const LOGIN_TYPES = ['INTERACTIVE', 'NETWORK', 'REMOTE_INTERACTIVE', 'CACHED_INTERACTIVE', 'SERVICE']

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
  const ipv6Private = () => `fd12:3456:789a:${r.hex(4)}::${r.hex(4)}`.replace(/:0+([0-9a-f])/g, ':$1')
  const ipv6Public = () => `2001:db8:${r.hex(4)}:${r.hex(4)}::${r.hex(3)}`.replace(/:0+([0-9a-f])/g, ':$1')
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

  return { r, tick, ipv4Private, ipv4Public, ipv6Private, ipv6Public, ephemeralPort, servicePort, pid, host, user, account, commandLine, filePath }
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

// ---- Cloud Funnel 2.0 (flat) -----------------------------------------------------------

function cfBase(w, { category, metaName, type, program, user, time }) {
  const h = w.host()
  const t = new Date(time)
  const pad = (n, l = 2) => String(n).padStart(l, '0')
  const parent = w.r.pick(PARENTS)
  return {
    'event.time': time,
    // A time of day only: a trap for anyone who would map it as a date.
    timestamp: `${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}:${pad(t.getUTCSeconds())}.${pad(t.getUTCMilliseconds(), 3)}`,
    'event.category': category,
    'meta.event.name': metaName,
    'event.type': type,
    'endpoint.name': h.name,
    'endpoint.os': 'windows',
    'endpoint.type': h.type,
    'src.process.name': program.exe,
    'src.process.pid': w.pid(),
    'src.process.cmdline': w.commandLine(program),
    'src.process.user': w.account(user),
    'src.process.startTime': time - w.r.int(1_000, 86_400_000),
    'src.process.image.path': program.path,
    'src.process.image.sha256': imageHashes(program.path).sha256,
    'src.process.parent.name': parent.exe,
    'src.process.parent.pid': w.pid(),
  }
}

const interactiveUser = (w) => (w.r.chance(0.85) ? w.user() : w.r.pick(SYSTEM_USERS))

const cloudFunnel = {
  IPConnect(w) {
    const time = w.tick()
    const event = cfBase(w, { category: 'ip', metaName: 'TCPV4', type: 'IPConnect', program: w.r.pick(PROGRAMS), user: interactiveUser(w), time })
    const v6 = w.r.chance(0.25)
    const outgoing = w.r.chance(0.8)
    const local = v6 ? w.ipv6Private() : w.ipv4Private()
    const remote = v6 ? w.ipv6Public() : w.r.chance(0.6) ? w.ipv4Public() : w.ipv4Private()
    Object.assign(event, {
      'src.ip.address': outgoing ? local : remote,
      'src.port.number': w.ephemeralPort(),
      'dst.ip.address': outgoing ? remote : local,
      'dst.port.number': w.servicePort(),
      'event.network.direction': outgoing ? 'OUTGOING' : 'INCOMING',
      'event.network.connectionStatus': w.r.chance(0.9) ? 'SUCCESS' : 'FAILURE',
      'event.network.protocolName': w.r.chance(0.85) ? 'tcp' : 'udp',
    })
    return event
  },
  FileCreation(w) {
    const time = w.tick()
    const u = w.user()
    const event = cfBase(w, { category: 'file', metaName: 'FILECREATION', type: 'FileCreation', program: w.r.pick(PROGRAMS), user: u, time })
    Object.assign(event, {
      'tgt.file.path': w.filePath(u),
      'tgt.file.size': w.r.int(0, 80_000_000),
      // Now and then the agent reports the impossible creation time seen in the wild
      // (2^64 - a few): the engine must report it as a field issue, not crash or guess.
      'tgt.file.creationTime': w.r.chance(0.03) ? '18446732429235951616' : time - w.r.int(0, 20),
    })
    return event
  },
  DNS(w) {
    const time = w.tick()
    const request = w.r.pick(DOMAINS)
    const resolved = !request.endsWith('.duckdns.org') || w.r.chance(0.3)
    const program = w.r.chance(0.5) ? PROGRAMS.find((p) => p.exe === 'svchost.exe') : w.r.pick(PROGRAMS)
    const event = cfBase(w, { category: 'dns', metaName: 'DNS', type: resolved ? 'DNSResolved' : 'DNSUnresolved', program, user: interactiveUser(w), time })
    event['event.dns.request'] = request
    return event
  },
  RegistryValueCreate(w) {
    const time = w.tick()
    const event = cfBase(w, { category: 'registry', metaName: 'REGVALUECREATE', type: 'RegistryValueCreate', program: w.r.pick(PROGRAMS), user: interactiveUser(w), time })
    Object.assign(event, { 'registry.keyPath': w.r.pick(REG_KEYS), 'registry.valueType': w.r.pick(REG_TYPES) })
    return event
  },
  TaskDelete(w) {
    const time = w.tick()
    const event = cfBase(w, { category: 'scheduled_task', metaName: 'SCHEDTASKDELETE', type: 'TaskDelete', program: PROGRAMS.find((p) => p.exe === 'schtasks.exe'), user: interactiveUser(w), time })
    const name = w.r.pick(TASKS)
    Object.assign(event, { 'task.name': name, 'task.path': `\\${w.r.chance(0.5) ? 'Microsoft\\Windows\\' : ''}${name}` })
    return event
  },
  Login(w) {
    const time = w.tick()
    const event = cfBase(w, { category: 'logins', metaName: 'WINLOGONATTEMPT', type: 'Login', program: LSASS, user: SYSTEM_USERS[0], time })
    event['src.process.parent.name'] = WININIT.exe
    const target = w.user()
    Object.assign(event, {
      'event.login.type': w.r.pick(LOGIN_TYPES),
      'event.login.loginIsSuccessful': w.r.chance(0.8),
      'event.login.userName': target.name,
      'event.login.accountSid': target.sid,
    })
    return event
  },
  HTTP(w) {
    const time = w.tick()
    const method = w.r.chance(0.75) ? 'GET' : w.r.pick(['POST', 'PUT', 'DELETE'])
    const event = cfBase(w, { category: 'url', metaName: 'HTTP', type: method, program: w.r.pick(PROGRAMS), user: interactiveUser(w), time })
    Object.assign(event, { 'url.address': `${w.r.chance(0.7) ? 'https' : 'http'}://${w.r.pick(DOMAINS)}${w.r.pick(URL_PATHS)}`, 'event.url.action': method })
    return event
  },
}

// ---- Events that no dictionary matches -------------------------------------------------

const unmatched = {
  /** Cloud Funnel file events the library has no dictionary for (rename, modify, delete). */
  cloudFunnelOtherFileEvent(w) {
    const time = w.tick()
    const u = w.user()
    const [type, metaName] = w.r.pick([['FileRename', 'FILERENAME'], ['FileModification', 'FILEMODIFICATION'], ['FileDeletion', 'FILEDELETION']])
    const event = cfBase(w, { category: 'file', metaName, type, program: w.r.pick(PROGRAMS), user: u, time })
    event['tgt.file.path'] = w.filePath(u)
    if (type === 'FileRename') event['tgt.file.oldPath'] = w.filePath(u)
    if (type === 'FileModification') event['tgt.file.oldSha256'] = w.r.hex(64)
    return event
  },
  /** An HTTP method the HTTP dictionary does not list. */
  cloudFunnelHttpHead(w) {
    const time = w.tick()
    const event = cfBase(w, { category: 'url', metaName: 'HTTP', type: 'HEAD', program: w.r.pick(PROGRAMS), user: w.user(), time })
    Object.assign(event, { 'url.address': `https://${w.r.pick(DOMAINS)}/`, 'event.url.action': 'HEAD' })
    return event
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

/**
 * The kinds of events, with relative weights. Every matched kind appears at least once
 * because the first events of the stream walk through the list in order.
 */
const KINDS = [
  ['sentinelone/NetworkConnection', deepVisibility.tcpv4, 10],
  ['sentinelone/ProcessCreation', deepVisibility.processCreation, 10],
  ['sentinelone/FileCreation', deepVisibility.fileCreation, 8],
  ['sentinelone/DNS', deepVisibility.dns, 8],
  ['sentinelone-cloud-funnel/IPConnect', cloudFunnel.IPConnect, 12],
  ['sentinelone-cloud-funnel/FileCreation', cloudFunnel.FileCreation, 8],
  ['sentinelone-cloud-funnel/DNS', cloudFunnel.DNS, 10],
  ['sentinelone-cloud-funnel/RegistryValueCreate', cloudFunnel.RegistryValueCreate, 5],
  ['sentinelone-cloud-funnel/TaskDelete', cloudFunnel.TaskDelete, 3],
  ['sentinelone-cloud-funnel/Login', cloudFunnel.Login, 6],
  ['sentinelone-cloud-funnel/HTTP', cloudFunnel.HTTP, 8],
  ['unmatched/cloud-funnel-file', unmatched.cloudFunnelOtherFileEvent, 2],
  ['unmatched/cloud-funnel-http-head', unmatched.cloudFunnelHttpHead, 1],
  ['unmatched/event-type-dialect', unmatched.eventTypeDialect, 1],
  ['unmatched/wrapped-dialect', unmatched.wrappedDialect, 1],
]

/**
 * Generates the example stream: `count` events as NDJSON (one per line, each line ending
 * in "\n"), with the broken lines and one blank line spread through it.
 * @param {{ seed?: number, count?: number }} [options]
 * @returns {string}
 */
export function generateEvents({ seed = DEFAULT_SEED, count = DEFAULT_COUNT } = {}) {
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

  // Spread the broken lines (and one blank line) at random places after the first events.
  const extras = [...BROKEN_LINES, '']
  for (const extra of extras) lines.splice(w.r.int(KINDS.length, lines.length), 0, extra)
  return lines.join('\n') + '\n'
}

const isMain = process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]
if (isMain) {
  const text = generateEvents()
  if (process.argv.includes('--stdout')) process.stdout.write(text)
  else writeFileSync(new URL('./events.ndjson', import.meta.url), text)
}
