/**
 * Outputs that would destroy an input or each other are refused before
 * anything is read or written: `-o` equal to `--rejects`, or either equal to
 * an input or a dictionary. Files are compared as the file system sees them
 * (device and inode), so `./x` and `x`, a symbolic link and its target, and two
 * hard links of one file are all the same file. Outputs that do not exist yet
 * are compared by their resolved path (symbolic links in the folders followed).
 * Devices and pipes (`/dev/null` as both outputs) are never a clash. A folder
 * of dictionaries stands for the dictionary files in it (those the compiler
 * reads), so `-o dictionaries/x.md` cannot overwrite one of them.
 */
import { statSync, realpathSync } from 'node:fs'
import { basename, dirname, join, resolve } from 'node:path'
import { UsageError } from '../errors.js'

export interface ClashCheck {
  /** Output options and their values (undefined: not given). */
  readonly outputs: ReadonlyArray<readonly [option: string, path: string | undefined]>
  /** Paths that are read: inputs, dictionaries (files, or folders of dictionaries). */
  readonly inputs: readonly string[]
}

/**
 * `refuseClashingPaths` after expanding folders of dictionaries to the files
 * the compiler reads from them (its `markdownFiles`, loaded only when needed).
 */
export async function refuseClashingOutputs(command: string, check: ClashCheck): Promise<void> {
  if (check.outputs.every(([, path]) => path === undefined)) return
  const inputs: string[] = []
  for (const input of check.inputs) {
    if (!isFolder(input)) {
      inputs.push(input)
      continue
    }
    const { markdownFiles } = await import('@mapdown/compiler/files')
    try {
      inputs.push(...(await markdownFiles(input)))
    } catch {
      // An unreadable folder fails later, with its own message.
    }
  }
  refuseClashingPaths(command, { outputs: check.outputs, inputs })
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory()
  } catch {
    return false
  }
}

export function refuseClashingPaths(command: string, check: ClashCheck): void {
  const seen: Array<{ label: string; path: string; identity: string }> = []
  for (const [option, path] of check.outputs) {
    if (path === undefined) continue
    const identity = identify(path, true)
    if (identity === undefined) continue
    const other = seen.find((entry) => entry.identity === identity)
    if (other !== undefined) {
      throw new UsageError(`${other.label} and \`${option} ${path}\` ${sameFile(other.path, path)}; give each output its own file`, command)
    }
    seen.push({ label: `\`${option} ${path}\``, path, identity })
  }
  for (const input of check.inputs) {
    const identity = identify(input, false)
    if (identity === undefined) continue
    const output = seen.find((entry) => entry.identity === identity)
    if (output !== undefined) {
      throw new UsageError(`${output.label} ${sameFile(output.path, input, 'input')}: writing it would destroy what is read`, command)
    }
  }
}

function sameFile(first: string, second: string, role?: string): string {
  const what = role === undefined ? 'name the same file' : `is also an ${role}`
  return resolve(first) === resolve(second) ? what : `${what} (\`${second}\`, through a link)`
}

/**
 * `dev:ino` of a regular file; for an output that does not exist yet, its
 * resolved path; undefined for what cannot clash (folders, devices, pipes,
 * inputs that do not exist, which fail later with their own message).
 */
function identify(path: string, isOutput: boolean): string | undefined {
  try {
    const stats = statSync(path)
    return stats.isFile() ? `${stats.dev}:${stats.ino}` : undefined
  } catch {
    if (!isOutput) return undefined
    try {
      return `path:${join(realpathSync(dirname(resolve(path))), basename(path))}`
    } catch {
      return `path:${resolve(path)}`
    }
  }
}
