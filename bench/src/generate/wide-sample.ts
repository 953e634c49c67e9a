/**
 * The dictionary of issue 12, case 10: a sample event written on one line
 * with `keys` keys, padded to just under the compiler's 1 MiB limit. The
 * compiler's offset mapping was quadratic on it (40k keys: 153 s).
 */
export const WIDE_SAMPLE_KEYS = 40_000
const LIMIT = 1024 * 1024

export function wideSampleDictionary(keys = WIDE_SAMPLE_KEYS): { path: string; contents: string } {
  const head = '---\ntitle: Wide sample\nlog.type: sentinelone\nsentinelone.rule: WideSample\n---\n\n## Event JSON\n\n```json\n'
  const tail =
    '\n```\n\n## Data Dictionary\n| Standard Name | Field Name | Type | Description | Sample Value |\n| --- | --- | --- | --- | --- |\n| dst_port | tcpv4.port | integer | port | 443 |\n'
  const build = (pad: number): string => {
    const parts = ['"tcpv4": { "port": 443 }']
    for (let i = 0; i < keys; i++) parts.push(`"k${String(i).padStart(5, '0')}": "${'v'.repeat(pad)}"`)
    return `${head}{ ${parts.join(', ')} }${tail}`
  }
  const unpadded = Buffer.byteLength(build(0))
  const pad = Math.max(0, Math.floor((LIMIT - unpadded) / keys))
  return { path: 'dictionaries/bench/wide-sample.md', contents: build(pad) }
}
