import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { _, Code, joinCode, literal, name } from '../src/codegen/code.js'
import { generateFunction } from '../src/codegen/generate.js'
import { INJECTIONS } from './support/ir-arbitrary.js'

/** Evaluates generated source as an expression (tests only). */
function evaluate(code: Code): unknown {
  return new Function(`'use strict'; return (${code.toString()})`)()
}

describe('code builder (`_`, name, literal)', () => {
  it('should write every string as a literal that reads back as itself', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.constantFrom(...INJECTIONS)), (text) => {
        expect(evaluate(_`${text}`)).toBe(text)
        // Inside a larger expression too: the text never closes the literal or the brackets.
        expect(evaluate(_`[${text}, ${text}].length`)).toBe(2)
      }),
      { numRuns: 2000 },
    )
  })

  it('should write finite numbers, booleans and null as literals', () => {
    fc.assert(
      fc.property(fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constant(null)), (value) => {
        expect(Object.is(evaluate(_`${value}`), value)).toBe(true)
        if (typeof value === 'number') expect(evaluate(_`1 - ${value}`)).toBe(1 - value)
      }),
    )
  })

  it('should not support non-finite numbers, objects, functions, undefined, symbols or bigints', () => {
    for (const value of [NaN, Infinity, -Infinity, {}, [], () => 1, undefined, Symbol('x'), 1n]) {
      expect(() => _`${value as never}`).toThrow(TypeError)
    }
  })

  it('should insert Code as code, and only Code made by the builder', () => {
    expect(_`${_`1 + 1`} * 3`.toString()).toBe("1 + 1 * 3")
    expect(evaluate(_`(${_`1 + 1`}) * 3`)).toBe(6)
    expect(evaluate(joinCode([_`[`, _`1,`, _`2]`]))).toEqual([1, 2])
    // A Code made by hand, or an object dressed as one, is refused.
    expect(() => new Code(Symbol('Code'), 'globalThis.x = 1')).toThrow(TypeError)
    const forged = Object.create(Code.prototype) as Code
    expect(() => _`${forged}`).toThrow(TypeError)
    expect(() => joinCode([{ toString: () => 'x' } as unknown as Code])).toThrow(TypeError)
  })

  it('should only be called as a template tag', () => {
    const strings = Object.assign(['globalThis.x = ', ''], { raw: ['', ''] })
    expect(() => _(strings as unknown as TemplateStringsArray, 1)).toThrow(TypeError)
  })

  it('should support identifiers and not support anything else as a name', () => {
    for (const ok of ['e', 'v', 'isArray', '$x', '_y', 'MV', 'a1']) expect(name(ok).toString()).toBe(ok)
    for (const bad of ['', '1a', 'a b', 'a;b', 'a.b', 'a-b', 'é', 'return', 'this', 'eval', 'arguments', 'undefined', ...INJECTIONS]) {
      expect(() => name(bad)).toThrow(TypeError)
    }
    expect(literal('a"b')).toBe('"a\\"b"')
  })

  it('should pass constants as parameters, under names checked by name()', () => {
    const add = generateFunction<(x: number) => number>([[name('k'), 40]], _`return function add(x) { return x + k + ${2}; }`)
    expect(add?.(0)).toBe(42)
    expect(() => generateFunction([[_`x` as never, 1]], _`return 1`)).toThrow(TypeError)
    expect(() => generateFunction([], 'return 1' as unknown as Code)).toThrow(TypeError)
  })
})
