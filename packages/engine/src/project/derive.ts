import type { Derivation } from '@mapdown/ir'

/** The derivations of one argument. */
export type UnaryDerivation = Exclude<Derivation, 'coalesce' | 'unique'>

/**
 * The derivations of one argument, one implementation each. `undefined` is
 * "no value": an absent input, or one of a kind the derivation does not read
 * (a number where a path is expected). The generated projection calls these.
 */
export const DERIVE_UNARY: Readonly<Record<UnaryDerivation, (value: unknown) => unknown>> = {
  basename: (value) => (typeof value === 'string' ? basename(value) : undefined),
  dirname: (value) => (typeof value === 'string' ? dirname(value) : undefined),
  user_name: (value) => (typeof value === 'string' ? splitUser(value).name : undefined),
  user_domain: (value) => (typeof value === 'string' ? splitUser(value).domain : undefined),
  lower: (value) => (typeof value === 'string' ? value.toLowerCase() : undefined),
  epoch_ms: (value) => epochMs(value),
}

/** The closed set of derivations a schema may apply (docs/schemas.md), over their arguments' values. */
export const DERIVE: Readonly<Record<Derivation, (args: readonly unknown[]) => unknown>> = {
  basename: ([value]) => DERIVE_UNARY.basename(value),
  dirname: ([value]) => DERIVE_UNARY.dirname(value),
  user_name: ([value]) => DERIVE_UNARY.user_name(value),
  user_domain: ([value]) => DERIVE_UNARY.user_domain(value),
  lower: ([value]) => DERIVE_UNARY.lower(value),
  epoch_ms: ([value]) => DERIVE_UNARY.epoch_ms(value),
  coalesce: (args) => args.find((value) => value !== undefined),
  unique: (args) => unique(args),
}

/** The last component of a Windows (`\`) or POSIX (`/`) path; trailing separators ignored. Empty paths give nothing. */
function basename(path: string): string | undefined {
  const trimmed = path.replace(/[\\/]+$/, '')
  const cut = Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('\\'))
  const name = trimmed.slice(cut + 1)
  return name === '' ? undefined : name
}

/** The path without its last component; nothing when there is no separator. The root stays a root (`/`, `C:\`). */
function dirname(path: string): string | undefined {
  const trimmed = path.replace(/[\\/]+$/, '')
  const cut = Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('\\'))
  if (cut < 0) return undefined
  const parent = trimmed.slice(0, cut).replace(/[\\/]+$/, '')
  if (parent === '') return trimmed[cut]
  return /^[A-Za-z]:$/.test(parent) ? `${parent}${trimmed[cut]}` : parent
}

/** `DOMAIN\user`: the part after the first backslash is the name; without one, the whole value is the name and there is no domain. */
function splitUser(value: string): { name: string | undefined; domain: string | undefined } {
  const cut = value.indexOf('\\')
  if (cut < 0) return { name: value === '' ? undefined : value, domain: undefined }
  const domain = value.slice(0, cut)
  const name = value.slice(cut + 1)
  return { name: name === '' ? undefined : name, domain: domain === '' ? undefined : domain }
}

/** A mapped date (an ISO 8601 string) or a number already in milliseconds, as milliseconds since the epoch. */
function epochMs(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined
  if (typeof value !== 'string') return undefined
  const ms = Date.parse(value)
  return Number.isNaN(ms) ? undefined : ms
}

/** Every value (arrays flattened one level), first occurrence kept, in order; nothing when there is none. */
export function unique(args: readonly unknown[]): unknown[] | undefined {
  const seen = new Set<unknown>()
  const out: unknown[] = []
  const add = (value: unknown): void => {
    if (value === undefined || value === null || seen.has(value)) return
    seen.add(value)
    out.push(value)
  }
  for (const arg of args) {
    if (Array.isArray(arg)) for (const item of arg) add(item)
    else add(arg)
  }
  return out.length === 0 ? undefined : out
}
