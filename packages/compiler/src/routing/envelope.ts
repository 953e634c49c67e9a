/**
 * Top-level keys that every event of a format carries beside its event
 * object: not evidence of what kind of event it is. Deep Visibility carries
 * `timestamp` on every event. Shared by `mapdown init` (which object routes a
 * sample) and the compiler (which object the Data Dictionary paths name).
 */
export const EVENT_ENVELOPE: ReadonlySet<string> = new Set(['timestamp'])
