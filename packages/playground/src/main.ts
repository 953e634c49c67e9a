import './buffer-for-gray-matter.js'
import './style.css'
import { createEditor, replaceDocument, showDiagnostics } from './editor.js'
import { loadLibrary, type LibraryFile } from './library.js'
import { renderDiagnostics, renderDictionary, renderPasted, renderSample } from './render.js'
import { compileDocument, mapPasted, type CompiledView } from './session.js'

// The repository's dictionaries, bundled at build time for a playground served without `mapdown playground`.
const bundled: LibraryFile[] = Object.entries(
  import.meta.glob<string>(['../../../dictionaries/**/*.md', '!**/README.md', '!**/node_modules/**'], { query: '?raw', import: 'default', eager: true }),
).map(([path, text]) => ({ path: path.replace(/^(\.\.\/)+dictionaries\//, ''), text }))

const COMPILE_DELAY_MS = 120

function byId<T extends HTMLElement>(id: string): T {
  const node = document.getElementById(id)
  if (!node) throw new Error(`missing #${id} in index.html`)
  return node as T
}

async function start(): Promise<void> {
  const picker = byId<HTMLSelectElement>('library')
  const output = byId<HTMLSelectElement>('schema')
  const pasted = byId<HTMLTextAreaElement>('events')
  const status = byId('status')
  const library = await loadLibrary(async (url) => (await fetch(url)).json(), bundled)
  let path = 'untitled.md'
  let view: CompiledView | undefined
  let timer: ReturnType<typeof setTimeout> | undefined

  const refreshPasted = () => {
    if (view?.engine) renderPasted(byId('pasted'), mapPasted(view.engine, pasted.value))
    else byId('pasted').replaceChildren()
  }
  const compileNow = () => {
    view = compileDocument(path, editor.state.doc.toString(), library.files, output.value === '' ? undefined : output.value)
    listSchemas(output, view.schemas)
    showDiagnostics(editor, view.diagnostics)
    renderDiagnostics(byId('diagnostics'), view.diagnostics)
    renderDictionary(byId('dictionary'), view.dictionary)
    renderSample(byId('sample'), view.sample)
    refreshPasted()
    status.textContent = `${path}: ${view.diagnostics.length} message(s)`
    document.body.dataset.compiled = String(Date.now())
  }
  const editor = createEditor(byId('editor'), () => {
    clearTimeout(timer)
    timer = setTimeout(compileNow, COMPILE_DELAY_MS)
  })

  const open = (file: LibraryFile) => {
    path = file.path
    replaceDocument(editor, file.text)
    clearTimeout(timer)
    compileNow()
  }
  for (const file of library.files) picker.append(new Option(file.path, file.path))
  picker.addEventListener('change', () => {
    const file = library.files.find((candidate) => candidate.path === picker.value)
    if (file) open(file)
  })
  pasted.addEventListener('input', refreshPasted)
  output.addEventListener('change', compileNow)
  byId('download').addEventListener('click', () => download(path, editor.state.doc.toString()))
  byId('copy').addEventListener('click', () => void navigator.clipboard.writeText(editor.state.doc.toString()))
  byId('origin').textContent = library.origin

  const first = library.files.find((file) => file.path.endsWith('network-connection.md')) ?? library.files[0]
  if (first) {
    picker.value = first.path
    open(first)
  }
  document.body.dataset.ready = 'true'
}

/** The output picker: the standard names, then each schema the library defines (kept in sync as schema documents are edited). */
function listSchemas(picker: HTMLSelectElement, schemas: readonly string[]): void {
  const shown = [...picker.options].slice(1).map((option) => option.value)
  if (shown.join('\n') === schemas.join('\n')) return
  const chosen = picker.value
  picker.replaceChildren(new Option('standard names', ''), ...schemas.map((name) => new Option(`--schema ${name}`, name)))
  picker.value = schemas.includes(chosen) ? chosen : ''
}

function download(path: string, text: string): void {
  const link = document.createElement('a')
  link.href = URL.createObjectURL(new Blob([text], { type: 'text/markdown' }))
  link.download = path.split('/').at(-1) ?? 'dictionary.md'
  link.click()
  URL.revokeObjectURL(link.href)
}

void start()
