import { PORT_ROW, dataDictionary, eventJson, frontMatter, writeParts } from '../_shared/dictionary.mjs'

// NUL, control characters, an ANSI escape, DEL, bytes that are never UTF-8
// (0xFF, 0xFE), an invalid continuation (C3 28) and truncated sequences.
const garbage = Buffer.from([0x00, 0x01, 0x1b, 0x5b, 0x33, 0x31, 0x6d, 0x7f, 0xff, 0xfe, 0xc3, 0x28, 0xe2, 0x82, 0x20, 0xf0, 0x9f, 0x98])

export default (path) =>
  writeParts(path, [
    frontMatter(),
    eventJson(),
    '\n',
    garbage,
    '\n',
    dataDictionary([PORT_ROW, '| name | tcpv4.name | string | ']).replace(/\n$/, ''),
    garbage,
    ' | chrome |\n',
  ])
