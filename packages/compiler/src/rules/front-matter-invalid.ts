import type { FileContext, Place } from '../context.js'
import { defineRule } from './rule.js'

export const frontMatterInvalid = defineRule({
  id: 'front-matter-invalid',
  summary: 'The front matter is not valid, safe YAML: syntax errors, duplicate keys, alias bombs, another language, no closing `---`, not a mapping.',
  severity: 'error',
  messages: {
    language: {
      text: 'Unexpected front matter language `{{language}}`, expected YAML',
      note: 'Only YAML front matter is read: other gray-matter engines (such as `js`) would run code from the dictionary.',
    },
    unclosed: 'Unexpected end of file in front matter, expected a closing `---` line',
    duplicateKey: 'Unexpected duplicate key in front matter, expected unique keys ({{detail}})',
    syntax: 'Unexpected YAML in front matter: {{detail}}',
    yamlWarning: { text: 'Unexpected YAML in front matter: {{detail}}', severity: 'warning' },
    aliases: { text: 'Unexpected YAML in front matter: {{detail}}', note: 'At most {{limit}} aliases are expanded.' },
    notMapping: 'Unexpected front matter, expected a YAML mapping of keys to values',
  },
})

/** Only YAML is read (`---`, `---yaml`, `---yml`). Returns false (and reports) for another language. */
export function checkFrontMatterLanguage(ctx: FileContext, firstLine: string): boolean {
  const language = firstLine.slice(3).trim()
  if (language === '' || language.toLowerCase() === 'yaml' || language.toLowerCase() === 'yml') return true
  frontMatterInvalid.report(ctx, 'language', { language }, ctx.lines.position(3, firstLine.length))
  return false
}

export function reportUnclosedFrontMatter(ctx: FileContext): void {
  frontMatterInvalid.report(ctx, 'unclosed', {}, { line: 1, column: 1 })
}

/** A diagnostic of the `yaml` parser (first line of its message), an error or a warning. */
export function reportYamlProblem(ctx: FileContext, problem: { code: string; message: string }, fatal: boolean, place: Place): void {
  const detail = problem.message.split('\n')[0] ?? problem.message
  if (!fatal) frontMatterInvalid.report(ctx, 'yamlWarning', { detail }, place)
  else if (problem.code === 'DUPLICATE_KEY') frontMatterInvalid.report(ctx, 'duplicateKey', { detail }, place)
  else frontMatterInvalid.report(ctx, 'syntax', { detail }, place)
}

/** The YAML parsed but could not be turned into data (too many aliases). */
export function reportYamlValue(ctx: FileContext, error: unknown, aliasLimit: number, place: Place): void {
  frontMatterInvalid.report(ctx, 'aliases', { detail: error instanceof Error ? error.message : String(error), limit: aliasLimit }, place)
}

export function reportFrontMatterNotMapping(ctx: FileContext, place: Place): void {
  frontMatterInvalid.report(ctx, 'notMapping', {}, place)
}
