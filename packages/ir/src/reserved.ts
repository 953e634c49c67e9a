import { RESERVED_KEY } from './types.js'

/**
 * The names no field may have, the one set the compiler (`standard-name-invalid`),
 * the IR JSON Schema (`field.name`) and the engine (through that schema) refuse.
 * `RESERVED_KEY` carries mapdown's own metadata in every mapped record; the
 * others are JavaScript object internals: records are built by plain property
 * assignment, where `__proto__` would replace the prototype and `constructor` or
 * `prototype` would read as something they are not.
 */
export const RESERVED_NAMES: readonly string[] = Object.freeze([RESERVED_KEY, '__proto__', 'constructor', 'prototype'])
