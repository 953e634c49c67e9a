/**
 * Writing values into a dictionary so that the compiler reads them back
 * unchanged: table cells, an HTML comment, rule and file names.
 */

/** Characters markdown would read as syntax in a table cell (emphasis, links, html, escapes, entities). */
const MARKDOWN_SYNTAX = /[\\*_[\]<>&~!#|]/

/**
 * A table cell that renders as exactly `text`, or undefined when no cell can
 * (line breaks, backticks, blanks at either end) or the text is too long to be useful.
 */
export function cellFor(text: string, maxLength = 200): string | undefined {
  if (text === '' || text.length > maxLength || /[\r\n`]/.test(text) || text.trim() !== text) return undefined
  if (!MARKDOWN_SYNTAX.test(text)) return text
  // Inline code keeps everything as written; only the table's `|` needs its escape.
  return `\`${text.replaceAll('|', '\\|')}\``
}

/** Plain words for a Description cell (which is prose: markdown in it is fine, a pipe or line break is not). */
export function proseCell(text: string): string {
  return text.replace(/\s+/g, ' ').replaceAll('|', '\\|').trim()
}

/** Text that cannot end an HTML comment early. */
export function commentSafe(text: string): string {
  return text.replaceAll('--', '- -')
}

/** `Process Creation`, `IPConnect`, `fileCreation` -> `ProcessCreation`, `IPConnect`, `FileCreation`. */
export function pascalCase(text: string): string {
  return text
    .split(/[^A-Za-z0-9]+/)
    .filter((word) => word !== '')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('')
}

/** `IPConnect` -> `IP Connect`, `fileCreation` -> `File Creation`. */
export function titleWords(text: string): string {
  return pascalCase(text)
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
}

/** `IPConnect` -> `ip-connect`, `ProcessCreation` -> `process-creation`: a dictionary's file name. */
export function kebabCase(text: string): string {
  return titleWords(text).toLowerCase().replace(/\s+/g, '-')
}

/** `fileCreation` -> `file_creation`. */
export function snakeCase(text: string): string {
  return kebabCase(text).replaceAll('-', '_')
}
