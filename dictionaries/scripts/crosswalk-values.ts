// The value maps and constants of the crosswalks: how SentinelOne's values become the
// targets' allowed values, and what every record of a target carries whatever the event.
// Matching is blind to case and whitespace (`OUTGOING`, `outgoing`); booleans match `true`/`false`.

export interface ValueMap {
  /** SentinelOne value → target value. */
  readonly map: Readonly<Record<string, string | number | boolean>>
  /** The target value for anything else (absent: leave the target field out). */
  readonly default?: string | number | boolean
}

/** Per standard name, per target: the map its value goes through on the way to FIELDS' target. */
export const VALUE_MAPS: Readonly<Record<string, { readonly ecs?: ValueMap; readonly ocsf?: ValueMap }>> = {
  network_direction: {
    ecs: { map: { OUTGOING: 'egress', INCOMING: 'ingress' }, default: 'unknown' },
    ocsf: { map: { OUTGOING: 2, INCOMING: 1 }, default: 0 },
  },
  event_status: {
    ecs: { map: { SUCCESS: 'success', FAILURE: 'failure' }, default: 'unknown' },
    ocsf: { map: { SUCCESS: 1, FAILURE: 2 }, default: 0 },
  },
  dns_query_status: {
    ecs: { map: { SUCCESS: 'success', FAILURE: 'failure' }, default: 'unknown' },
    ocsf: { map: { SUCCESS: 1, FAILURE: 2 }, default: 0 },
  },
  logon_success: {
    ecs: { map: { true: 'success', false: 'failure' } },
    ocsf: { map: { true: 1, false: 2 } },
  },
  // OCSF says whether the content was cut; SentinelOne whether it is complete.
  script_is_complete: {
    ocsf: { map: { true: false, false: true } },
  },
  target_user_is_admin: {
    ocsf: { map: { true: 2, false: 1 } },
  },
  logon_type: {
    ocsf: {
      map: {
        SYSTEM: 1,
        INTERACTIVE: 2,
        NETWORK: 3,
        BATCH: 4,
        SERVICE: 5,
        UNLOCK: 7,
        NETWORK_CLEARTEXT: 8,
        NEW_CREDENTIALS: 9,
        REMOTE_INTERACTIVE: 10,
        CACHED_INTERACTIVE: 11,
        CACHED_REMOTE_INTERACTIVE: 12,
        CACHED_UNLOCK: 13,
      },
      default: 99,
    },
  },
  host_os: {
    ecs: { map: { windows: 'windows', linux: 'linux', osx: 'macos', macos: 'macos' } },
  },
  network_transport: {
    ecs: { map: { tcp: 'tcp', udp: 'udp', icmp: 'icmp' } },
    ocsf: { map: { tcp: 'tcp', udp: 'udp', icmp: 'icmp' } },
  },
}

/** The closed set of derivations a crosswalk may use (the `schema` primitives). */
export type Derivation = 'basename' | 'dirname' | 'domain' | 'user' | 'lower'

/** One more target field filled from a standard name: through a map, a derivation, or as it is. */
export interface Derived {
  readonly target: 'ecs' | 'ocsf'
  /** The field; `~.name` is the sibling `name` of wherever the standard name is placed (`job.file.path` → `job.file.name`). */
  readonly field: string
  /** A map; one with only a default is a constant given whenever the name has a value. */
  readonly map?: ValueMap
  readonly derive?: Derivation
  /** Only in these dictionaries (default: wherever the name is). */
  readonly only?: readonly string[]
  /** Only where the name is placed under this object (`reg_value`). */
  readonly under?: string
}

const INTEGRITY: ValueMap = {
  map: { UNTRUSTED: 1, LOW: 2, MEDIUM: 3, HIGH: 4, SYSTEM: 5, PROTECTED: 6, INTEGRITY_LEVEL_LOW: 2, INTEGRITY_LEVEL_MEDIUM: 3, INTEGRITY_LEVEL_HIGH: 4, INTEGRITY_LEVEL_SYSTEM: 5 },
  default: 0,
}
// An OCSF file requires its name and type: the name from the path, Regular File (1) as the type.
const OCSF_FILE: readonly Derived[] = [
  { target: 'ocsf', field: '~.name', derive: 'basename' },
  { target: 'ocsf', field: '~.type_id', map: { map: {}, default: 1 } },
]
const INDICATORS = ['sentinelone-cloud-funnel/BehavioralIndicators', 'sentinelone-cloud-funnel/ThreatIntelligenceIndicators']

