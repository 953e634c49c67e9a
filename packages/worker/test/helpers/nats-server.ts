/**
 * A throwaway nats-server with JetStream for one test file: loopback only, a free
 * port, a temporary store that survives a restart.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, connect as tcpConnect } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** True when `nats-server` can be run here. */
export function natsServerInstalled(): boolean {
  const probe = spawnSync('nats-server', ['--version'], { encoding: 'utf8' })
  return probe.status === 0
}

/**
 * Whether the NATS tests can run. Without nats-server they are skipped with the reason,
 * unless MAPDOWN_REQUIRE_NATS=1 (set by .ci/run): then they must fail instead.
 */
export function natsAvailability(): { run: true } | { run: false; reason: string; required: boolean } {
  if (natsServerInstalled()) return { run: true }
  return {
    run: false,
    reason: 'nats-server is not installed (apt-get install -y nats-server)',
    required: process.env.MAPDOWN_REQUIRE_NATS === '1',
  }
}

export interface NatsServer {
  readonly url: string
  readonly port: number
  readonly storeDir: string
  /** Stops the server (SIGTERM, so that JetStream flushes its store) and waits for it. */
  stop(): Promise<void>
  /** Stops the server and starts it again on the same port with the same store. */
  restart(): Promise<void>
  /** Stops the server and removes its store. */
  dispose(): Promise<void>
}

export interface NatsServerOptions {
  /** The server's `max_payload` (bytes); NATS's default (1 MiB) when omitted. */
  maxPayloadBytes?: number
}

export async function startNatsServer(options: NatsServerOptions = {}): Promise<NatsServer> {
  const port = await freePort()
  const storeDir = mkdtempSync(join(tmpdir(), 'mapdown-nats-'))
  // Settings without a command-line flag go into a configuration file beside the store.
  const config = join(storeDir, 'nats-server.conf')
  writeFileSync(config, options.maxPayloadBytes === undefined ? '' : `max_payload: ${options.maxPayloadBytes}\n`)
  const launchHere = () => launch(port, join(storeDir, 'jetstream-store'), config)
  let child: ChildProcess | undefined = await launchHere()

  const stop = async () => {
    const running = child
    child = undefined
    if (running === undefined || running.exitCode !== null) return
    const exited = new Promise<void>((resolve) => running.once('exit', () => resolve()))
    running.kill('SIGTERM')
    const timer = setTimeout(() => running.kill('SIGKILL'), 10_000)
    await exited
    clearTimeout(timer)
  }

  return {
    url: `nats://127.0.0.1:${port}`,
    port,
    storeDir,
    stop,
    restart: async () => {
      await stop()
      child = await launchHere()
    },
    dispose: async () => {
      await stop()
      rmSync(storeDir, { recursive: true, force: true })
    },
  }
}

async function launch(port: number, storeDir: string, config: string): Promise<ChildProcess> {
  // -a 127.0.0.1: never listen on another interface.
  const child = spawn('nats-server', ['-c', config, '-js', '-a', '127.0.0.1', '-p', String(port), '-sd', storeDir], {
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  let log = ''
  child.stderr?.setEncoding('utf8')
  child.stderr?.on('data', (chunk: string) => {
    // Keep only the tail, for the error message if it does not start.
    log = (log + chunk).slice(-4000)
  })
  const deadline = Date.now() + 20_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`nats-server exited with ${child.exitCode}:\n${log}`)
    // "Server is ready" comes after JetStream has recovered its store.
    if (log.includes('Server is ready') && (await accepts(port))) return child
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  child.kill('SIGKILL')
  throw new Error(`nats-server did not become ready on port ${port}:\n${log}`)
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => (typeof address === 'object' && address !== null ? resolve(address.port) : reject(new Error('no port'))))
    })
  })
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = tcpConnect({ port, host: '127.0.0.1' })
    socket.once('connect', () => {
      socket.destroy()
      resolve(true)
    })
    socket.once('error', () => resolve(false))
  })
}
