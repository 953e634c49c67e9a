import { repeated, writeParts } from '../_shared/write.mjs'

const size = 1_000_000
const event = (field, unit) => ['{"tcpv4":{"' + field + '":"', () => repeated(unit, size / unit.length), '"}}\n']
export default (path) => writeParts(path, [...event('name', 'x'), ...event('src', '1:'), ...event('stamp', '1'), ...event('port', '9'), ...event('ratio', '1'), ...event('bytes', '0')])
