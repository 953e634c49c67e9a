import { describe, expect, it } from 'vitest'
import * as cli from '../src/index.js'

describe('@mapdown/cli', () => {
  it('should export exactly its public API', () => {
    expect(Object.keys(cli).sort()).toEqual(['COMMANDS', 'InputError', 'UsageError', 'main'])
  })
  it('should register every command', () => {
    expect(Object.keys(cli.COMMANDS)).toEqual(['compile', 'check', 'init', 'map', 'worker', 'playground'])
  })
})
