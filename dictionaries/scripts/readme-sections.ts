// Generated sections of a markdown file, between marker comments:
//
//   <!-- generated:NAME (scripts/update-readme.ts) -->
//   ...
//   <!-- /generated:NAME -->
//
// Everything outside the markers is hand-written and left untouched.

export class ReadmeSectionError extends Error {
  override name = 'ReadmeSectionError'
}

const startMarker = (name: string) => `<!-- generated:${name} (scripts/update-readme.ts) -->`
const endMarker = (name: string) => `<!-- /generated:${name} -->`

function bounds(text: string, name: string): { contentStart: number; contentEnd: number } {
  const start = text.indexOf(startMarker(name))
  const end = text.indexOf(endMarker(name))
  if (start === -1 || end === -1 || end < start) {
    throw new ReadmeSectionError(`Expected the markers \`${startMarker(name)}\` and \`${endMarker(name)}\`, in that order`)
  }
  if (text.indexOf(startMarker(name), start + 1) !== -1) {
    throw new ReadmeSectionError(`Unexpected second \`${startMarker(name)}\` marker`)
  }
  return { contentStart: start + startMarker(name).length, contentEnd: end }
}

/** The current content of a section, without the blank lines that frame it. */
export function readSection(text: string, name: string): string {
  const { contentStart, contentEnd } = bounds(text, name)
  return text.slice(contentStart, contentEnd).replace(/^\n+|\n+$/g, '')
}

/** The text with the section's content replaced. */
export function writeSection(text: string, name: string, content: string): string {
  const { contentStart, contentEnd } = bounds(text, name)
  return `${text.slice(0, contentStart)}\n${content}\n${text.slice(contentEnd)}`
}
