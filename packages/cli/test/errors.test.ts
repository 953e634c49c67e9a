import { describe, expect, it } from 'vitest'
import { describeError, exitCodeOf, InputError, systemErrorMessage, UsageError } from '../src/errors.js'

describe('describeError', () => {
  it('should name the file of an InputError', () => {
    expect(describeError(new InputError('no such file or directory', 'x.ndjson'), false)).toBe(
      'mapdown: x.ndjson: no such file or directory',
    )
  })
  it('should point a UsageError to the help of its command', () => {
    expect(describeError(new UsageError('unknown option `--x`', 'map'), false)).toBe(
      'mapdown: unknown option `--x` (see `mapdown map --help`)',
    )
    expect(describeError(new UsageError('unknown command `mop`'), false)).toBe(
      'mapdown: unknown command `mop` (see `mapdown --help`)',
    )
  })
  it('should print one line without --debug, and the stacks of the error and its causes with it', () => {
    const error = new InputError('cannot read', 'f', { cause: new Error('root cause') })
    expect(describeError(error, false).split('\n')).toHaveLength(1)
    const debug = describeError(error, true)
    expect(debug).toContain('InputError: cannot read')
    expect(debug).toContain('Error: root cause')
    expect(debug.split('\n').length).toBeGreaterThan(2)
  })
})

describe('exitCodeOf', () => {
  it('should give 2 for usage errors and 1 for anything else', () => {
    expect(exitCodeOf(new UsageError('x'))).toBe(2)
    expect(exitCodeOf(new InputError('x'))).toBe(1)
    expect(exitCodeOf(new Error('x'))).toBe(1)
  })
})

describe('systemErrorMessage', () => {
  it('should word common system errors for people', () => {
    const enoent = Object.assign(new Error('ENOENT: no such file'), { code: 'ENOENT' })
    expect(systemErrorMessage(enoent)).toBe('no such file or directory')
    const eacces = Object.assign(new Error('EACCES'), { code: 'EACCES' })
    expect(systemErrorMessage(eacces)).toBe('permission denied')
  })
})
