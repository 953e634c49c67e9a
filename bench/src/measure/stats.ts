/** Summaries of repeated measurements: the median is the figure, min and max show the spread. */
export interface Summary {
  median: number
  min: number
  max: number
  runs: number
}

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError('median of no values')
  const sorted = [...values].sort((a, b) => a - b)
  const middle = sorted.length >> 1
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2
}

export function summarize(values: readonly number[]): Summary {
  if (values.length === 0) throw new RangeError('summary of no values')
  return { median: median(values), min: Math.min(...values), max: Math.max(...values), runs: values.length }
}
