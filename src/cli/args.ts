/** Small helpers for reading command-line arguments. */

/**
 * `--target -1` would read "-1" as a flag: join such values to their flag (`--target=-1`) so they
 * are read as values, and a message can name them.
 */
export function joinNegativeValues(args: readonly string[], flags: readonly string[]): string[] {
  const joined: string[] = []
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string
    const next = args[i + 1]
    if (flags.includes(arg) && next !== undefined && /^-\d/.test(next)) {
      joined.push(`${arg}=${next}`)
      i++
    } else joined.push(arg)
  }
  return joined
}
