import { createRequire } from 'node:module'

// The schema is a JSON file so that tools outside TypeScript (editors, other
// languages, `ajv` CLIs) can use it as is. `src/` and `dist/` both sit one level
// below the package root, so the same relative path works before and after build.
const require = createRequire(import.meta.url)

/** The JSON Schema (draft-07) of the IR, as a parsed object. */
export const irJsonSchema: Readonly<Record<string, unknown>> = require('../schema/ir.schema.json')
