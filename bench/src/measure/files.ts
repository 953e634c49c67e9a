/** Cheap facts about output files, for the checks after each whole-process run. */
import { createHash } from 'node:crypto'
import { createReadStream, openSync, readSync, closeSync } from 'node:fs'

export async function countLines(path: string): Promise<number> {
  let lines = 0
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
    const bytes = chunk as Buffer
    let at = bytes.indexOf(10)
    while (at >= 0) {
      lines++
      at = bytes.indexOf(10, at + 1)
    }
  }
  return lines
}

export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256')
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer)
  return hash.digest('hex')
}

/** The first `count` complete lines of a file (fewer when the file is shorter), reading only what is needed. */
export function readFirstLines(path: string, count: number): string[] {
  const fd = openSync(path, 'r')
  try {
    const buffer = Buffer.alloc(1 << 20)
    let text = ''
    let lines: string[] = []
    for (;;) {
      const read = readSync(fd, buffer, 0, buffer.length, null)
      if (read === 0) return (text === '' ? lines : [...lines, text]).slice(0, count)
      text += buffer.toString('utf8', 0, read)
      const parts = text.split('\n')
      text = parts.pop() ?? ''
      lines = lines.concat(parts)
      if (lines.length >= count) return lines.slice(0, count)
    }
  } finally {
    closeSync(fd)
  }
}
