/**
 * Writes what schema/ir.schema.json derives from the TypeScript sources: the
 * IR version (`irVersion.const`, `$id`, `title`) and the field type enum (from
 * the registry in src/field-types.ts). The schema stays a committed JSON file,
 * so that tools outside TypeScript can read it as is; the package's `build`
 * runs this script after `tsc`, and a test fails when the two disagree.
 *
 *   node packages/ir/scripts/write-schema.mjs          (after building @mapdown/ir)
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { FIELD_TYPES, IR_VERSION } from '../dist/index.js'

const SCHEMA_PATH = fileURLToPath(new URL('../schema/ir.schema.json', import.meta.url))

/** Replaces exactly one match of `pattern` in `text`, or throws: the schema's layout is part of the contract. */
function replaceOnce(text, pattern, replacement) {
  const matches = text.match(new RegExp(pattern.source, 'g')) ?? []
  if (matches.length !== 1) throw new Error(`write-schema: expected one match of ${pattern} in ${SCHEMA_PATH}, found ${matches.length}`)
  return text.replace(pattern, replacement)
}

const before = readFileSync(SCHEMA_PATH, 'utf8')
let after = before
after = replaceOnce(after, /"\$id": "https:\/\/mapdown\.dev\/schema\/ir-\d+\.json"/, `"$id": "https://mapdown.dev/schema/ir-${IR_VERSION}.json"`)
after = replaceOnce(after, /"title": "mapdown mapping IR, version \d+"/, `"title": "mapdown mapping IR, version ${IR_VERSION}"`)
after = replaceOnce(after, /"irVersion": \{ "const": \d+ \}/, `"irVersion": { "const": ${IR_VERSION} }`)
after = replaceOnce(after, /"type": \{ "enum": \[[^\]]*\] \}/, `"type": { "enum": ${JSON.stringify(FIELD_TYPES).replace(/,/g, ', ')} }`)
JSON.parse(after)
if (after !== before) {
  writeFileSync(SCHEMA_PATH, after)
  process.stdout.write(`wrote ${SCHEMA_PATH}\n`)
}
