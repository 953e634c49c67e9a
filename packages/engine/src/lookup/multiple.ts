/**
 * A JSONPath that found more than one value for a single field. It is never
 * a field value: the mapper turns it into a `multiple_values` issue rather
 * than silently keeping the first match.
 */
export class MultipleValues {
  readonly values: readonly unknown[]
  constructor(values: readonly unknown[]) {
    this.values = values
  }
}
