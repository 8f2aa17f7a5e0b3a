/**
 * Flood control for the public feedback form, kept in this process's memory only (no cookies and
 * nothing about the sender is stored): at most `perAddress` responses per address and `perForm`
 * per form in a sliding `windowMs`. Addresses are forgotten once their window has passed.
 */
export interface FeedbackLimiter {
  /** Record an attempt; false when it is over a limit (and then it is not counted). */
  allow(address: string, form: string, now: number): boolean
}

export function createFeedbackLimiter(options: { perAddress: number; perForm: number; windowMs: number } = { perAddress: 5, perForm: 200, windowMs: 10 * 60_000 }): FeedbackLimiter {
  const byAddress = new Map<string, number[]>()
  const byForm = new Map<string, number[]>()
  const recent = (map: Map<string, number[]>, key: string, now: number): number[] => {
    const kept = (map.get(key) ?? []).filter((t) => now - t < options.windowMs)
    if (kept.length === 0) map.delete(key)
    else map.set(key, kept)
    return kept
  }
  return {
    allow(address, form, now) {
      const a = recent(byAddress, address, now)
      const f = recent(byForm, form, now)
      if (a.length >= options.perAddress || f.length >= options.perForm) return false
      byAddress.set(address, [...a, now])
      byForm.set(form, [...f, now])
      return true
    },
  }
}