/**
 * Target fields filled from a standard name beside the field FIELDS gives it: an OCSF `*_id`
 * from its caption's source, the ids and names that OCSF objects require (`device.type_id`,
 * `file.name` from the path), ECS names split from `DOMAIN\user`.
 */
export const DERIVED: Readonly<Record<string, readonly Derived[]>> = {
  // OCSF wants an endpoint in DNS and Authentication events: the endpoint that asked, the one logged on to.
  host_name: [
    { target: 'ocsf', field: 'src_endpoint.hostname', only: ['sentinelone-cloud-funnel/DNS'] },
    { target: 'ocsf', field: 'dst_endpoint.hostname', only: ['sentinelone-cloud-funnel/Logins'] },
  ],
  host_type: [{ target: 'ocsf', field: 'device.type_id', map: { map: { server: 1, desktop: 2, laptop: 3, tablet: 4, mobile: 5, vm: 6, virtual: 6 }, default: 0 } }],
  host_os: [{ target: 'ocsf', field: 'device.os.type_id', map: { map: { windows: 100, linux: 200, osx: 300, macos: 300 }, default: 0 } }],
  process_integrity_level: [{ target: 'ocsf', field: '~.integrity_id', map: INTEGRITY }],
  target_process_integrity_level: [{ target: 'ocsf', field: '~.integrity_id', map: INTEGRITY }],
  process_signed_status: [{ target: 'ecs', field: 'process.code_signature.exists', map: { map: { signed: true, unsigned: false } } }],
  event_id: [{ target: 'ocsf', field: 'finding_info.uid', only: INDICATORS }],
  // `CORP\\jdoe`: the name and the domain apart, in both.
  user_name: [
    { target: 'ecs', field: 'user.name', derive: 'user' },
    { target: 'ecs', field: 'user.domain', derive: 'domain' },
    { target: 'ocsf', field: '~.name', derive: 'user' },
    { target: 'ocsf', field: '~.domain', derive: 'domain' },
  ],
  file_path: [
    { target: 'ecs', field: 'file.name', derive: 'basename' },
    { target: 'ecs', field: 'file.directory', derive: 'dirname' },
    ...OCSF_FILE,
  ],
  process_path: OCSF_FILE,
  process_parent_path: OCSF_FILE,
  target_process_path: OCSF_FILE,
  module_path: [
    { target: 'ecs', field: 'dll.name', derive: 'basename' },
    ...OCSF_FILE,
    // SentinelOne does not say how the module was loaded: OCSF's required load type is Unknown.
    { target: 'ocsf', field: 'module.load_type_id', map: { map: {}, default: 0 } },
  ],
  // A value event's key path ends with the value's name, which OCSF requires.
  registry_key_path: [{ target: 'ocsf', field: '~.name', derive: 'basename', under: 'reg_value' }],
  // The interpreter is named only in a free-form string (`PowerShell_C:\\...`): script type Unknown.
  script_content: [{ target: 'ocsf', field: 'script.type_id', map: { map: {}, default: 0 } }],
}

/** ECS `related.*`: every value of these names, collected into one list without duplicates. */
export const RELATED: Readonly<Record<string, readonly string[]>> = {
  'related.ip': ['src_ip', 'dst_ip'],
  'related.hash': ['hash_md5', 'hash_sha1', 'hash_sha256', 'process_hash_md5', 'process_hash_sha1', 'process_hash_sha256', 'process_parent_hash_sha256', 'module_hash_sha1', 'script_hash_sha256'],
  'related.user': ['user_name', 'target_user_name', 'process_effective_user_name', 'process_real_user_name'],
}

/** What every record of a target carries (the classification's ids come on top). */
export const CONSTANTS: Readonly<Record<'ecs' | 'ocsf', Readonly<Record<string, string | number | readonly string[]>>>> = {
  ecs: { 'ecs.version': '9.4.0', 'observer.vendor': 'SentinelOne', 'observer.product': 'Singularity XDR', 'observer.type': 'edr' },
  ocsf: {
    'metadata.version': '1.5.0',
    'metadata.product.name': 'Singularity XDR',
    'metadata.product.vendor_name': 'SentinelOne',
    'metadata.profiles': ['host'],
    severity_id: 1,
  },
}
