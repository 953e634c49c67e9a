/**
 * Whole-process baseline on the Cloud Funnel events: `node handwritten-cloud-funnel-cli.js
 * <in.ndjson> <out.ndjson>` maps a file with the hand-written Cloud Funnel IP mapper.
 */
import { mapCloudFunnelIpLine } from '../handwritten-cloud-funnel.js'
import { pipeLines } from './pipe-lines.js'
import { runFileToFile } from './file-to-file.js'

await runFileToFile('handwritten-cloud-funnel-cli', (inPath, outPath) => pipeLines(inPath, outPath, mapCloudFunnelIpLine))
