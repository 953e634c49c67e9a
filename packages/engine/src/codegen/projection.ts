import type { AssignmentIR, JsonValue, ValueIR } from '@mapdown/ir'
import { DERIVE_UNARY, unique, type UnaryDerivation } from '../project/derive.js'
import { constantReader, prepareConstant } from '../project/json.js'
import type { ProjectionNode, Projector } from '../project/projection.js'
import { valueMapper, type ValueMapper } from '../project/value-map.js'
import { _, joinCode, name, type Code, type Name } from './code.js'
import { generateFunction, type Parameter } from './generate.js'

/**
 * Target paths longer than this, and constants with more nodes than
 * `MAX_LITERAL_NODES`, are not unrolled: a deeper tree leaves the dictionary
 * to the interpreter, a bigger constant is copied at run time. Real crosswalks
 * have a handful of levels and constants of a few items.
 */
export const MAX_GENERATED_DEPTH = 32
const MAX_LITERAL_NODES = 64

/**
 * Generates one dictionary's projection for a schema (the tree of
 * `projectionTree`) as one function, with the interpreter's semantics
 * (`interpretedProjector`): the same keys in the same order, an object with
 * nothing in it left out, the first candidate with a value written, the
 * metadata last on its path. Target keys, standard names and constants are
 * literals written by the code builder (constants as array and object
 * literals with computed keys, so a `__proto__` key stays an own key and
 * every record gets fresh arrays); value maps and derivations are the
 * interpreter's own functions, passed in as parameters. Undefined when the
 * tree cannot be generated (the interpreter then projects the dictionary).
 */
export function generatedProjector(roots: readonly ProjectionNode[]): Projector | undefined {
  const context = new Context()
  const body = nodesCode(roots, 0, context)
  if (body === undefined) return undefined
  const objects = Array.from({ length: context.depth + 1 }, (_unused, depth) => objectName(depth))
  const declarations = objects.map((object) => _`let ${object};`)
  return generateFunction<Projector>(
    [
      [name('hasOwn'), Object.hasOwn],
      [name('stringify'), JSON.stringify],
      [name('maps'), context.maps],
      [name('constants'), context.constants],
      [name('unique'), unique],
      ...UNARY.map(([derivation, parameter]): Parameter => [parameter, DERIVE_UNARY[derivation]]),
    ],
    _`return function project(r, m) {
let v, t;
${joinCode(declarations)}
${body}
return o0 === undefined ? {} : o0;
}`,
  )
}

/** What the generated code receives besides the record: value maps and constants copied at run time, by index. */
class Context {
  readonly maps: ValueMapper[] = []
  readonly constants: (() => unknown)[] = []
  depth = 0
}

const UNARY = (Object.keys(DERIVE_UNARY) as UnaryDerivation[]).map((derivation) => [derivation, name(`derive_${derivation}`)] as const)
const UNARY_NAMES = new Map<string, Name>(UNARY)

/** The object being filled at a depth of the tree: `o0` is the record. */
function objectName(depth: number): Name {
  return name(`o${depth}`)
}

/** Code that writes the nodes of one level into `o<depth>` (created on the first key written), the metadata's node last. */
function nodesCode(nodes: readonly ProjectionNode[], depth: number, context: Context): Code | undefined {
  if (depth >= MAX_GENERATED_DEPTH) return undefined
  context.depth = Math.max(context.depth, depth)
  const lines: Code[] = []
  const ordered = [...nodes.filter((node) => !node.metadata), ...nodes.filter((node) => node.metadata).slice(-1)]
  for (const node of ordered) {
    // `o["__proto__"] = v` would set a prototype; the IR refuses the key, and this keeps it so here too.
    if (node.key === '__proto__') return undefined
    const code = nodeCode(node, depth, context)
    if (code === undefined) return undefined
    lines.push(code)
  }
  return joinCode(lines)
}

