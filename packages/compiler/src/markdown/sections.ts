import type { Heading, Root, RootContent } from 'mdast'
import { toText } from './to-text.js'

export type SectionKind = 'event-json' | 'event-types' | 'data-dictionary'

export interface Section {
  heading: Heading
  /** The heading text, normalised: lower case, punctuation removed, single spaces. */
  title: string
  kind: SectionKind | undefined
  /** The nodes under the heading, up to the next heading of the same or a higher level. */
  nodes: RootContent[]
}

/** Lower case, `&` as `and`, every run of other characters a single space. */
export function normaliseTitle(text: string): string {
  return text
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
}

/**
 * Which section a heading introduces, by keywords rather than exact text, so
 * that "Event Types:", "Event Log Illustration & Event JSON" and "Data
 * dictionary (fields)" are all recognised.
 */
export function sectionKind(title: string): SectionKind | undefined {
  const words = ` ${title} `
  if (words.includes(' dictionary ') || words.includes(' data fields ') || words.includes(' field mapping')) return 'data-dictionary'
  if (/ event types? /.test(words) && !words.includes(' json ')) return 'event-types'
  if (words.includes(' json ') || words.includes(' sample event') || words.includes(' example event') || words.includes(' event log ')) {
    return 'event-json'
  }
  return undefined
}

export function sectionsOf(tree: Root): Section[] {
  const sections: Section[] = []
  const open: Section[] = []
  for (const node of tree.children) {
    if (node.type === 'heading') {
      while (open.length > 0 && (open[open.length - 1]?.heading.depth ?? 0) >= node.depth) open.pop()
      const title = normaliseTitle(toText(node))
      const section: Section = { heading: node, title, kind: sectionKind(title), nodes: [] }
      sections.push(section)
      open.push(section)
      continue
    }
    for (const section of open) section.nodes.push(node)
  }
  return sections
}

export function findSection(sections: readonly Section[], kind: SectionKind): Section | undefined {
  return sections.find((section) => section.kind === kind)
}
