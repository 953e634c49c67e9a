/**
 * An output file that appears whole or not at all.
 *
 * A regular file (or a name that does not exist yet) is written to a
 * temporary file beside it (`.<name>.<pid>-<random>.tmp`, same folder, so the
 * same file system) and renamed over the target only once every byte has been
 * written and the file closed without error, as compilers and package
 * managers do. A failed, interrupted or crashed run leaves the target as it
 * was (a run killed with SIGKILL may leave the temporary file behind; its name
 * never looks like the output). A symbolic link is followed: the file it
 * points to is replaced, the link stays.
 *
 * Anything else (`/dev/full`, `/dev/null`, a FIFO, `/dev/stdout`) cannot be
 * replaced by a rename and is written in place; every write and the close are
 * still checked.
 *
 * Every file-system call goes through `OutputFs`, so that tests can make the
 * first write, the last write, the close or the rename fail.
 */
import { randomBytes } from 'node:crypto'
import * as fs from 'node:fs'
import { basename, dirname, join } from 'node:path'

/** The file-system calls an output file makes. */
export interface OutputFs {
  open(path: string, flags: string, mode: number): Promise<number>
  /** Writes some of `buffer`; returns how many bytes were written (maybe fewer than asked). */
  write(fd: number, buffer: Uint8Array, offset: number, length: number): Promise<number>
  close(fd: number): Promise<void>
  rename(from: string, to: string): Promise<void>
  unlink(path: string): Promise<void>
}

/** The real file system. */
export const nodeFs: OutputFs = {
  open: (path, flags, mode) => callback<number>((done) => fs.open(path, flags, mode, done)),
  write: (fd, buffer, offset, length) => callback<number>((done) => fs.write(fd, buffer, offset, length, null, done)),
  close: (fd) => callback<void>((done) => fs.close(fd, done)),
  rename: (from, to) => callback<void>((done) => fs.rename(from, to, done)),
  unlink: (path) => callback<void>((done) => fs.unlink(path, done)),
}

function callback<T>(run: (done: (error: NodeJS.ErrnoException | null, value?: T) => void) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => run((error, value) => (error ? reject(error) : resolve(value as T))))
}

/** Where a failure happened, for messages: the OS error says what, this says when. */
export type OutputStep = 'open' | 'write' | 'close' | 'rename'

export class OutputFileError extends Error {
  override readonly name = 'OutputFileError'
  readonly step: OutputStep
  constructor(step: OutputStep, cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause), { cause })
    this.step = step
  }
}

/** Temporary files not yet renamed or removed: removed when the process exits, whatever the reason. */
const unfinished = new Set<string>()
let exitHookInstalled = false
function track(path: string): void {
  if (!exitHookInstalled) {
    exitHookInstalled = true
    process.once('exit', () => {
      for (const temp of unfinished) {
        try {
          fs.unlinkSync(temp)
        } catch {
          // Already gone, or the folder went away: nothing left to clean.
        }
      }
    })
  }
  unfinished.add(path)
}

export class OutputFile {
  /** The path as the user gave it (for messages). */
  readonly name: string
  /** The file that is written (a temporary file beside the target, or the target itself). */
  private readonly writtenPath: string
  /** Where the temporary file goes on commit; undefined when written in place. */
  private readonly target: string | undefined
  private readonly fsys: OutputFs
  /** False for a descriptor mapdown did not open (stdout): written, never closed. */
  private readonly ownsFd: boolean
  private fd: number | undefined
  private state: 'open' | 'closed' | 'committed' | 'discarded' = 'open'

  private constructor(name: string, writtenPath: string, target: string | undefined, fd: number, fsys: OutputFs, ownsFd = true) {
    this.name = name
    this.writtenPath = writtenPath
    this.target = target
    this.fd = fd
    this.fsys = fsys
    this.ownsFd = ownsFd
  }

  /**
   * An open descriptor, written in place and never closed: stdout when it is a
   * file or a device. (Node's own stdout stream for files ignores short
   * writes, so the last bytes before a disk fills up could be lost unseen.)
   */
  static fromDescriptor(fd: number, name: string, fsys: OutputFs = nodeFs): OutputFile {
    return new OutputFile(name, name, undefined, fd, fsys, false)
  }

