/**
 * OutputFile and FileSink under injected faults: every file-system call an
 * output makes (open, each write, close, rename) fails in turn, and the file
 * must never appear in part, the error must name the file, and the sink must
 * never claim lines it did not put in place.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync, statSync, lstatSync, chmodSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { nodeFs, OutputFile, writeWholeFile, type OutputFs } from '../src/io/output-file.js'
import { FileSink, finishOutputs, StreamSink } from '../src/io/sink.js'
import { Writable } from 'node:stream'

const folders: string[] = []
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true })
})
function folder(): string {
  const path = mkdtempSync(join(tmpdir(), 'mapdown-output-file-'))
  folders.push(path)
  return path
}

type Call = 'open' | 'write' | 'close' | 'rename'

/** The real file system, failing the `nth` call of `call` (1-based; -1: the last write, known in advance). */
function failing(call: Call, nth: number, code = 'ENOSPC'): OutputFs {
  const seen: Record<Call, number> = { open: 0, write: 0, close: 0, rename: 0 }
  const fail = (name: Call) => {
    seen[name]++
    if (name === call && seen[name] === nth) throw Object.assign(new Error(`${code}: injected failure, ${name}`), { code })
  }
  return {
    open: async (path, flags, mode) => (fail('open'), nodeFs.open(path, flags, mode)),
    write: async (fd, buffer, offset, length) => (fail('write'), nodeFs.write(fd, buffer, offset, length)),
    close: async (fd) => {
      // The descriptor is closed either way, as close(2) does.
      await nodeFs.close(fd)
      fail('close')
    },
    rename: async (from, to) => (fail('rename'), nodeFs.rename(from, to)),
    unlink: nodeFs.unlink,
  }
}

const LINES = Array.from({ length: 5 }, (_, index) => `{"n":${index}}\n`)

/** Writes the five lines, one write each, then finishes, as `mapdown map` does (discarding on failure); returns the error, if any. */
async function writeLines(path: string, fsys: OutputFs): Promise<{ error: Error | undefined; sink: FileSink | undefined }> {
  let sink: FileSink | undefined
  try {
    sink = await FileSink.open(path, fsys)
    for (const line of LINES) await sink.write(line, 1)
    await finishOutputs([sink])
    return { error: undefined, sink }
  } catch (error) {
    await sink?.discard()
    return { error: error as Error, sink }
  }
}

