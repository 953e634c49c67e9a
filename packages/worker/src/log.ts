/**
 * The worker's log: one JSON object per line on stderr, so that journald, a log
 * shipper or a test can parse it. Stdout stays unused.
 */
export type LogWrite = (entry: Record<string, unknown>) => void

export function stderrLog(worker: string): LogWrite {
  return (entry) => {
    process.stderr.write(JSON.stringify({ worker, ...entry }) + '\n')
  }
}
