import { describe, expect, it } from 'vitest'
import { readSection, ReadmeSectionError, writeSection } from '../scripts/readme-sections.js'

const start = (name: string) => `<!-- generated:${name} (scripts/update-readme.ts) -->`
const end = (name: string) => `<!-- /generated:${name} -->`

describe('readme sections', () => {
  const text = `# Title\n\nHand-written.\n\n${start('a')}\nold table\n${end('a')}\n\nMore prose.\n`

  it('should read the content between the markers', () => {
    expect(readSection(text, 'a')).toBe('old table')
  })

  it('should replace only the content between the markers', () => {
    const updated = writeSection(text, 'a', '| new |\n| --- |')
    expect(updated).toBe(`# Title\n\nHand-written.\n\n${start('a')}\n| new |\n| --- |\n${end('a')}\n\nMore prose.\n`)
    expect(readSection(updated, 'a')).toBe('| new |\n| --- |')
  })

  it('should be idempotent', () => {
    const once = writeSection(text, 'a', 'x')
    expect(writeSection(once, 'a', 'x')).toBe(once)
  })

  it('should fill an empty section', () => {
    expect(readSection(writeSection(`${start('a')}\n${end('a')}`, 'a', 'x'), 'a')).toBe('x')
  })

  it('should not support a missing, reversed or doubled marker', () => {
    expect(() => readSection('no markers', 'a')).toThrow(ReadmeSectionError)
    expect(() => readSection(`${end('a')}\n${start('a')}`, 'a')).toThrow(ReadmeSectionError)
    expect(() => readSection(`${start('a')}\n${start('a')}\n${end('a')}`, 'a')).toThrow(/second/)
    expect(() => writeSection(text, 'b', 'x')).toThrow(/generated:b/)
  })
})
