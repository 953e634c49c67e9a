/**
 * Strict decimal number text, shared by the numeric coercions. Only plain
 * decimal notation is accepted (no hex, no exponent for integers, no empty
 * text), after trimming surrounding whitespace.
 */

/** Optional sign, then decimal digits only. */
export const INTEGER_TEXT = /^[+-]?\d+$/

/** Optional sign, digits with an optional fraction (or a bare fraction), optional exponent. */
export const DECIMAL_TEXT = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/

/** Above this length a string cannot be any number we accept; refuse before running a regex on it. */
export const MAX_NUMBER_TEXT = 400
