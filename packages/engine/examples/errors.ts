import { createEngine, IrValidationError, IrVersionError } from '@mapdown/engine'
import { ir } from './ir.js'

export function example(print: (value: unknown) => void): void {
  for (const candidate of [{ ...ir, irVersion: 4 }, { irVersion: 3, dictionaries: [{ id: 'x' }] }]) {
    try {
      createEngine(candidate)
    } catch (error) {
      if (error instanceof IrVersionError || error instanceof IrValidationError) print(`${error.name}: ${error.message.split('\n').slice(0, 3).join(' | ')}`)
    }
  }
}
