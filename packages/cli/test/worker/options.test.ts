import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { UsageError } from '../../src/errors.js'
import { HELP_REQUESTED, parseWorkerArgs } from '../../src/worker/options.js'

const REQUIRED = ['--stream', 'EVENTS', '--consumer', 'mappers', '--out-subject', 'mapped.out', '--dlq-subject', 'mapped.dlq', '-d', 'dictionaries']

function usageMessage(argv: string[]): string {
  try {
    parseWorkerArgs(argv)
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError)
    return (error as Error).message
  }
  throw new Error(`no usage error for ${argv.join(' ')}`)
}

describe('parseWorkerArgs', () => {
  it('should support the required options with defaults for the rest', () => {
    const options = parseWorkerArgs([...REQUIRED, '--name', 'w1'])
    expect(options).toEqual({
      servers: ['nats://127.0.0.1:4222'],
      stream: 'EVENTS',
      consumer: 'mappers',
      filterSubject: undefined,
      outSubject: 'mapped.out',
      dlqSubject: 'mapped.dlq',
      dictionaries: ['dictionaries'],
      batch: 100,
      outBatch: 1,
      publishWindow: 1_000,
      ackWaitMs: 30_000,
      maxDeliver: 5,
      publishTimeoutMs: 5_000,
      statsIntervalMs: 10_000,
      name: 'w1',
      onFieldError: 'keep',
      cache: true,
      debug: false,
    })
  })

  it('should support several servers, repeated dictionaries and every tuning option', () => {
    const options = parseWorkerArgs([
      ...REQUIRED, '-d', 'more.json',
      '--nats', 'nats://a:4222, nats://b:4222',
      '--batch', '10', '--ack-wait', '2000', '--max-deliver', '3', '--publish-timeout', '900',
      '--stats-interval', '0', '--filter-subject', 'events.*.>', '--on-field-error', 'reject',
      '--out-batch', '100', '--publish-window', '5000', '--no-cache',
    ])
    expect(options).toMatchObject({
      servers: ['nats://a:4222', 'nats://b:4222'],
      dictionaries: ['dictionaries', 'more.json'],
      batch: 10, ackWaitMs: 2000, maxDeliver: 3, publishTimeoutMs: 900, statsIntervalMs: 0,
      filterSubject: 'events.*.>', onFieldError: 'reject', outBatch: 100, publishWindow: 5000, cache: false,
    })
  })

  it('should support --help without other options', () => {
    expect(parseWorkerArgs(['--help'])).toBe(HELP_REQUESTED)
  })

  it.each([
    [['--consumer', 'c', '--out-subject', 'o', '--dlq-subject', 'q', '-d', 'x'], 'missing `--stream`'],
    [REQUIRED.slice(0, -2), 'missing `-d/--dict PATH`'],
    [[...REQUIRED, 'events.ndjson'], 'unexpected argument `events.ndjson`'],
    [[...REQUIRED, '--batch', '0'], 'invalid value `0` for `--batch`'],
    [[...REQUIRED, '--batch', '1e3'], 'invalid value `1e3` for `--batch`'],
    [[...REQUIRED, '--out-batch', '0'], 'invalid value `0` for `--out-batch`'],
    [[...REQUIRED, '--publish-window', '1.5'], 'invalid value `1.5` for `--publish-window`'],
    [[...REQUIRED, '--ack-wait', '10'], 'invalid value `10` for `--ack-wait`, expected a whole number from 1000'],
    [[...REQUIRED, '--stream', 'a.b'], 'invalid value `a.b` for `--stream`'],
    [[...REQUIRED, '--consumer', 'x y'], 'invalid value `x y` for `--consumer`'],
    [[...REQUIRED, '--out-subject', 'mapped.*'], 'invalid value `mapped.*` for `--out-subject`, expected a literal subject'],
    [[...REQUIRED, '--dlq-subject', 'a..b'], 'invalid value `a..b` for `--dlq-subject`'],
    [[...REQUIRED, '--dlq-subject', 'mapped.out'], '`--out-subject` and `--dlq-subject` must differ'],
    [[...REQUIRED, '--filter-subject', 'a.>.b'], 'invalid value `a.>.b` for `--filter-subject`'],
    [[...REQUIRED, '--on-field-error', 'drop'], 'invalid value `drop` for `--on-field-error`'],
    [[...REQUIRED, '--nats', ' , '], 'expected at least one server URL'],
    [[...REQUIRED, '--bogus'], 'unknown option `--bogus`'],
  ])('should not support %j', (argv, message) => {
    expect(usageMessage(argv)).toContain(message)
  })

  it('should accept exactly the whole numbers inside each range', () => {
    fc.assert(
      fc.property(fc.integer({ min: -10, max: 20_000 }), (batch) => {
        const argv = [...REQUIRED, `--batch=${batch}`]
        if (batch >= 1 && batch <= 10_000) expect(parseWorkerArgs(argv)).toMatchObject({ batch })
        else expect(usageMessage(argv)).toContain('for `--batch`')
      }),
    )
  })
})
