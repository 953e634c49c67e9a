import { ecsField, ECS_VERSION } from './ecs/definitions.js'
import { ocsfField, OCSF_VERSION } from './ocsf/definitions.js'
import type { FieldLookup, TargetName } from './types.js'

/** The targets mapdown ships definitions for, with the version of each. */
export const TARGETS: Readonly<Record<TargetName, { readonly version: string; readonly source: string }>> = {
  ecs: { version: ECS_VERSION, source: '@elastic/ecs (EcsFlat)' },
  ocsf: { version: OCSF_VERSION, source: 'ocsf-1.5.0.json (extract of the compiled OCSF schema)' },
}

/** Whether a name is one of the targets (`ecs`, `ocsf`). */
export function isTargetName(name: string): name is TargetName {
  return Object.hasOwn(TARGETS, name)
}

/**
 * One entry point for both targets: the field at `path` in `target`. OCSF needs the event class
 * (`ocsfClass` accepts its name, uid or caption); ECS ignores it.
 */
export function targetField(target: TargetName, path: string, context: { readonly class?: string | number } = {}): FieldLookup {
  if (target === 'ecs') return ecsField(path)
  if (context.class === undefined) {
    return { ok: false, error: { known: '', segment: path, reason: `An OCSF field needs an event class to be looked up (\`${path}\`)`, candidates: [] } }
  }
  return ocsfField(context.class, path)
}
