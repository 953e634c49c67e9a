// Types for generate.mjs (plain JavaScript so that it runs with node alone).
export declare const DEFAULT_SEED: number
export declare const DEFAULT_COUNT: number
export declare function generateEvents(options?: { seed?: number; count?: number }): string
