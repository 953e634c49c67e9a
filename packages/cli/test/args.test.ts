import { describe, expect, it } from 'vitest'
import { choiceOption, COMMON_OPTIONS, parseCommandArgs, positiveIntegerOption } from '../src/args.js'
import { UsageError } from '../src/errors.js'

const OPTIONS = { ...COMMON_OPTIONS, dict: { type: 'string', short: 'd', multiple: true }, stats: { type: 'boolean' } } as const

function usageMessage(run: () => unknown): string {
  try {
    run()
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError)
    expect((error as UsageError).command).toBe('map')
    return (error as Error).message
  }
  throw new Error('expected a UsageError')
}

describe('parseCommandArgs', () => {
  it('should support options, repeated options, `-` and positionals after `--`', () => {
    const { values, positionals } = parseCommandArgs('map', ['-d', 'a', '--dict=b', '--stats', '-', 'x', '--', '-y'], OPTIONS)
    expect(values).toEqual({ dict: ['a', 'b'], stats: true })
    expect(positionals).toEqual(['-', 'x', '-y'])
  })

  it('should not support unknown options, missing values or values on flags', () => {
    expect(usageMessage(() => parseCommandArgs('map', ['--nope'], OPTIONS))).toBe('unknown option `--nope`')
    expect(usageMessage(() => parseCommandArgs('map', ['-q'], OPTIONS))).toBe('unknown option `-q`')
    expect(usageMessage(() => parseCommandArgs('map', ['-d'], OPTIONS))).toBe('option `-d, --dict` needs a value')
    expect(usageMessage(() => parseCommandArgs('map', ['--stats=1'], OPTIONS))).toBe('option `--stats` takes no value')
  })
})

describe('choiceOption', () => {
  it('should support the listed values and a fallback', () => {
    expect(choiceOption('map', 'on-field-error', 'reject', ['keep', 'reject'], 'keep')).toBe('reject')
    expect(choiceOption('map', 'on-field-error', undefined, ['keep', 'reject'], 'keep')).toBe('keep')
  })
  it('should not support other values', () => {
    expect(usageMessage(() => choiceOption('map', 'on-field-error', 'drop', ['keep', 'reject'], 'keep'))).toBe(
      'invalid value `drop` for `--on-field-error`, expected one of keep, reject',
    )
  })
})

describe('positiveIntegerOption', () => {
  it('should support positive integers, with underscores', () => {
    expect(positiveIntegerOption('map', 'workers', '4')).toBe(4)
    expect(positiveIntegerOption('map', 'max-line-bytes', '1_048_576')).toBe(1_048_576)
    expect(positiveIntegerOption('map', 'workers', undefined)).toBeUndefined()
  })
  it.each(['0', '-1', '1.5', 'two', '', '1e3', '99999999999999999999'])('should not support %j', (value) => {
    expect(usageMessage(() => positiveIntegerOption('map', 'workers', value))).toBe(
      `invalid value \`${value}\` for \`--workers\`, expected a positive integer`,
    )
  })
})
