/**
 * Whole-process baseline: `node handwritten-cli.js <in.ndjson> <out.ndjson>`
 * maps a file with the hand-written mapper. Counts go to stderr as JSON so
 * the harness can check that nothing was lost.
 */
import { mapNetworkConnectionLine } from '../handwritten.js'
import { pipeLines } from './pipe-lines.js'
import { runFileToFile } from './file-to-file.js'

await runFileToFile('handwritten-cli', (inPath, outPath) => pipeLines(inPath, outPath, mapNetworkConnectionLine))
