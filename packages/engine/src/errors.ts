/** One problem found in an IR: where (a JSON pointer into the IR) and what. */
export interface IrProblem {
  readonly instancePath: string
  readonly message: string
}

/** The IR does not match the IR JSON Schema, or breaks a rule the schema cannot express. */
export class IrValidationError extends Error {
  override readonly name = 'IrValidationError'
  readonly problems: readonly IrProblem[]
  constructor(problems: readonly IrProblem[]) {
    const shown = problems.slice(0, 20).map((p) => `  ${p.instancePath || '/'}: ${p.message}`)
    const more = problems.length > 20 ? [`  ... and ${problems.length - 20} more`] : []
    super(['Unexpected invalid mapping IR, expected an IR that matches @mapdown/ir:', ...shown, ...more].join('\n'))
    this.problems = problems
  }
}

/** The IR was written for a format version this engine does not know (usually a newer compiler). */
export class IrVersionError extends Error {
  override readonly name = 'IrVersionError'
  readonly found: unknown
  readonly supported: number
  constructor(found: unknown, supported: number) {
    super(
      `Unexpected IR version ${JSON.stringify(found) ?? String(found)}, expected ${supported}: ` +
        (typeof found === 'number' && found > supported
          ? 'the IR was compiled by a newer mapdown; upgrade @mapdown/engine'
          : 'recompile the dictionaries with a matching mapdown'),
    )
    this.found = found
    this.supported = supported
  }
}