describe('FileSink', () => {
  const faults: Array<[string, Call, number]> = [
    ['opening', 'open', 1],
    ['the first write', 'write', 1],
    ['the third write', 'write', 3],
    ['the last write', 'write', LINES.length],
    ['close', 'close', 1],
    ['rename', 'rename', 1],
  ]

  it.each(faults)('should leave no file and claim no line when %s fails', async (_name, call, nth) => {
    const dir = folder()
    const target = join(dir, 'out.ndjson')
    const { error, sink } = await writeLines(target, failing(call, nth))
    expect(error?.message).toMatch(/^cannot (write|put the finished file in place): injected failure$/)
    expect((error as { file?: string }).file).toBe(target)
    expect(existsSync(target)).toBe(false)
    expect(readdirSync(dir)).toEqual([])
    expect(sink?.linesWritten ?? 0).toBe(0)
  })

  it.each(faults)('should keep an existing file unchanged when %s fails', async (_name, call, nth) => {
    const dir = folder()
    const target = join(dir, 'out.ndjson')
    writeFileSync(target, 'previous\n')
    await writeLines(target, failing(call, nth))
    expect(readFileSync(target, 'utf8')).toBe('previous\n')
    expect(readdirSync(dir)).toEqual(['out.ndjson'])
  })

  it('should put the whole file in place and count its lines when nothing fails', async () => {
    const dir = folder()
    const target = join(dir, 'out.ndjson')
    const { error, sink } = await writeLines(target, nodeFs)
    expect(error).toBeUndefined()
    expect(readFileSync(target, 'utf8')).toBe(LINES.join(''))
    expect(sink?.linesWritten).toBe(LINES.length)
    expect(readdirSync(dir)).toEqual(['out.ndjson'])
  })

  it('should retry short writes until every byte is written', async () => {
    const dir = folder()
    const target = join(dir, 'out.ndjson')
    const short: OutputFs = { ...nodeFs, write: (fd, buffer, offset, length) => nodeFs.write(fd, buffer, offset, Math.min(length, 3)) }
    await writeWholeFile(target, LINES.join(''), short)
    expect(readFileSync(target, 'utf8')).toBe(LINES.join(''))
  })

  it('should fail, not loop, when a write makes no progress', async () => {
    const dir = folder()
    const stuck: OutputFs = { ...nodeFs, write: async () => 0 }
    await expect(writeWholeFile(join(dir, 'out.ndjson'), 'x\n', stuck)).rejects.toThrow('no bytes written')
    expect(readdirSync(dir)).toEqual([])
  })

  it('should replace the file behind a symbolic link and keep the link and the permissions', async () => {
    const dir = folder()
    const real = join(dir, 'real.ndjson')
    writeFileSync(real, 'old\n')
    chmodSync(real, 0o640)
    symlinkSync('real.ndjson', join(dir, 'link.ndjson'))
    await writeWholeFile(join(dir, 'link.ndjson'), 'new\n')
    expect(lstatSync(join(dir, 'link.ndjson')).isSymbolicLink()).toBe(true)
    expect(readFileSync(real, 'utf8')).toBe('new\n')
    expect(statSync(real).mode & 0o777).toBe(0o640)
  })

  it('should write a device in place, checking every write (/dev/full)', async () => {
    const file = await OutputFile.open('/dev/full')
    expect(file.inPlace).toBe(true)
    await expect(file.write(Buffer.from('x\n'))).rejects.toThrow(/ENOSPC/)
    await file.discard()
    expect(existsSync('/dev/full')).toBe(true)
  })

  it('should discard every output when the second of two fails at the end, the first one already in place', async () => {
    const dir = folder()
    const first = await FileSink.open(join(dir, 'a.ndjson'))
    const second = await FileSink.open(join(dir, 'b.ndjson'), failing('rename', 1))
    await first.write('a\n', 1)
    await second.write('b\n', 1)
    await expect(finishOutputs([first, second])).rejects.toThrow(/^cannot put the finished file in place/)
    expect(readdirSync(dir)).toEqual([])
    expect(first.linesWritten).toBe(0)
  })
})

describe('StreamSink', () => {
  function stream(failAt: number | undefined, code = 'ENOSPC') {
    let writes = 0
    return new Writable({
      write(_chunk, _encoding, callback) {
        writes++
        // Asynchronously, as a real file or pipe: the error arrives after write() returned.
        setImmediate(() => callback(writes === failAt ? Object.assign(new Error(`${code}: no space left on device, write`), { code }) : null))
      },
    })
  }

  it('should see a failure of the last write at finish, not report success', async () => {
    const sink = new StreamSink(stream(3), 'stdout')
    for (const line of LINES.slice(0, 3)) await sink.write(line, 1)
    await expect(sink.finish()).rejects.toThrow('cannot write: no space left on device')
    expect(sink.linesWritten).toBe(2)
  })

  it('should count only the lines whose write completed', async () => {
    const sink = new StreamSink(stream(undefined), 'stdout')
    for (const line of LINES) await sink.write(line, 1)
    await sink.finish()
    expect(sink.linesWritten).toBe(LINES.length)
  })

  it('should stop quietly when the reader goes away (EPIPE)', async () => {
    const sink = new StreamSink(stream(2, 'EPIPE'), 'stdout')
    for (const line of LINES.slice(0, 2)) await sink.write(line, 1)
    await sink.finish()
    expect(sink.closed).toBe(true)
    expect(sink.linesWritten).toBe(1)
  })
})
