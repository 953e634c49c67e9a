/**
 * Whole-process floor: `node floor-cli.js <in.ndjson> <out.ndjson>` reads
 * every line, parses it, and writes the line back unchanged. Every mapper has
 * to read, parse and write, so no file-to-file mapper can be faster: this is
 * the ceiling the whole-process rows are compared with.
 */
import { pipeLines } from './pipe-lines.js'
import { runFileToFile } from './file-to-file.js'

/** Written so the parse cannot be treated as dead code. */
export let parseSink: unknown = null

await runFileToFile('floor-cli', (inPath, outPath) =>
  pipeLines(inPath, outPath, (line) => {
    parseSink = JSON.parse(line)
    return line
  }),
)
