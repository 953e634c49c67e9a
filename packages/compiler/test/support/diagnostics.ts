import type { VFile } from 'vfile'

/** One line per message: `93:6-93:9 warning Unexpected ... fence-glued-to-content`. */
export function diagnosticLines(file: VFile): string {
  return file.messages
    .map((message) => {
      const place = message.place
      let where = '0:0'
      if (place && 'start' in place) {
        where = `${place.start.line}:${place.start.column}`
        if (place.end) where += `-${place.end.line}:${place.end.column}`
      } else if (place) {
        where = `${place.line}:${place.column}`
      }
      const severity = message.fatal === true ? 'error' : message.fatal === false ? 'warning' : 'info'
      return `${where} ${severity} ${message.reason} ${message.ruleId ?? ''}`.trimEnd()
    })
    .map((line) => `${line}\n`)
    .join('')
}
