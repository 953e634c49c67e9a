import type { SourcePosition } from '@mapdown/ir'
import type { Table } from 'mdast'
import { toSourcePosition } from '../position.js'
import { toText } from './to-text.js'

export interface TableCell {
  /** The cell's text, trimmed (tabs and spaces). */
  text: string
  position: SourcePosition
}

export interface TableRow {
  cells: TableCell[]
  position: SourcePosition
}

export interface TableModel {
  node: Table
  header: TableCell[]
  rows: TableRow[]
  position: SourcePosition
}

const NOWHERE: SourcePosition = { start: { line: 1, column: 1 } }

export function readTable(node: Table): TableModel {
  const [head, ...body] = node.children
  const rowOf = (row: Table['children'][number]): TableRow => ({
    cells: row.children.map((cell) => ({ text: toText(cell).trim(), position: toSourcePosition(cell.position) ?? NOWHERE })),
    position: toSourcePosition(row.position) ?? NOWHERE,
  })
  return {
    node,
    header: head ? rowOf(head).cells : [],
    rows: body.map(rowOf),
    position: toSourcePosition(node.position) ?? NOWHERE,
  }
}

/** Header text normalised for matching: lower case, words only. */
export function normaliseHeader(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
}