  /** Opens `path` for writing: a temporary file beside it, or the file itself when it is not a regular file. */
  static async open(path: string, fsys: OutputFs = nodeFs): Promise<OutputFile> {
    const { target, mode, inPlace } = describeTarget(path)
    if (inPlace) {
      const fd = await step('open', fsys.open(path, 'w', 0o666))
      return new OutputFile(path, path, undefined, fd, fsys)
    }
    const temp = join(dirname(target), `.${basename(target)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`)
    // `wx`: never follow or reuse something already there.
    const fd = await step('open', fsys.open(temp, 'wx', mode))
    track(temp)
    return new OutputFile(path, temp, target, fd, fsys)
  }

  /** True when the file is written in place (a device or a FIFO), so that a failure cannot be undone. */
  get inPlace(): boolean {
    return this.target === undefined
  }

  /** Writes all of `data`, retrying short writes. */
  async write(data: Uint8Array): Promise<void> {
    const fd = this.openFd()
    let offset = 0
    while (offset < data.byteLength) {
      const written = await step('write', this.fsys.write(fd, data, offset, data.byteLength - offset))
      // A zero-byte write of a non-empty buffer would loop forever; the OS reports no error for it.
      if (written <= 0) throw new OutputFileError('write', Object.assign(new Error('no bytes written'), { code: 'EIO' }))
      offset += written
    }
  }

  /** Closes the file, checking the close: data not yet on disk can fail here (NFS, quotas). */
  async close(): Promise<void> {
    const fd = this.openFd()
    this.fd = undefined
    this.state = 'closed'
    if (this.ownsFd) await step('close', this.fsys.close(fd))
  }

  /** Puts the closed file in place of the target. */
  async commit(): Promise<void> {
    if (this.state !== 'closed') throw new Error(`OutputFile: commit() after close(), not in state ${this.state}`)
    if (this.target !== undefined) {
      await step('rename', this.fsys.rename(this.writtenPath, this.target))
      unfinished.delete(this.writtenPath)
    }
    this.state = 'committed'
  }

  /**
   * Gives the output up: closes it (ignoring errors) and removes the temporary
   * file, or, after a commit, the target itself (when a later output of the
   * same run failed, so that no output of a failed run looks complete).
   */
  async discard(): Promise<void> {
    if (this.state === 'discarded') return
    const fd = this.fd
    this.fd = undefined
    if (fd !== undefined && this.ownsFd) await this.fsys.close(fd).catch(() => {})
    const remove = this.state === 'committed' ? this.target : this.target === undefined ? undefined : this.writtenPath
    this.state = 'discarded'
    if (remove !== undefined) {
      await this.fsys.unlink(remove).catch(() => {})
      unfinished.delete(this.writtenPath)
    }
  }

  private openFd(): number {
    if (this.fd === undefined) throw new Error(`OutputFile: ${this.name} is ${this.state}`)
    return this.fd
  }
}

/** What to replace: the file behind symbolic links, with its permissions, or nothing (write in place). */
function describeTarget(path: string): { target: string; mode: number; inPlace: boolean } {
  let stats: fs.Stats
  try {
    stats = fs.statSync(path)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      // A new file (or a dangling link, which the rename replaces): default permissions, less the umask.
      return { target: path, mode: 0o666, inPlace: false }
    }
    throw new OutputFileError('open', error)
  }
  if (stats.isDirectory()) throw new OutputFileError('open', Object.assign(new Error('is a directory'), { code: 'EISDIR' }))
  if (!stats.isFile()) return { target: path, mode: 0o666, inPlace: true }
  return { target: fs.realpathSync(path), mode: stats.mode & 0o7777, inPlace: false }
}

async function step<T>(name: OutputStep, promise: Promise<T>): Promise<T> {
  try {
    return await promise
  } catch (error) {
    throw error instanceof OutputFileError ? error : new OutputFileError(name, error)
  }
}

/** Writes `data` to `path` whole or not at all. */
export async function writeWholeFile(path: string, data: string | Uint8Array, fsys: OutputFs = nodeFs): Promise<void> {
  const file = await OutputFile.open(path, fsys)
  try {
    await file.write(typeof data === 'string' ? Buffer.from(data) : data)
    await file.close()
    await file.commit()
  } catch (error) {
    await file.discard()
    throw error
  }
}
