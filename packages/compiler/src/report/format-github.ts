import type { VFile } from 'vfile'
import { pathOf, viewOf } from './message-view.js'

const COMMAND = { error: 'error', warning: 'warning', info: 'notice' } as const

/** GitHub's escaping of a workflow command's message. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
}

/** GitHub's escaping of a workflow command's property values (also `:` and `,`). */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C')
}

/** GitHub Actions annotations: `::error file=F,line=L,col=C,endLine=..,endColumn=..,title=ruleId::message`, one per line. */
export function formatGithub(files: readonly VFile[]): string {
  const lines: string[] = []
  for (const file of files) {
    for (const message of file.messages) {
      const view = viewOf(message)
      const properties = [`file=${escapeProperty(pathOf(file))}`]
      if (view.line !== undefined) properties.push(`line=${view.line}`)
      if (view.column !== undefined) properties.push(`col=${view.column}`)
      if (view.endLine !== undefined) properties.push(`endLine=${view.endLine}`)
      if (view.endColumn !== undefined) properties.push(`endColumn=${view.endColumn}`)
      if (view.ruleId !== undefined) properties.push(`title=${escapeProperty(view.ruleId)}`)
      lines.push(`::${COMMAND[view.level]} ${properties.join(',')}::${escapeData(view.reason)}`)
    }
  }
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`
}
