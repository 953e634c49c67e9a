// How each dictionary's events are classified in ECS and OCSF: the draft that the
// crosswalk documents (dictionaries/schemas/ecs.md, ocsf.md) are written from, checked
// against the official definitions (@mapdown/schemas) by dictionaries/test/classifications.test.ts.
// One entry per dictionary id; `byType` gives, per SentinelOne event type (as the dictionary's
// match lists it), what differs between the types a dictionary holds.

/** ECS categorisation of one kind of event. */
export interface EcsClassification {
  readonly kind: 'event' | 'alert'
  readonly category: readonly string[]
  readonly type: readonly string[]
}

/** OCSF class (uid) and activity (id) of one kind of event. */
export interface OcsfClassification {
  readonly classUid: number
  readonly activityId: number
}

/** Target fields with a fixed value, per target (checked against the definitions like the rest). */
export interface Constants {
  readonly ecs?: Readonly<Record<string, string | number | boolean>>
  readonly ocsf?: Readonly<Record<string, string | number | boolean>>
}

export interface DictionaryClassification {
  /** The categorisation of every event of the dictionary, unless `byType` says otherwise for its type. */
  readonly ecs: EcsClassification
  readonly ocsf: OcsfClassification
  /** Per SentinelOne event type (the `event.type` value the dictionary routes on). */
  readonly byType?: Readonly<Record<string, { readonly ecs?: Partial<EcsClassification>; readonly ocsf?: Partial<OcsfClassification>; readonly constants?: Constants }>>
  /** Fields every event of the dictionary has with one value (`is_alert` for detections). */
  readonly constants?: Constants
  /** OCSF profiles the events declare (`metadata.profiles`): `host` for every endpoint event. */
  readonly profiles: readonly string[]
  /** One sentence each: why these classes (goes in the dictionary's description, or the crosswalk for the byte-pinned one). */
  readonly why: string
  /** The choices made where the standards leave room (reported as judgment calls). */
  readonly judgment?: string
}

const HOST = ['host'] as const

