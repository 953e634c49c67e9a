import extract from './ocsf-1.5.0.json' with { type: 'json' }

// The shape of the OCSF extract (`ocsf-1.5.0.json`, see the README beside it). Imported as a
// JSON module, so that the browser bundle carries it and nothing is read or fetched at run time.

export interface OcsfAttribute {
  readonly type: string
  readonly requirement: 'required' | 'recommended' | 'optional'
  readonly object_type?: string
  readonly is_array?: boolean
  readonly enum?: Readonly<Record<string, string>>
  readonly sibling?: string
  readonly profile?: string
  readonly deprecated?: boolean
}

export type OcsfConstraints = { readonly at_least_one?: readonly string[]; readonly just_one?: readonly string[] } | null

export interface OcsfClassEntry {
  readonly uid: number
  readonly caption: string
  readonly category: string | null
  readonly profiles: readonly string[]
  readonly constraints: OcsfConstraints
  readonly attributes: Readonly<Record<string, OcsfAttribute>>
}

export interface OcsfObjectEntry {
  readonly caption: string
  readonly constraints: OcsfConstraints
  readonly attributes: Readonly<Record<string, OcsfAttribute>>
}

export interface OcsfTypeEntry {
  readonly caption: string
  readonly type: string | null
  readonly regex: string | null
  readonly max_len: number | null
  readonly range: readonly [number, number] | null
}

export interface OcsfExtract {
  readonly version: string
  readonly note: string
  readonly categories: Readonly<Record<string, { readonly uid: number; readonly caption: string; readonly classes: readonly string[] }>>
  readonly classes: Readonly<Record<string, OcsfClassEntry>>
  readonly objects: Readonly<Record<string, OcsfObjectEntry>>
  readonly types: Readonly<Record<string, OcsfTypeEntry>>
}

export const ocsfExtract = extract as unknown as OcsfExtract
