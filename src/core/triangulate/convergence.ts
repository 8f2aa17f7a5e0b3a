/**
 * The convergence coding matrix: one side against another (agreement, partial agreement,
 * dissonance, silence), and the overall label of a finding. @see docs/methods/triangulation.md
 */
import type { Convergence, Leaning } from './types.ts'

/** What one side of a comparison says: its leaning (null when it has nothing) and why it is weak, if it is. */
export interface Stance {
  /** Plural subject for sentences: "the numbers", "staff comments". */
  readonly name: string
  readonly leaning: Leaning | null
  /** e.g. "staff comments are a small cell (3, fewer than 5)"; null when not weak. */
  readonly weakness: string | null
  /** Why it has nothing, e.g. "no staff comments match in the window". */
  readonly empty: string
}

export interface Cell {
  readonly convergence: Convergence
  readonly why: string
}

/**
 * Silence when either side has nothing; dissonance for improvement against concern; partial
 * agreement when either side is neutral, or both lean the same way but one is weak; agreement
 * when both lean the same (non-neutral) way and neither is weak.
 */
export function compareStances(a: Stance, b: Stance): Cell {
  if (a.leaning === null || b.leaning === null) return { convergence: 'silence', why: a.leaning === null ? a.empty : b.empty }
  if (a.leaning === 'neutral' || b.leaning === 'neutral') {
    const neutral = [a, b].filter((s) => s.leaning === 'neutral').map((s) => s.name)
    return { convergence: 'partial_agreement', why: `${neutral.join(' and ')} lean neither way` }
  }
  if (a.leaning !== b.leaning) return { convergence: 'dissonance', why: `${a.name} lean ${a.leaning} but ${b.name} lean ${b.leaning}` }
  const weak = [a.weakness, b.weakness].filter((w): w is string => w !== null)
  if (weak.length > 0) return { convergence: 'partial_agreement', why: `both lean ${a.leaning}, but ${weak.join(' and ')}` }
  return { convergence: 'agreement', why: `both lean ${a.leaning} and neither is weak` }
}

/**
 * Dissonance if any cell is dissonance; silence when fewer than two sources have evidence;
 * agreement when every non-silent cell is agreement; otherwise partial agreement.
 */
export function overallConvergence(cells: readonly (Convergence | null)[], sourcesWithEvidence: number): Convergence {
  if (cells.includes('dissonance')) return 'dissonance'
  if (sourcesWithEvidence < 2) return 'silence'
  const spoken = cells.filter((c): c is Convergence => c !== null && c !== 'silence')
  if (spoken.length === 0) return 'silence'
  return spoken.every((c) => c === 'agreement') ? 'agreement' : 'partial_agreement'
}

/** True when the minority of two opposite counts (or strengths) is at least `share` of their sum. */
export function isMixed(a: number, b: number, share: number): boolean {
  const total = a + b
  return total > 0 && Math.min(a, b) / total >= share
}
