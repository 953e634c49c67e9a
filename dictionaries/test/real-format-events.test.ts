// The real-format Cloud Funnel events (examples/events/cloud-funnel-real-format.ndjson):
// every event type of SentinelOne's catalogue whose keys are known, in both spellings of
// `event.type` (the display string of real exports, `IP Connect`, and the squeezed one of
// anonymised fixtures, `IPConnect`), from Windows, Linux and macOS endpoints. Each must
// route to a dictionary of the library, the same one in both spellings, and map with
// SentinelOne's own event type kept and no field issue.

import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { createEngine, type Engine } from '@mapdown/engine'
import { beforeAll, describe, expect, it } from 'vitest'
import { compileLibrary } from '../scripts/library.js'

const EVENTS_PATH = fileURLToPath(new URL('../../examples/events/cloud-funnel-real-format.ndjson', import.meta.url))

/**
 * SentinelOne's catalogue of Cloud Funnel event types (event.category -> event.type
 * display values), every row whose keys are known: the reference's table without its
 * last, unconfirmed row.
 */
const CATALOGUE: Record<string, readonly string[]> = {
  process: ['Process Creation', 'Process Exit', 'Process Termination', 'Process Modification'],
  cross_process: ['Duplicate Process Handle', 'Duplicate Thread Handle', 'Open Remote Process Handle', 'Remote Thread Creation'],
  file: ['File Creation', 'File Modification', 'File Deletion', 'File Rename', 'File Scan'],
  registry: [
    'Registry Key Create', 'Registry Key Delete', 'Registry Key Rename', 'Registry Key Export', 'Registry Key Import',
    'Registry Key Security Changed', 'Registry Value Create', 'Registry Value Modified', 'Registry Value Delete',
  ],
  scheduled_task: ['Task Register', 'Task Update', 'Task Start', 'Task Trigger', 'Task Delete'],
  dns: ['DNS Resolved', 'DNS Unresolved'],
  ip: ['IP Connect', 'IP Listen'],
  url: ['GET', 'POST', 'PUT', 'DELETE', 'OPTIONS', 'CONNECT', 'HEAD'],
  logins: ['Login', 'Logout'],
  module: ['Module Load'],
  driver: ['Driver Load'],
  command_script: ['Command Script'],
  indicators: ['Behavioral Indicators'],
  threat_intelligence_indicators: ['Threat Intelligence Indicators'],
  group: ['Group Creation'],
  user_substitution: ['User Substitution'],
}

const squeeze = (text: string) => text.replace(/\s+/g, '')

type Event = Record<string, unknown>
const events: Event[] = readFileSync(EVENTS_PATH, 'utf8')
  .split('\n')
  .filter((line) => line !== '')
  .map((line) => JSON.parse(line) as Event)

let engine: Engine

beforeAll(async () => {
  const { ir, errorCount } = await compileLibrary()
  expect(errorCount).toBe(0)
  engine = createEngine(ir)
})

describe('real-format Cloud Funnel events', () => {
  it('should hold every catalogue type in both spellings, from three operating systems', () => {
    const seen = new Set(events.map((event) => `${String(event['event.category'])}/${String(event['event.type'])}`))
    const missing: string[] = []
    for (const [category, types] of Object.entries(CATALOGUE)) {
      for (const type of types) {
        for (const spelling of new Set([type, squeeze(type)])) if (!seen.has(`${category}/${spelling}`)) missing.push(`${category}/${spelling}`)
      }
    }
    expect(missing).toEqual([])
    expect(new Set(events.map((event) => event['endpoint.os']))).toEqual(new Set(['windows', 'linux', 'osx']))
    const macWithoutName = events.filter((event) => event['endpoint.os'] === 'osx' && (event['meta.event.name'] ?? null) === null)
    expect(macWithoutName.length, 'some macOS events lack meta.event.name').toBeGreaterThan(0)
  })

  it('should route and map every event, keeping its own event type, without field issues', () => {
    const failures: string[] = []
    for (const event of events) {
      const result = engine.map(event)
      const label = `${String(event['event.category'])}/${String(event['event.type'])} (${String(event['endpoint.os'])})`
      if (!result.ok) failures.push(`${label}: ${result.reason}: ${result.message}`)
      else if (result.record['event_type'] !== event['event.type']) failures.push(`${label}: event_type ${String(result.record['event_type'])}`)
      else if (result.issues.length > 0) failures.push(`${label}: ${result.issues.map((issue) => `${issue.field} ${issue.code}`).join(', ')}`)
    }
    expect(failures).toEqual([])
  })

  it('should route both spellings of each type to the same dictionary', () => {
    const byType = new Map<string, Set<string>>()
    for (const event of events) {
      const result = engine.map(event)
      if (!result.ok) continue
      const key = `${String(event['event.category'])}/${squeeze(String(event['event.type'])).toLowerCase()}`
      const dictionaries = byType.get(key) ?? new Set<string>()
      dictionaries.add(result.dictionary)
      byType.set(key, dictionaries)
    }
    const split = [...byType].filter(([, dictionaries]) => dictionaries.size > 1).map(([key, dictionaries]) => `${key}: ${[...dictionaries].join(', ')}`)
    expect(split).toEqual([])
    expect(byType.size).toBe(Object.values(CATALOGUE).flat().length)
  })
})
