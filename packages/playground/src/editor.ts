import { markdown } from '@codemirror/lang-markdown'
import { yamlFrontmatter } from '@codemirror/lang-yaml'
import { lintGutter, setDiagnostics, type Diagnostic } from '@codemirror/lint'
import { EditorState, type Text } from '@codemirror/state'
import { EditorView, basicSetup } from 'codemirror'
import type { PlaygroundDiagnostic } from './diagnostics.js'

/** The dictionary editor: markdown, a lint gutter, and a callback on every change of the text. */
export function createEditor(parent: HTMLElement, onChange: (text: string) => void): EditorView {
  return new EditorView({
    parent,
    state: EditorState.create({
      doc: '',
      extensions: [
        basicSetup,
        // A dictionary opens with YAML front matter: highlight it as YAML, not as a setext heading.
        yamlFrontmatter({ content: markdown() }),
        lintGutter(),
        EditorView.lineWrapping,
        EditorView.updateListener.of((update) => {
          if (update.docChanged) onChange(update.state.doc.toString())
        }),
      ],
    }),
  })
}

/** Replaces the whole document (opening a library file) without losing the editor. */
export function replaceDocument(view: EditorView, text: string): void {
  view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } })
}

/** Shows the compiler's messages in the editor, at their line and column. */
export function showDiagnostics(view: EditorView, diagnostics: readonly PlaygroundDiagnostic[]): void {
  const doc = view.state.doc
  const marks: Diagnostic[] = diagnostics.map((diagnostic) => {
    const from = offsetOf(doc, diagnostic.start)
    const to = Math.max(from, offsetOf(doc, diagnostic.end))
    return {
      from,
      to,
      severity: diagnostic.severity,
      message: diagnostic.note ? `${diagnostic.message}\n${diagnostic.note}` : diagnostic.message,
      ...(diagnostic.ruleId ? { source: diagnostic.ruleId } : {}),
    }
  })
  view.dispatch(setDiagnostics(view.state, marks))
}

/** A 1-based line and column as an offset into the document, clamped to it. */
function offsetOf(doc: Text, point: { line: number; column: number }): number {
  const line = doc.line(Math.min(Math.max(point.line, 1), doc.lines))
  return Math.min(line.from + Math.max(point.column - 1, 0), line.to)
}
