/** The stance of the numbers (a focus's signals) and of each qualitative source, for the convergence matrix. @see docs/methods/triangulation.md */
import { MIXED_SHARE, WEAK_SIGNAL } from './defaults.ts'
import type { Stance } from './convergence.ts'
import { isMixed } from './convergence.ts'
import { leaningOfCounts } from './source-evidence.ts'
import { pooledCounts } from './pooled.ts'
import type { QualitativeSource, Signal, SourceEvidence } from './types.ts'
import { QUALITATIVE_SOURCES } from './types.ts'
import { plural } from './wording.ts'

/** "staff comments", "patient comments", "community comments". */
export const SOURCE_NOUN: Readonly<Record<QualitativeSource, string>> = { staff: 'staff comments', patients: 'patient comments', community: 'community comments' }

/**
 * The numbers lean the way of the larger sum of strengths (improvement against concern; neutral
 * when equal or all neutral); weak when the strongest signal that way is below 0.3 or when the
 * minority way holds at least a third of the strength. Null leaning with no signals.
 */
export function numbersStance(signals: readonly Signal[]): Stance {
  const empty = 'the numbers have no signal'
  if (signals.length === 0) return { name: 'the numbers', leaning: null, weakness: null, empty }
  const sum = (leaning: string) => signals.filter((s) => s.leaning === leaning).reduce((total, s) => total + s.strength, 0)
  const improvement = sum('improvement')
  const concern = sum('concern')
  const leaning = concern > improvement ? 'concern' : improvement > concern ? 'improvement' : 'neutral'
  const strongest = Math.max(...signals.filter((s) => s.leaning === leaning).map((s) => s.strength))
  const weakness = isMixed(improvement, concern, MIXED_SHARE)
    ? 'the numbers are mixed (signals point both ways)'
    : strongest < WEAK_SIGNAL
      ? `the numbers' strongest signal is weak (strength ${strongest.toFixed(2)}, below ${WEAK_SIGNAL})`
      : null
  return { name: 'the numbers', leaning, weakness, empty }
}

/** A source leans by its excerpts' sentiment; weak when a small cell or mixed (the minority is at least a third of its non-neutral excerpts). */
export function countsStance(name: string, counts: Pick<SourceEvidence, 'negative' | 'neutral' | 'positive'>, smallCell: number, empty: string): Stance {
  const { negative, neutral, positive } = counts
  const total = negative + neutral + positive
  const leaning = leaningOfCounts(negative, neutral, positive)
  const weakness =
    total > 0 && total < smallCell
      ? `${name} are a small cell (${plural(total, 'excerpt')}, fewer than ${smallCell})`
      : isMixed(negative, positive, MIXED_SHARE)
        ? `${name} are mixed (${Math.min(negative, positive)} of ${negative + positive} lean the other way)`
        : null
  return { name, leaning, weakness, empty }
}

export function sourceStance(source: QualitativeSource, evidence: SourceEvidence, smallCell: number, windowMonths: number): Stance {
  return countsStance(SOURCE_NOUN[source], evidence, smallCell, `no ${SOURCE_NOUN[source]} on the linked themes in the last ${plural(windowMonths, 'month')}`)
}

/** Every qualitative source pooled: what people say together. */
export function pooledStance(all: Readonly<Record<QualitativeSource, SourceEvidence>>, smallCell: number): Stance {
  return countsStance('comments from all sources', pooledCounts(all), smallCell, 'no comments from any source')
}

/** The other qualitative sources pooled: what a source is compared with when a focus has no numbers. */
export function othersStance(source: QualitativeSource, all: Readonly<Record<QualitativeSource, SourceEvidence>>, smallCell: number): Stance {
  const others = QUALITATIVE_SOURCES.filter((s) => s !== source)
  const pooled = pooledCounts(all, others)
  const name = others.map((s) => SOURCE_NOUN[s]).join(' and ')
  return countsStance(`the other sources (${name})`, pooled, smallCell, `no other source has comments on this theme`)
}