export const CLASSIFICATIONS: Readonly<Record<string, DictionaryClassification>> = {
  'sentinelone-cloud-funnel/Process': {
    ecs: { kind: 'event', category: ['process'], type: ['start'] },
    ocsf: { classUid: 1007, activityId: 1 },
    byType: {
      'Process Exit': { ecs: { type: ['end'] }, ocsf: { activityId: 2 } },
      'Process Termination': { ecs: { type: ['end'] }, ocsf: { activityId: 2 } },
      'Process Modification': { ecs: { type: ['change'] }, ocsf: { activityId: 99 } },
    },
    profiles: HOST,
    why: 'ECS process start/end/change and OCSF Process Activity (1007: Launch, Terminate, Other for a modification), because each event is the lifecycle of the target process.',
    judgment: 'Process Modification has no OCSF activity of its own: Other (99), with the SentinelOne type as activity_name.',
  },
  'sentinelone-cloud-funnel/CrossProcess': {
    ecs: { kind: 'event', category: ['process'], type: ['access'] },
    ocsf: { classUid: 1007, activityId: 3 },
    byType: {
      'Remote Thread Creation': { ecs: { type: ['change'] }, ocsf: { activityId: 4 }, constants: { ocsf: { injection_type_id: 1 } } },
    },
    profiles: HOST,
    why: 'ECS process access and OCSF Process Activity (1007) with Open (3) for a handle opened or duplicated and Inject (4) for a remote thread, because the acting process reaches into a target process.',
    judgment: 'Duplicating a process or thread handle is counted as Open (3); a remote thread as Inject (4) and ECS change.',
  },
  'sentinelone-cloud-funnel/UserSubstitution': {
    ecs: { kind: 'event', category: ['process'], type: ['change'] },
    ocsf: { classUid: 1007, activityId: 5 },
    profiles: HOST,
    why: 'ECS process change and OCSF Process Activity Set User ID (1007/5), because su and sudo change the user a process runs as.',
    judgment: 'ECS has no category for a change of identity of a process: process/change rather than iam or authentication.',
  },
  'sentinelone-cloud-funnel/File': {
    ecs: { kind: 'event', category: ['file'], type: ['creation'] },
    ocsf: { classUid: 1001, activityId: 1 },
    byType: {
      'File Modification': { ecs: { type: ['change'] }, ocsf: { activityId: 3 } },
      'File Deletion': { ecs: { type: ['deletion'] }, ocsf: { activityId: 4 } },
      'File Rename': { ecs: { type: ['change'] }, ocsf: { activityId: 5 } },
      'File Scan': { ecs: { type: ['info'] }, ocsf: { activityId: 99 } },
    },
    profiles: HOST,
    why: 'ECS file creation/change/deletion and OCSF File System Activity (1001: Create, Update, Delete, Rename, Other for a scan), because each event acts on one file.',
    judgment: 'File Scan (the agent read the file to scan it) is Other (99) in OCSF and info in ECS, not Read (2): no process read the file.',
  },
  'sentinelone-cloud-funnel/Registry': {
    ecs: { kind: 'event', category: ['registry'], type: ['change'] },
    ocsf: { classUid: 201001, activityId: 1 },
    byType: {
      'Registry Key Create': { ecs: { type: ['creation'] }, ocsf: { classUid: 201001, activityId: 1 } },
      'Registry Key Delete': { ecs: { type: ['deletion'] }, ocsf: { classUid: 201001, activityId: 4 } },
      'Registry Key Rename': { ecs: { type: ['change'] }, ocsf: { classUid: 201001, activityId: 5 } },
      'Registry Key Export': { ecs: { type: ['access'] }, ocsf: { classUid: 201001, activityId: 9 } },
      'Registry Key Import': { ecs: { type: ['change'] }, ocsf: { classUid: 201001, activityId: 8 } },
      'Registry Key Security Changed': { ecs: { type: ['change'] }, ocsf: { classUid: 201001, activityId: 6 } },
      'Registry Value Create': { ecs: { type: ['creation'] }, ocsf: { classUid: 201002, activityId: 2 } },
      'Registry Value Modified': { ecs: { type: ['change'] }, ocsf: { classUid: 201002, activityId: 3 } },
      'Registry Value Delete': { ecs: { type: ['deletion'] }, ocsf: { classUid: 201002, activityId: 4 } },
    },
    profiles: HOST,
    why: "ECS registry creation/change/access/deletion and the OCSF Windows extension's Registry Key Activity (201001) for key events and Registry Value Activity (201002) for value events, both present in the 1.5.0 extract.",
    judgment: 'Registry Value Create is Set (2) in Registry Value Activity, which has no Create; Key Export is ECS access, Key Import ECS change.',
  },
  'sentinelone-cloud-funnel/ScheduledTask': {
    ecs: { kind: 'event', category: ['configuration'], type: ['creation'] },
    ocsf: { classUid: 1006, activityId: 1 },
    byType: {
      'Task Update': { ecs: { type: ['change'] }, ocsf: { activityId: 2 } },
      'Task Start': { ecs: { type: ['info'] }, ocsf: { activityId: 6 } },
      'Task Trigger': { ecs: { type: ['info'] }, ocsf: { activityId: 6 } },
      'Task Delete': { ecs: { type: ['deletion'] }, ocsf: { activityId: 3 } },
    },
    profiles: HOST,
    why: 'ECS configuration creation/change/deletion/info and OCSF Scheduled Job Activity (1006: Create, Update, Start, Delete), because a scheduled task is system configuration that runs a job.',
    judgment: 'ECS has no category for scheduled tasks: configuration; Task Start and Task Trigger are both OCSF Start (6) and ECS info.',
  },
  'sentinelone-cloud-funnel/ModuleLoad': {
    ecs: { kind: 'event', category: ['library'], type: ['start'] },
    ocsf: { classUid: 1005, activityId: 1 },
    profiles: HOST,
    why: 'ECS library start and OCSF Module Activity Load (1005/1), because a process loaded a DLL or shared library.',
  },
  'sentinelone-cloud-funnel/DriverLoad': {
    ecs: { kind: 'event', category: ['driver'], type: ['start'] },
    ocsf: { classUid: 1002, activityId: 1 },
    profiles: HOST,
    why: 'ECS driver start and OCSF Kernel Extension Activity Load (1002/1), because a kernel driver was loaded.',
  },
  'sentinelone-cloud-funnel/DNS': {
    ecs: { kind: 'event', category: ['network'], type: ['protocol', 'info'] },
    ocsf: { classUid: 4003, activityId: 6 },
    byType: {
      'DNS Resolved': { constants: { ecs: { 'event.outcome': 'success' }, ocsf: { status_id: 1 } } },
      'DNS Unresolved': { constants: { ecs: { 'event.outcome': 'failure' }, ocsf: { status_id: 2 } } },
    },
    profiles: HOST,
    why: 'ECS network protocol and OCSF DNS Activity (4003) Traffic (6), because each event carries both the query and its answer.',
    judgment: 'Traffic (6) rather than Query (1) or Response (2): one event holds both; DNS Unresolved is the same activity with outcome failure.',
  },
  'sentinelone-cloud-funnel/IP': {
    ecs: { kind: 'event', category: ['network'], type: ['connection', 'start'] },
    ocsf: { classUid: 4001, activityId: 1 },
    byType: {
      'IP Listen': { ecs: { type: ['start'] }, ocsf: { activityId: 7 } },
    },
    profiles: HOST,
    why: 'ECS network connection/start and OCSF Network Activity (4001) Open (1) or Listen (7), because each event is a socket a process connected or put to listen.',
  },
  'sentinelone-cloud-funnel/HTTP': {
    ecs: { kind: 'event', category: ['network'], type: ['protocol'] },
    ocsf: { classUid: 4002, activityId: 3 },
    byType: {
      GET: { ocsf: { activityId: 3 } },
      POST: { ocsf: { activityId: 6 } },
      PUT: { ocsf: { activityId: 7 } },
      DELETE: { ocsf: { activityId: 2 } },
      OPTIONS: { ocsf: { activityId: 5 } },
      CONNECT: { ocsf: { activityId: 1 } },
      HEAD: { ocsf: { activityId: 4 } },
    },
    profiles: HOST,
    why: 'ECS network protocol and OCSF HTTP Activity (4002) with the activity of the request method (Get 3, Post 6, Put 7, Delete 2, Options 5, Connect 1, Head 4).',
    judgment: 'ECS web is for web-server logs: a client request seen on an endpoint is network/protocol.',
  },
  'sentinelone-cloud-funnel/Logins': {
    ecs: { kind: 'event', category: ['authentication'], type: ['start'] },
    ocsf: { classUid: 3002, activityId: 1 },
    byType: {
      Logout: { ecs: { type: ['end'] }, ocsf: { activityId: 2 } },
    },
    profiles: HOST,
    why: 'ECS authentication start/end and OCSF Authentication (3002) Logon (1) and Logoff (2), with the outcome from whether the logon succeeded.',
  },
  'sentinelone-cloud-funnel/CommandScript': {
    ecs: { kind: 'event', category: ['process'], type: ['info'] },
    ocsf: { classUid: 1009, activityId: 1 },
    profiles: HOST,
    why: 'ECS process info and OCSF Script Activity Execute (1009/1), because an interpreter ran the script content the event carries.',
    judgment: 'ECS has no script category: process/info.',
  },
  'sentinelone-cloud-funnel/BehavioralIndicators': {
    ecs: { kind: 'alert', category: ['intrusion_detection'], type: ['info'] },
    ocsf: { classUid: 2004, activityId: 1 },
    constants: { ocsf: { is_alert: true } },
    profiles: HOST,
    why: "ECS alert in intrusion_detection and OCSF Detection Finding Create (2004/1), because the agent's own detection logic matched a behaviour.",
    judgment: 'event.kind alert (a detection made outside the Elastic Stack) rather than signal; intrusion_detection rather than malware, as an indicator is not a verdict.',
  },
  'sentinelone-cloud-funnel/ThreatIntelligenceIndicators': {
    ecs: { kind: 'alert', category: ['threat'], type: ['indicator'] },
    ocsf: { classUid: 2004, activityId: 1 },
    constants: { ocsf: { is_alert: true } },
    profiles: HOST,
    why: 'ECS alert in threat/indicator and OCSF Detection Finding Create (2004/1), because a threat-intelligence indicator matched on the endpoint.',
    judgment: 'ECS threat/indicator is meant for indicator documents (kind enrichment); a match on an endpoint is kept as an alert in that category.',
  },
  'sentinelone-cloud-funnel/GroupCreation': {
    ecs: { kind: 'event', category: ['iam'], type: ['group', 'creation'] },
    ocsf: { classUid: 0, activityId: 0 },
    profiles: HOST,
    why: 'ECS iam group/creation; OCSF Base Event (0), because Group Management (3006) requires the group and no known key of this event names it (group.id is the SentinelOne management group).',
    judgment: 'OCSF Base Event instead of Group Management Create (3006/6) until the event\'s group keys are known.',
  },
  'sentinelone/ProcessCreation': {
    ecs: { kind: 'event', category: ['process'], type: ['start'] },
    ocsf: { classUid: 1007, activityId: 1 },
    profiles: HOST,
    why: 'ECS process start and OCSF Process Activity Launch (1007/1), because Deep Visibility reports the creation of a process.',
  },
  'sentinelone/FileCreation': {
    ecs: { kind: 'event', category: ['file'], type: ['creation'] },
    ocsf: { classUid: 1001, activityId: 1 },
    profiles: HOST,
    why: 'ECS file creation and OCSF File System Activity Create (1001/1), because Deep Visibility reports a process creating a file.',
  },
  'sentinelone/DNS': {
    ecs: { kind: 'event', category: ['network'], type: ['protocol', 'info'] },
    ocsf: { classUid: 4003, activityId: 1 },
    profiles: HOST,
    why: 'ECS network protocol and OCSF DNS Activity Query (4003/1), because Deep Visibility reports the name a process asked for.',
  },
  'sentinelone/NetworkConnection': {
    ecs: { kind: 'event', category: ['network'], type: ['connection', 'start'] },
    ocsf: { classUid: 4001, activityId: 1 },
    profiles: HOST,
    why: 'ECS network connection/start and OCSF Network Activity Open (4001/1), because the event is a TCP connection (tcpv4) with both ends.',
  },
}
