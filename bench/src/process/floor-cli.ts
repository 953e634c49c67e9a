/**
 * Whole-process floor: `node floor-cli.js <in.ndjson> <out.ndjson>` reads
 * every line, parses it, and writes `{}` for it. Every mapper has to read,
 * parse and write a record per event; this one writes the smallest record
 * there is, so no file-to-file mapper in Node can be faster: it is the
 * ceiling the whole-process rows are compared with. (Writing the raw line
 * back would not be a floor: it writes five times the bytes a record takes.)
 */
import { pipeLines } from './pipe-lines.js'
import { runFileToFile } from './file-to-file.js'

/** Written so the parse cannot be treated as dead code. */
export let parseSink: unknown = null

await runFileToFile('floor-cli', (inPath, outPath) =>
  pipeLines(inPath, outPath, (line) => {
    parseSink = JSON.parse(line)
    return '{}'
  }),
)
