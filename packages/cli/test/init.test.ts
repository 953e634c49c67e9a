/**
 * `mapdown init` on an NDJSON file: one draft per event type, in a folder per
 * log type, each compiling and checking clean against the library it was named from.
 * (Single events are golden cases: `fixtures/init-*`.)
 */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { runCli } from './helpers/run-cli.js'

const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url))
const LIBRARY = join(FIXTURES, '_library')
const tmp = mkdtempSync(join(tmpdir(), 'mapdown-init-'))
afterAll(() => rmSync(tmp, { recursive: true, force: true }))

const cloudFunnel = (type: string, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ 'event.time': 1718213612870, 'event.category': 'process', 'event.type': type, 'endpoint.name': 'WKS-1', 'src.process.pid': 42, ...extra })

describe('mapdown init (NDJSON)', () => {
  it('should draft one dictionary per event type, and say what it skipped', async () => {
    const events = join(tmp, 'events.ndjson')
    writeFileSync(
      events,
      [
        cloudFunnel('Process Creation'),
        cloudFunnel('ProcessCreation', { 'src.process.pid': 7 }), // the same type, loosely: not a second draft
        cloudFunnel('Process Termination'),
        '{"broken":',
        '{"level":"info"}',
        JSON.stringify({ tcpv4: null, processExit: { pid: 3 }, timestamp: { millisecondsSinceEpoch: 1 } }),
        '',
      ].join('\n'),
    )
    const out = join(tmp, 'drafts')
    const result = await runCli(['init', events, '--library', LIBRARY, '--date', '2026-12-01', '--out', out], { cwd: tmp })
    expect(result.stderr.replaceAll(tmp, '{tmp}').split('\n')).toEqual([
      'mapdown init: sentinelone-cloud-funnel/ProcessCreation written to {tmp}/drafts/sentinelone-cloud-funnel/process-creation.md: 4 fields named from the library, 1 listed for you to name in the comment at the end',
      'mapdown init: sentinelone-cloud-funnel/ProcessTermination written to {tmp}/drafts/sentinelone-cloud-funnel/process-termination.md: 4 fields named from the library, 1 listed for you to name in the comment at the end',
      'mapdown init: sentinelone/ProcessExit written to {tmp}/drafts/sentinelone/process-exit.md: 1 field named from the library, 1 listed for you to name in the comment at the end',
      'mapdown init: 1 event of {tmp}/events.ndjson has no type to draft from (neither Cloud Funnel nor Deep Visibility) and was skipped',
      'mapdown init: 1 line of {tmp}/events.ndjson is not a JSON object and was skipped',
      'next: mapdown check {tmp}/drafts',
      '',
    ])
    expect(result.exit).toBe(0)
    expect(readdirSync(join(out, 'sentinelone-cloud-funnel')).sort()).toEqual(['process-creation.md', 'process-termination.md'])
    expect(readdirSync(join(out, 'sentinelone'))).toEqual(['process-exit.md'])

    const check = await runCli(['check', '--strict', LIBRARY, out], { cwd: tmp })
    expect(check.stderr).not.toMatch(/warning|error/)
    expect(check.exit).toBe(0)

    const again = await runCli(['init', events, '--library', LIBRARY, '--out', out], { cwd: tmp })
    expect(again.stderr).toMatch(/process-creation\.md: exists already: not overwritten \(--force overwrites it\)/)
    expect(again.exit).toBe(1)
  })

  it('should ask for a folder when there are several event types', async () => {
    const events = join(tmp, 'two.ndjson')
    writeFileSync(events, `${cloudFunnel('A')}\n${cloudFunnel('B')}\n`)
    const result = await runCli(['init', events, '--library', LIBRARY], { cwd: tmp })
    expect(result.stderr.replaceAll(tmp, '{tmp}')).toBe(
      'mapdown: 2 event types in {tmp}/two.ndjson: name a folder to write one dictionary each into with --out DIR (see `mapdown init --help`)\n',
    )
    expect(result.exit).toBe(2)
  })
})
