import { DEFAULT_MAX_LINE_BYTES } from '../ndjson/line.js'
import type { EngineOptions, OnFieldError } from './types.js'

export interface ResolvedOptions {
  readonly onFieldError: OnFieldError
  readonly emitNull: boolean
  readonly maxDepth: number
  readonly maxLineBytes: number
  readonly mode: 'compiled' | 'interpreted'
  readonly schema: string | undefined
}

export const DEFAULT_MAX_DEPTH = 64

/** Fills in defaults and refuses options that cannot work, with a message naming the option. */
export function resolveOptions(options: EngineOptions): ResolvedOptions {
  const resolved: ResolvedOptions = {
    onFieldError: options.onFieldError ?? 'keep',
    emitNull: options.emitNull ?? false,
    maxDepth: options.maxDepth ?? DEFAULT_MAX_DEPTH,
    maxLineBytes: options.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES,
    mode: options.mode ?? 'compiled',
    schema: options.schema,
  }
  if (resolved.onFieldError !== 'keep' && resolved.onFieldError !== 'reject') {
    throw new TypeError(`Unexpected onFieldError ${JSON.stringify(resolved.onFieldError)}, expected 'keep' or 'reject'`)
  }
  if (resolved.mode !== 'compiled' && resolved.mode !== 'interpreted') {
    throw new TypeError(`Unexpected mode ${JSON.stringify(resolved.mode)}, expected 'compiled' or 'interpreted'`)
  }
  if (resolved.schema !== undefined && typeof resolved.schema !== 'string') throw new TypeError('Unexpected schema, expected a schema name (a string)')
  if (typeof resolved.emitNull !== 'boolean') throw new TypeError('Unexpected emitNull, expected a boolean')
  for (const name of ['maxDepth', 'maxLineBytes'] as const) {
    const value = resolved[name]
    if (!Number.isSafeInteger(value) || value < 1) throw new RangeError(`Unexpected ${name} ${String(value)}, expected a positive integer`)
  }
  return resolved
}
