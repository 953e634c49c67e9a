/** The `--format` option of `compile` and `check`: how diagnostics are printed on stderr. */
import type { CompileResult } from '@mapdown/compiler'
import { choiceOption } from '../args.js'

export const DIAGNOSTIC_FORMATS = ['text', 'json', 'sarif', 'github'] as const
export type DiagnosticFormat = (typeof DIAGNOSTIC_FORMATS)[number]

export function diagnosticFormat(command: string, value: string | undefined): DiagnosticFormat {
  return choiceOption(command, 'format', value, DIAGNOSTIC_FORMATS, 'text')
}

type Files = CompileResult['files']

/** Formats the files' messages with the compiler's reporter for `format`. */
export async function formatDiagnostics(files: Files, format: DiagnosticFormat): Promise<string> {
  const compiler = await import('@mapdown/compiler')
  switch (format) {
    case 'text':
      return compiler.formatText(files)
    case 'json':
      return compiler.formatJson(files)
    case 'sarif':
      return compiler.formatSarif(files)
    case 'github':
      return compiler.formatGithub(files)
  }
}

/** Errors and warnings, counted from the messages themselves (so that `check`'s own findings count). */
export function countMessages(files: Files): { errors: number; warnings: number } {
  let errors = 0
  let warnings = 0
  for (const file of files) {
    for (const message of file.messages) {
      if (message.fatal === true) errors++
      else if (message.fatal === false) warnings++
    }
  }
  return { errors, warnings }
}

/** Writes diagnostics to stderr, with a final newline, unless there is nothing to say. */
export function writeDiagnostics(text: string): void {
  if (text.length === 0) return
  process.stderr.write(text.endsWith('\n') ? text : text + '\n')
}
