#!/usr/bin/env node
import { main } from './main.js'

// A reader that goes away (`mapdown ... | head -1`) is not an error: output
// sinks stop on EPIPE; this keeps a late EPIPE from becoming a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error
})

process.exitCode = await main(process.argv.slice(2))
