/**
 * mapdown's version, as in this package's package.json (package versions move
 * together; a test keeps the two equal). A constant, not a read of
 * package.json, because the compiler also runs in a browser.
 */
export const MAPDOWN_VERSION = '0.1.0'
