import type { MappingIR } from '@mapdown/ir'

/** The IR as deterministic JSON: two-space indentation and a final newline (key order is fixed when the IR is built). */
export function serializeIr(ir: MappingIR): string {
  return `${JSON.stringify(ir, null, 2)}\n`
}
