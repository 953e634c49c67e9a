/**
 * The playground's local server: the built static app, and `library.json`
 * (the dictionaries of one folder, read afresh on every request so that a
 * reload shows what is on disk). Loopback only; nothing is written.
 */
import { createServer, type Server } from 'node:http'
import { readFile } from 'node:fs/promises'
import { extname, join, normalize, relative, resolve, sep } from 'node:path'
import type { AddressInfo } from 'node:net'

export interface PlaygroundServerOptions {
  /** The built playground (`@mapdown/playground`'s `dist/`). */
  readonly appDir: string
  /** The folder whose dictionaries the page opens. */
  readonly libraryDir: string
  readonly port: number
  /** Lists a folder's dictionary files (the compiler's `markdownFiles`). */
  readonly listFiles: (folder: string) => Promise<string[]>
}

export interface RunningPlayground {
  readonly url: string
  close(): Promise<void>
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
}

export async function startPlaygroundServer(options: PlaygroundServerOptions): Promise<RunningPlayground> {
  const appDir = resolve(options.appDir)
  const libraryDir = resolve(options.libraryDir)
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname)
    const send = (status: number, type: string, body: string | Buffer) => {
      response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' })
      response.end(body)
    }
    const reply = path === '/library.json' ? libraryJson(libraryDir, options.listFiles) : staticFile(appDir, path)
    reply.then(
      (found) => (found ? send(200, found.type, found.body) : send(404, 'text/plain; charset=utf-8', 'not found\n')),
      (error: unknown) => send(500, 'text/plain; charset=utf-8', `${error instanceof Error ? error.message : String(error)}\n`),
    )
  })
  await listen(server, options.port)
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise((done) => server.close(() => done())),
  }
}

async function libraryJson(libraryDir: string, listFiles: (folder: string) => Promise<string[]>) {
  const files = []
  for (const file of await listFiles(libraryDir)) {
    files.push({ path: relative(libraryDir, file).split(sep).join('/'), text: await readFile(file, 'utf8') })
  }
  return { type: CONTENT_TYPES['.json']!, body: JSON.stringify({ origin: libraryDir, files }) }
}

/** A file of the app, never one outside its folder (`..` and absolute paths are refused). */
async function staticFile(appDir: string, urlPath: string) {
  const wanted = urlPath.endsWith('/') ? `${urlPath}index.html` : urlPath
  const file = resolve(appDir, normalize(`.${wanted}`))
  if (file !== appDir && !file.startsWith(appDir + sep)) return undefined
  try {
    return { type: CONTENT_TYPES[extname(file)] ?? 'application/octet-stream', body: await readFile(join(file)) }
  } catch {
    return undefined
  }
}

function listen(server: Server, port: number): Promise<void> {
  return new Promise((done, fail) => {
    server.once('error', fail)
    server.listen(port, '127.0.0.1', () => {
      server.off('error', fail)
      done()
    })
  })
}
