/** The shared `main` of the whole-process baselines: argument checks, counts on stderr, exit codes. */
import type { PipeCounts } from './pipe-lines.js'

export async function runFileToFile(name: string, pipe: (inPath: string, outPath: string) => Promise<PipeCounts>): Promise<void> {
  const [inPath, outPath] = process.argv.slice(2)
  if (inPath === undefined || outPath === undefined) {
    process.stderr.write(`usage: node ${name}.js <in.ndjson> <out.ndjson>\n`)
    process.exitCode = 2
    return
  }
  const counts = await pipe(inPath, outPath)
  process.stderr.write(JSON.stringify(counts) + '\n')
}
