/**
 * Argument parsing for every command: `node:util` `parseArgs` in strict mode,
 * with its errors turned into `UsageError`s that name the command.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util'
import { UsageError } from './errors.js'

export type OptionsConfig = NonNullable<ParseArgsConfig['options']>

/** Options every command accepts. */
export const COMMON_OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  debug: { type: 'boolean' },
} as const satisfies OptionsConfig

/** Parses `argv` for `command` or throws a `UsageError` saying which argument is wrong. */
type StrictConfig<T extends OptionsConfig> = { args: string[]; options: T; allowPositionals: true; strict: true }

export function parseCommandArgs<const T extends OptionsConfig>(
  command: string,
  argv: readonly string[],
  options: T,
): ReturnType<typeof parseArgs<StrictConfig<T>>> {
  try {
    return parseArgs({ args: [...argv], options, allowPositionals: true, strict: true })
  } catch (error) {
    throw new UsageError(usageMessage(error), command)
  }
}

/** parseArgs messages are long and mention `strict`; keep the part a user needs. */
function usageMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error)
  const code = (error as { code?: string }).code
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const match = /Unknown option '([^']+)'/.exec(message)
    return match ? `unknown option \`${match[1]}\`` : message
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    const missing = /Option '([^']+)' argument missing/.exec(message)
    if (missing) return `option \`${missing[1]?.replace(' <value>', '')}\` needs a value`
    const unexpected = /Option '([^']+)' does not take an argument/.exec(message)
    if (unexpected) return `option \`${unexpected[1]}\` takes no value`
  }
  return message.split('. ')[0] ?? message
}

/** Reads an option that must be one of `choices`. */
export function choiceOption<C extends string>(
  command: string,
  name: string,
  value: string | undefined,
  choices: readonly C[],
  fallback: C,
): C {
  if (value === undefined) return fallback
  if ((choices as readonly string[]).includes(value)) return value as C
  throw new UsageError(`invalid value \`${value}\` for \`--${name}\`, expected one of ${choices.join(', ')}`, command)
}

/** Reads an option that must be a positive integer (underscores allowed: `1_000_000`). */
export function positiveIntegerOption(
  command: string,
  name: string,
  value: string | undefined,
): number | undefined {
  if (value === undefined) return undefined
  const text = value.replaceAll('_', '')
  const number = /^[0-9]+$/.test(text) ? Number(text) : Number.NaN
  if (!Number.isSafeInteger(number) || number < 1) {
    throw new UsageError(`invalid value \`${value}\` for \`--${name}\`, expected a positive integer`, command)
  }
  return number
}
