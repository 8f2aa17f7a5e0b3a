/** A finding's statement in plain English, from the measure or theme, the change, the site and the group. @see docs/methods/triangulation.md */
import type { Stance } from './convergence.ts'
import type { Names } from './names.ts'
import { pooledCounts } from './pooled.ts'
import type { FindingFocus, QualitativeSource, Signal, SourceEvidence } from './types.ts'
import { QUALITATIVE_SOURCES } from './types.ts'
import { capitalise, listAnd, plural } from './wording.ts'

const PEOPLE: Readonly<Record<QualitativeSource, string>> = { staff: 'staff', patients: 'patients', community: 'community members' }
const GAP_CHANGE = { improvement: 'narrowing', concern: 'widening', neutral: 'changing' } as const

/** e.g. "Blood pressure controlled to target has fallen in deprivation quintile 1 at Eastgate Medical Practice". */
export function findingStatement(focus: FindingFocus, signals: readonly Signal[], numbers: Stance, evidence: Readonly<Record<QualitativeSource, SourceEvidence>>, names: Names, windowMonths: number): string {
  const label = focus.dimension === null || focus.group === null ? null : names.groupLabel(focus.dimension, focus.group)
  const who = label === null ? '' : ` in ${label}`
  const place = names.place(focus.site)
  if (focus.measure === null) return themeStatement(focus, signals, evidence, names, `${who} ${place}`, windowMonths)
  const main = signals.find((s) => s.leaning === numbers.leaning) ?? signals[0]
  const name = names.measureName(focus.measure)
  const higher = main?.side === 'high'
  switch (main?.kind) {
    case 'funnel_outlier':
      return `${capitalise(name)} is ${higher ? 'higher' : 'lower'}${who} ${place} than at other sites`
    case 'group_difference':
      return `${capitalise(name)} is ${higher ? 'higher' : 'lower'}${who} than in ${main.reference ?? 'the reference group'} ${place}`
    case 'gap_change':
      return `The gap in ${name} between ${label ?? 'the group'} and its reference group is ${GAP_CHANGE[main.leaning]} ${place}`
    default:
      return `${capitalise(name)} has ${higher ? 'risen' : 'fallen'}${who} ${place}`
  }
}

function themeStatement(focus: FindingFocus, signals: readonly Signal[], evidence: Readonly<Record<QualitativeSource, SourceEvidence>>, names: Names, where: string, windowMonths: number): string {
  const theme = names.themeName(focus.themes[0] as number)
  const main = signals[0]
  if (main?.kind === 'theme_surge') return `Comments about "${theme}" have ${main.side === 'high' ? 'surged' : 'fallen'}${where}`
  if (main?.kind === 'sentiment_shift') return `Comments about "${theme}"${where} have become more ${main.side === 'high' ? 'positive' : 'negative'}`
  const speakers = QUALITATIVE_SOURCES.filter((s) => evidence[s].ids.length > 0).map((s) => PEOPLE[s])
  const { negative, neutral, positive } = pooledCounts(evidence)
  const mostly = negative > positive ? 'mostly negatively' : positive > negative ? 'mostly positively' : 'neither mostly positively nor negatively'
  const count = plural(negative + neutral + positive, 'comment')
  return `${capitalise(listAnd(speakers))}${where} often raise "${theme}", ${mostly} (${count} in the last ${plural(windowMonths, 'month')})`
}
