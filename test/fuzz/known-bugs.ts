/**
 * Hostile inputs the code does not survive yet: found by the fuzz tests, reported, not yet fixed.
 * While a flag is true, the properties steer around that input (or relax that one check), so the
 * suite stays green and every other check keeps its strength. `LHS_FUZZ_STRICT=1` turns every flag
 * off to show the failures. When a bug is fixed, delete its flag and the code that reads it.
 */
const strict = process.env.LHS_FUZZ_STRICT === '1'

export const knownBugs = {} as const satisfies Record<string, boolean>

/** Read by nothing while no bug is open; kept so a new finding has its place. */
export const fuzzStrict = strict
