import { createEngine } from '@mapdown/engine'
import { ir } from './ir.js'

export function example(print: (value: unknown) => void): void {
  const engine = createEngine(ir) // throws IrValidationError / IrVersionError for a bad IR

  // One parsed event: a record in dictionary field order, "@mapdown" last.
  const result = engine.map({
    tcpv4: { sourceAddress: { address: '10.115.32.249', port: 52413 } },
    timestamp: { millisecondsSinceEpoch: 1571933515865 },
  })
  print(result)

  // One NDJSON line: a field that fails coercion is left out and listed as an issue.
  print(engine.mapLine('{"tcpv4":{"sourceAddress":{"address":"999.1.1.1","port":"443"}}}'))

  // Rejections carry a reason code; map and mapLine never throw.
  print(engine.mapLine('{"dns":{}}'))
  print(engine.mapLine('{not json'))

  print(engine.stats()) // read === mapped + rejected
}
