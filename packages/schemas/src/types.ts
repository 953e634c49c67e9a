/** The target schemas mapdown knows. */
export type TargetName = 'ecs' | 'ocsf'

/** The JSON type a value of a field must have (`any` for OCSF `json_t`). */
export type JsonType = 'string' | 'integer' | 'number' | 'boolean' | 'object' | 'any'

/** OCSF requirement levels. */
export type Requirement = 'required' | 'recommended' | 'optional'

/** One value of a closed set: ECS `allowed_values` (value = caption = the name), OCSF enum (id and caption). */
export interface AllowedValue {
  readonly value: string | number
  readonly caption: string
}

/** What a target says about one field (a leaf or an object), as found by `ecsField` / `ocsfField`. */
export interface TargetField {
  readonly target: TargetName
  /** The path as asked (`source.ip`, `actor.process.pid`). */
  readonly path: string
  /** The target's own type name: ECS `keyword`, `ip`, `long`, `date`...; OCSF `string_t`, `ip_t`, `integer_t`... or the object's name (`process`, `win/reg_key`). */
  readonly type: string
  /** The JSON type of one value (of each element when `array`). */
  readonly jsonType: JsonType
  /** The field holds a list: ECS `normalize: array`, OCSF `is_array`. */
  readonly array: boolean
  /** Paths of the arrays of objects this path goes through (OCSF `observables`, `file.hashes`); empty when none. */
  readonly through: readonly string[]
  /** A closed set of values: ECS `allowed_values`, OCSF `enum`. A value outside it is an error. */
  readonly allowed?: readonly AllowedValue[]
  /** ECS `expected_values`: the values ECS expects (`network.direction`); advisory, a value outside is a warning. */
  readonly expected?: readonly string[]
  /** OCSF: the attribute's requirement in its class or object. */
  readonly requirement?: Requirement
  /** OCSF: the profile the attribute belongs to (it applies only when the event declares it). */
  readonly profile?: string
  /** OCSF: the path of the caption sibling of an enum (`activity_id` → `activity_name`). */
  readonly sibling?: string
  /** OCSF: the object an object-typed attribute holds (`process`, `network_endpoint`). */
  readonly objectType?: string
  /** A regular expression (JavaScript source) a string value must match (OCSF type regexes, ECS `ip`). */
  readonly pattern?: string
  /** OCSF: maximum string length, e.g. 40 for `ip_t`. */
  readonly maxLength?: number
  /** OCSF: inclusive numeric range, e.g. [0, 65535] for `port_t`. */
  readonly range?: readonly [number, number]
  /** The field is deprecated in the target. */
  readonly deprecated?: boolean
  /** The path goes below a free-form object (ECS `labels.*`/`flattened`, OCSF `unmapped.*`): any key is accepted. */
  readonly freeForm?: boolean
}

/** Why a path is not a field of the target: what part is unknown, and where the walk stopped. */
export interface FieldLookupError {
  /** The longest prefix of the path that exists (`''` when the first segment is unknown). */
  readonly known: string
  /** The first segment that does not exist there. */
  readonly segment: string
  /** One sentence: "no attribute `pidd` in object `process` (at `actor.process`)". */
  readonly reason: string
  /** The names that do exist at `known` (for a "did you mean"; the compiler has `didYouMean`). */
  readonly candidates: readonly string[]
}

export type FieldLookup =
  | { readonly ok: true; readonly field: TargetField }
  | { readonly ok: false; readonly error: FieldLookupError }

/** Why a value does not fit a field. */
export interface ValueProblem {
  /** `type`: wrong JSON type; `allowed`: outside the closed set; `expected`: outside ECS expected values (a warning); `pattern`, `range`, `length`: format. */
  readonly code: 'type' | 'allowed' | 'expected' | 'pattern' | 'range' | 'length'
  /** "Unexpected `egres` for `network.direction`, expected one of `ingress`, `egress`, ..." */
  readonly message: string
  readonly actual: string
  readonly expected: string
}
