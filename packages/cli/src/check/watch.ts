/**
 * `mapdown check --watch`: check again each time a dictionary is saved. The
 * process and its compiler thread stay warm (see CompileThread), so a run
 * after a save costs compiling the changed file and mapping the samples; its
 * time is printed after its report, on stderr:
 *
 *   mapdown check: 0 errors, 2 warnings in 48 ms; watching new.md, ./dictionaries (Ctrl-C stops)
 *
 * A run that fails outright (a file gone mid-save) prints its `mapdown:` line
 * and the watch goes on. SIGINT or SIGTERM ends the watch with 128 + the
 * signal's number (130, 143), as for `mapdown map`.
 */
import { watch, type FSWatcher } from 'node:fs'
import { stat } from 'node:fs/promises'
import { basename, dirname } from 'node:path'
import { describeError, InputError, systemErrorMessage } from '../errors.js'
import { Interrupt } from '../map/interrupt.js'

/** A save comes as a burst of events (truncate, write, rename): one run after the last of them. */
const SETTLE_MS = 20

export interface WatchedCheck {
  /** Files and folders whose dictionaries are checked or joined (folders recursively). */
  readonly paths: readonly string[]
  /** One check, its report written; resolves to its counts. */
  readonly check: () => Promise<{ errors: number; warnings: number }>
  /** Stops a run in progress at once (ends the compiler thread) when the watch ends. */
  readonly close: () => Promise<void>
  readonly debug: boolean
}

export async function watchChecks(options: WatchedCheck): Promise<number> {
  const interrupt = new Interrupt()
  const watching = options.paths.join(', ')
  const runOnce = async (): Promise<void> => {
    const started = performance.now()
    try {
      const { errors, warnings } = await options.check()
      const ms = Math.round(performance.now() - started)
      process.stderr.write(`mapdown check: ${plural(errors, 'error')}, ${plural(warnings, 'warning')} in ${ms} ms; watching ${watching} (Ctrl-C stops)\n`)
    } catch (error) {
      if (interrupt.received !== undefined) return
      process.stderr.write(`${describeError(error, options.debug)}\nmapdown check: failed; watching ${watching} (Ctrl-C stops)\n`)
    }
  }

  // One run at a time; saves during a run make one more run after it.
  let running = Promise.resolve()
  let pending = false
  let timer: NodeJS.Timeout | undefined
  const changed = (): void => {
    clearTimeout(timer)
    timer = setTimeout(() => {
      if (pending) return
      pending = true
      running = running.then(() => {
        pending = false
        if (interrupt.received === undefined) return runOnce()
      })
    }, SETTLE_MS)
  }

  const watchers: FSWatcher[] = []
  try {
    // Watching before the first run: a save made once its report is out is always seen.
    for (const path of options.paths) watchers.push(await watchPath(path, changed))
    running = runOnce()
    await new Promise<void>((resolve) => {
      if (interrupt.received !== undefined) resolve()
      else interrupt.signal.addEventListener('abort', () => resolve(), { once: true })
    })
  } finally {
    for (const watcher of watchers) watcher.close()
    clearTimeout(timer)
    interrupt.dispose()
    await options.close()
  }
  await running
  return interrupt.exitCode
}

/**
 * A folder is watched recursively for its `.md` files. A file is watched
 * through its folder, by name: an editor that saves by writing a new file and
 * renaming it over the old one replaces the file a watch on it would follow.
 */
async function watchPath(path: string, changed: () => void): Promise<FSWatcher> {
  let folder: boolean
  try {
    folder = (await stat(path)).isDirectory()
  } catch (error) {
    throw new InputError(systemErrorMessage(error), path, { cause: error })
  }
  if (folder) {
    return watch(path, { recursive: true }, (_event, name) => {
      if (name === null || name.toLowerCase().endsWith('.md')) changed()
    })
  }
  const name = basename(path)
  return watch(dirname(path), (_event, changedName) => {
    if (changedName === null || changedName === name) changed()
  })
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`
}
