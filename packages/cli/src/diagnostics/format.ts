/** The `--format` and `--output` options of `compile` and `check`: how the report is printed, and where. */
import type { CompileResult } from '@mapdown/compiler'
import { choiceOption } from '../args.js'
import { StreamSink } from '../io/sink.js'
import { writeOutput } from '../io/write-output.js'

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

/** Where a report goes: a file (`--output FILE`), stdout, or stderr (when stdout carries the IR). */
export type ReportDestination = { readonly kind: 'file'; readonly path: string } | { readonly kind: 'stdout' } | { readonly kind: 'stderr' }

/**
 * Writes a report, with a final newline, checked to the end (a file appears
 * whole or not at all). An empty report (text format, no messages) prints
 * nothing, but still creates the file: a run that finished leaves its report,
 * even an empty one.
 */
export async function writeReport(text: string, destination: ReportDestination): Promise<void> {
  const whole = text.length === 0 || text.endsWith('\n') ? text : `${text}\n`
  if (destination.kind !== 'file' && whole.length === 0) return
  if (destination.kind !== 'stderr') return writeOutput(destination.kind === 'file' ? destination.path : undefined, whole)
  const sink = new StreamSink(process.stderr, 'stderr')
  await sink.write(whole, 0)
  await sink.finish()
}
