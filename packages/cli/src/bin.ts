#!/usr/bin/env node
import { main } from './main.js'

// Every write to stdout goes through a checked sink (io/sink.ts), which turns
// a failure into one `mapdown:` line and exit 1, and a reader that went away
// (EPIPE, `| head -1`) into a quiet stop. These listeners only keep a late
// 'error' event from becoming an uncaught exception with a stack trace.
process.stdout.on('error', () => {})
// Nowhere left to report a failing stderr; the exit code still says it.
let stderrFailed = false
process.stderr.on('error', () => {
  stderrFailed = true
})

const code = await main(process.argv.slice(2))
process.exitCode = code === 0 && stderrFailed ? 1 : code
