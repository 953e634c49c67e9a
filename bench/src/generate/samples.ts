/**
 * Reads the Event JSON sample out of dictionary markdown, so the mixed stream
 * holds events of every dictionary's own shape. This is deliberately a plain
 * text scan, not the compiler: the bench must be able to generate its data
 * before (and independently of) the package under test. A sample that is not
 * valid JSON (a known authoring defect) is reported, not guessed at.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'

export type SampleOutcome =
  | { file: string; ok: true; sample: Record<string, unknown> }
  | { file: string; ok: false; reason: string }

const EVENT_JSON_HEADING = /^#{1,6}\s*Event JSON\s*:?\s*$/im

export function extractSample(markdown: string): { ok: true; sample: Record<string, unknown> } | { ok: false; reason: string } {
  const heading = EVENT_JSON_HEADING.exec(markdown)
  if (!heading) return { ok: false, reason: 'no "Event JSON" heading' }
  const afterHeading = markdown.slice(heading.index + heading[0].length)
  const open = afterHeading.indexOf('```')
  if (open < 0) return { ok: false, reason: 'no code block after "Event JSON"' }
  const bodyStart = afterHeading.indexOf('\n', open)
  if (bodyStart < 0) return { ok: false, reason: 'unterminated code block' }
  // The original dictionary closes its fence on the JSON's last line (`}```), so look for the next fence anywhere.
  const close = afterHeading.indexOf('```', bodyStart)
  if (close < 0) return { ok: false, reason: 'unterminated code block' }
  const body = afterHeading.slice(bodyStart + 1, close).trim()
  if (body === '') return { ok: false, reason: 'empty Event JSON block' }
  try {
    const parsed: unknown = JSON.parse(body)
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
      return { ok: false, reason: 'Event JSON is not an object' }
    }
    return { ok: true, sample: parsed as Record<string, unknown> }
  } catch (error) {
    return { ok: false, reason: `invalid JSON: ${(error as Error).message}` }
  }
}

/** Every `*.md` under `folder`, recursively, sorted, with its sample or why there is none. */
export function readDictionarySamples(folder: string): SampleOutcome[] {
  const files: string[] = []
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name)
      if (statSync(path).isDirectory()) walk(path)
      else if (name.endsWith('.md') && name.toLowerCase() !== 'readme.md') files.push(path)
    }
  }
  walk(folder)
  return files.map((path) => {
    const file = relative(folder, path).split('\\').join('/')
    const outcome = extractSample(readFileSync(path, 'utf8'))
    return outcome.ok ? { file, ok: true, sample: outcome.sample } : { file, ok: false, reason: outcome.reason }
  })
}
