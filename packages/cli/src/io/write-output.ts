/**
 * Whole outputs of `compile`, `check` and reports (`-o FILE`, or stdout):
 * written and checked to the end. A file appears whole or not at all (see
 * `OutputFile`); a failure is an `InputError` naming the output and the OS error.
 */
import { writeWholeFile } from './output-file.js'
import { stdoutSink, writeError } from './sink.js'

/** Writes `text` to the file `path`, or to stdout when `path` is undefined. */
export async function writeOutput(path: string | undefined, text: string | Uint8Array): Promise<void> {
  if (path === undefined) {
    const sink = stdoutSink()
    await sink.write(text, 0)
    await sink.finish()
    return
  }
  try {
    await writeWholeFile(path, text)
  } catch (error) {
    throw writeError(error, path)
  }
}
