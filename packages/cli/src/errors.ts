/**
 * Typed errors of the command line. Each one carries what the user needs to
 * fix the problem; `bin.ts` prints them as one line and maps them to an exit code.
 */

/** A mistake in how mapdown was called (unknown option, bad value): exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError'
  readonly exitCode = 2
  /** The command whose `--help` explains the usage, if any. */
  readonly command: string | undefined

  constructor(message: string, command?: string) {
    super(message)
    this.command = command
  }
}

/** An input (file, stdin, dictionary, IR) that cannot be used: exit code 1. */
export class InputError extends Error {
  override readonly name = 'InputError'
  readonly exitCode = 1
  /** The file the problem is about, as the user named it. */
  readonly file: string | undefined

  constructor(message: string, file?: string, options?: { cause?: unknown }) {
    super(message, options)
    this.file = file
  }
}

/** The exit code for an error thrown while running a command. */
export function exitCodeOf(error: unknown): number {
  return error instanceof UsageError ? 2 : 1
}

/**
 * One line for stderr: `mapdown: <file>: <what is wrong>`.
 * With `debug`, the stack (and its causes) follow on the next lines.
 */
export function describeError(error: unknown, debug: boolean): string {
  let line: string
  if (error instanceof InputError) {
    line = error.file === undefined ? `mapdown: ${error.message}` : `mapdown: ${error.file}: ${error.message}`
  } else if (error instanceof UsageError) {
    const hint = error.command === undefined ? 'mapdown --help' : `mapdown ${error.command} --help`
    line = `mapdown: ${error.message} (see \`${hint}\`)`
  } else if (error instanceof Error) {
    line = `mapdown: ${error.message}`
  } else {
    line = `mapdown: ${String(error)}`
  }
  if (!debug) return line
  const stacks: string[] = []
  let current: unknown = error
  while (current instanceof Error) {
    stacks.push(current.stack ?? String(current))
    current = current.cause
  }
  return [line, ...stacks].join('\n')
}

/** A short description of a Node system error (`ENOENT` → "no such file or directory"). */
export function systemErrorMessage(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as NodeJS.ErrnoException).code
    switch (code) {
      case 'ENOENT':
        return 'no such file or directory'
      case 'EACCES':
      case 'EPERM':
        return 'permission denied'
      case 'EISDIR':
        return 'is a directory, expected a file'
      case 'ENOTDIR':
        return 'a part of the path is not a directory'
      case 'Z_DATA_ERROR':
      case 'Z_BUF_ERROR':
        return `invalid gzip data (${error.message})`
      default: {
        // Node's system errors read `ENOSPC: no space left on device, write`: keep the description.
        const described = code === undefined ? undefined : new RegExp(`^${code}: ([^,]+)`).exec(error.message)?.[1]
        return described ?? error.message
      }
    }
  }
  return String(error)
}
