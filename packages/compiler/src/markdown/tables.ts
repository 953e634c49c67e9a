import type { SourcePosition } from '@mapdown/ir'
import type { Table } from 'mdast'
import { toSourcePosition } from '../position.js'
import { toText } from './to-text.js'

export interface TableCell {
  /** The cell's text as rendered, trimmed (tabs and spaces). */
  text: string
  /**
   * The cell as written, trimmed, with `\|` unescaped and one level of
   * inline-code backticks removed. Names and paths are read from this: as
   * markdown, `__proto__` would render as a bold `proto` and `$.a*b*` lose its stars.
   */
  raw: string
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

export function readTable(node: Table, source: string): TableModel {
  const [head, ...body] = node.children
  const rowOf = (row: Table['children'][number]): TableRow => ({
    cells: row.children.map((cell) => {
      const text = toText(cell).trim()
      const start = cell.position?.start.offset
      const end = cell.position?.end.offset
      const raw = start === undefined || end === undefined ? text : rawCellText(source.slice(start, end))
      return { text, raw, position: toSourcePosition(cell.position) ?? NOWHERE }
    }),
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

function rawCellText(slice: string): string {
  let text = slice.trim()
  if (text.startsWith('|')) text = text.slice(1)
  if (text.endsWith('|') && !text.endsWith('\\|')) text = text.slice(0, -1)
  text = text.trim().replace(/\\\|/g, '|')
  const code = /^(`+)\s?([^`](?:.*[^`])?)\s?\1$/s.exec(text)
  return code?.[2] !== undefined ? code[2] : text
}
