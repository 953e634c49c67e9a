import type { Nodes } from 'mdast'

/** The plain text of a node: inline code and text values, breaks as spaces. */
export function toText(node: Nodes): string {
  if ('value' in node && typeof node.value === 'string' && node.type !== 'html') return node.value
  if (node.type === 'break') return ' '
  if ('children' in node) return (node.children as Nodes[]).map(toText).join('')
  return ''
}