function nodeCode(node: ProjectionNode, depth: number, context: Context): Code | undefined {
  const object = objectName(depth)
  const write = (value: Code): Code => _`(${object} === undefined ? (${object} = {}) : ${object})[${node.key}] = ${value};`
  if (node.children) {
    const child = objectName(depth + 1)
    const children = nodesCode(node.children, depth + 1, context)
    if (children === undefined) return undefined
    if (node.labels) {
      // Object.assign of the labels onto what the crosswalk wrote there: the same [[Set]]s, in the same order.
      return _`${child} = undefined;
${children}
if (${child} === undefined) ${child} = {};
${child}["mapdown_dictionary"] = m.dictionary;
${child}["mapdown_rule"] = m.rule;
${child}["mapdown_log_type"] = m.logType;
if (m.issues) ${child}["mapdown_issues"] = stringify(m.issues);
${write(child)}`
    }
    return _`${child} = undefined;
${children}
if (${child} !== undefined) ${write(child)}`
  }
  if (node.metadata) return _`if (m !== undefined) ${write(_`m`)}`
  const candidates: Code[] = []
  for (const candidate of node.candidates) {
    const code = candidateCode(candidate.assignment, context)
    if (code === undefined) return undefined
    candidates.push(candidates.length === 0 ? code : _`if (v === undefined) {\n${code}\n}`)
    // A constant always has a value (null is "no value" and is left out): the candidates after it never run.
    if (candidate.assignment.value.kind === 'constant' && candidate.assignment.value.value !== null && !candidate.assignment.map) break
  }
  if (candidates.length === 0) return _``
  return _`${joinCode(candidates)}
if (v !== undefined) ${write(_`v`)}`
}

/** Code that sets `v` to one assignment's value (after its value map), or to undefined. */
function candidateCode(assignment: AssignmentIR, context: Context): Code | undefined {
  const value = valueCode(assignment.value, context)
  if (value === undefined) return undefined
  if (!assignment.map) return _`v = ${value};`
  const index = context.maps.push(valueMapper(assignment.map)) - 1
  return _`v = maps[${index}](${value});`
}

/** An expression for a value: a standard name of `r` (null is no value), a constant, a derivation. */
function valueCode(value: ValueIR, context: Context): Code | undefined {
  switch (value.kind) {
    case 'field':
      return _`(hasOwn(r, ${value.name}) ? r[${value.name}] ?? undefined : undefined)`
    case 'constant':
      return constantCode(value.value, context)
    case 'derive': {
      const args: Code[] = []
      for (const arg of value.args) {
        const code = valueCode(arg, context)
        if (code === undefined) return undefined
        args.push(code)
      }
      if (value.fn === 'coalesce') return coalesceCode(args)
      if (value.fn === 'unique') return _`unique([${commaList(args, _`, `)}])`
      const derive = UNARY_NAMES.get(value.fn)
      if (derive === undefined || args.length !== 1) return undefined
      return _`${derive}(${args[0]!})`
    }
  }
}

/** A constant as the interpreter reads it: null is no value, a scalar as it is, an array or object fresh for each record. */
function constantCode(constant: JsonValue, context: Context): Code {
  if (constant === null) return _`undefined`
  const prepared = prepareConstant(constant)
  if (prepared.kind === 'json') {
    const literal = jsonLiteral(prepared.value, { nodes: 0 })
    if (literal !== undefined) return literal
  } else if (prepared.kind === 'shared' && isLiteral(prepared.value)) {
    return _`${prepared.value}`
  }
  // Too big to unroll, or what JSON cannot write (a hand-made IR): the interpreter's reader, at run time.
  return _`constants[${context.constants.push(constantReader(prepared)) - 1}]()`
}

function isLiteral(value: unknown): value is string | number | boolean {
  return typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value))
}

/** Plain JSON data as an array or object literal (computed keys), or undefined when it is too big to unroll. */
function jsonLiteral(value: JsonValue, budget: { nodes: number }): Code | undefined {
  budget.nodes += 1
  if (budget.nodes > MAX_LITERAL_NODES) return undefined
  if (value === null || typeof value !== 'object') return _`${value}`
  const items: Code[] = []
  if (Array.isArray(value)) {
    for (const item of value as readonly JsonValue[]) {
      const code = jsonLiteral(item, budget)
      if (code === undefined) return undefined
      items.push(code)
    }
    return _`[${commaList(items, _`, `)}]`
  }
  const object = value as { readonly [key: string]: JsonValue }
  for (const key of Object.keys(object)) {
    const code = jsonLiteral(object[key]!, budget)
    if (code === undefined) return undefined
    items.push(_`[${key}]: ${code}`)
  }
  return _`{${commaList(items, _`, `)}}`
}

/**
 * The first argument that is not undefined (null counts as a value, as in the
 * interpreter). `t` is read right after it is assigned, so a nested coalesce
 * in an argument cannot disturb it.
 */
function coalesceCode(args: readonly Code[]): Code {
  let out = args.at(-1)!
  for (const arg of args.slice(0, -1).reverse()) out = _`((t = ${arg}) !== undefined ? t : ${out})`
  return out
}

function commaList(items: readonly Code[], separator: Code): Code {
  let out: Code | undefined
  for (const item of items) out = out === undefined ? item : _`${out}${separator}${item}`
  return out ?? _``
}
