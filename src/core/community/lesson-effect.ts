/**
 * A lesson's measured effect by community group, as it may leave the organisation: the numerators
 * and denominators before and after the change, for everyone and each group, put through the
 * organisation's disclosure policy as one table (so secondary suppression protects every total),
 * with rates worked out from the published counts only.
 */
import { applyDisclosure, publishedRate, type DisclosurePolicy, type PublishedCell, type TableCell } from '../disclosure/index.ts'

export interface Counts {
  readonly numerator: number
  readonly denominator: number
}

export interface EffectInput {
  readonly measure: { readonly code: string; readonly name: string }
  /** Where the change was measured, as other members may read it (a practice or the whole organisation). */
  readonly where: string
  readonly before: { readonly from: string; readonly to: string }
  readonly after: { readonly from: string; readonly to: string }
  /** Everyone. */
  readonly total: { readonly before: Counts; readonly after: Counts }
  /** The community-group dimension ('' when there is none) and its groups in display order. */
  readonly dimension: string
  readonly groups: readonly { readonly group: string; readonly label: string; readonly before: Counts; readonly after: Counts }[]
}

export interface PublishedWindowFigures {
  /** As published: '*' when suppressed, otherwise the (possibly rounded) count. */
  readonly numerator: string
  readonly denominator: string
  /** From the published counts; null when either is suppressed. */
  readonly rate: number | null
}

export interface PublishedEffectRow {
  readonly group: string
  readonly label: string
  readonly before: PublishedWindowFigures
  readonly after: PublishedWindowFigures
  /** after.rate − before.rate; null when either is hidden. */
  readonly change: number | null
}

export interface PublishedEffect {
  readonly measure: { readonly code: string; readonly name: string }
  readonly where: string
  readonly dimension: string
  readonly before: { readonly from: string; readonly to: string }
  readonly after: { readonly from: string; readonly to: string }
  readonly rows: readonly PublishedEffectRow[]
  /** The disclosure policy's statement, printed with the figures. */
  readonly policy: string
}

const WINDOWS = ['before', 'after'] as const
const COUNTS = ['numerator', 'denominator'] as const
/** The members not in any recorded group, so the groups add up to everyone. */
const UNRECORDED = '(not recorded)'

/** Rates are published to 4 decimal places (0.01 percentage points). */
const round4 = (x: number | null): number | null => (x === null ? null : Math.round(x * 10_000) / 10_000)

/** The effect table through `policy`; throws on counts that are negative or not finite (a bug upstream). */
export function publishEffect(policy: DisclosurePolicy, input: EffectInput): PublishedEffect {
  const rows = withRemainder(input)
  const cells: TableCell[] = []
  for (const w of WINDOWS) {
    for (const c of COUNTS) {
      const total = input.total[w][c]
      const children = rows.map((r) => ({ id: `${w}.${c}.${r.group}`, value: r[w][c] }))
      const sum = children.reduce((s, x) => s + x.value, 0)
      for (const child of children) checkCount(child.id, child.value)
      checkCount(`${w}.${c}.everyone`, total)
      cells.push(...children, sum === total && children.length > 0 ? { id: `${w}.${c}.everyone`, value: total, childIds: children.map((x) => x.id) } : { id: `${w}.${c}.everyone`, value: total })
    }
  }
  const published = applyDisclosure(policy, cells)
  const cell = (id: string): PublishedCell => published.get(id) as PublishedCell
  const figures = (w: (typeof WINDOWS)[number], group: string): PublishedWindowFigures => {
    const n = cell(`${w}.numerator.${group}`)
    const d = cell(`${w}.denominator.${group}`)
    return { numerator: n.text, denominator: d.text, rate: round4(publishedRate(n, d)) }
  }
  const row = (group: string, label: string): PublishedEffectRow => {
    const before = figures('before', group)
    const after = figures('after', group)
    return { group, label, before, after, change: before.rate === null || after.rate === null ? null : round4(after.rate - before.rate) }
  }
  return {
    measure: { code: input.measure.code, name: input.measure.name },
    where: input.where,
    dimension: input.dimension,
    before: { ...input.before },
    after: { ...input.after },
    rows: [row('everyone', 'Everyone'), ...rows.map((r) => row(r.group, r.label))],
    policy: policy.statement,
  }
}

/** The groups plus, when they fall short of everyone, a row for those in no recorded group. */
function withRemainder(input: EffectInput): EffectInput['groups'] {
  if (input.groups.length === 0) return []
  const short = (w: (typeof WINDOWS)[number], c: (typeof COUNTS)[number]) => input.total[w][c] - input.groups.reduce((s, g) => s + g[w][c], 0)
  const gaps = WINDOWS.flatMap((w) => COUNTS.map((c) => short(w, c)))
  if (gaps.every((g) => g === 0) || gaps.some((g) => g < 0)) return input.groups
  const counts = (w: (typeof WINDOWS)[number]): Counts => ({ numerator: short(w, 'numerator'), denominator: short(w, 'denominator') })
  return [...input.groups, { group: UNRECORDED, label: 'Group not recorded', before: counts('before'), after: counts('after') }]
}

function checkCount(id: string, value: number): void {
  if (!(Number.isFinite(value) && value >= 0)) throw new Error(`invalid count for ${id}: ${value} (expected a finite number ≥ 0)`)
}
