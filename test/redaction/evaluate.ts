/**
 * Scoring a redactor against the labelled set (see README.md for the matching rule).
 *
 * A predicted span is a true positive when it has the same type as a gold span and overlaps it by
 * at least half of the gold span's length. Each gold span and each predicted span is used at most
 * once; among all one-to-one pairings the largest is taken (maximum bipartite matching), so the
 * score never depends on the order in which the redactor lists its spans.
 */
import { ENTITY_TYPES, type EntityType, type GoldEntity, type LabelledText } from './labelled-texts.ts'

/** What a redactor returns for a span. `type` is a string so unknown types can be counted, not rejected. */
export interface PredictedEntity {
  readonly type: string
  readonly start: number
  readonly end: number
}

export type Redactor = (text: string) => { readonly entities: readonly PredictedEntity[] }

export interface Score {
  readonly goldCount: number
  readonly predictedCount: number
  readonly truePositives: number
  /** truePositives / goldCount; 1 when there is no gold span of the type. */
  readonly recall: number
  /** truePositives / predictedCount; 1 when nothing of the type was predicted. */
  readonly precision: number
}

export interface Report {
  readonly byType: Readonly<Record<EntityType, Score>>
  /** Micro-averaged over all types; predictions of unknown types count as false positives here. */
  readonly overall: Score
  /** Predictions whose type is not one of ENTITY_TYPES (all false positives). */
  readonly unknownTypePredictions: number
  /** Predictions with a broken span (not integers, start >= end, or outside the text): never matched. */
  readonly invalidSpanPredictions: number
}

/** The product's targets for the redactor. */
export const TARGETS = {
  recall: { nhs_number: 0.98, email: 0.98, phone: 0.98, postcode: 0.98, name: 0.9 } as Partial<Record<EntityType, number>>,
  precision: 0.9,
} as const

const isEntityType = (t: string): t is EntityType => (ENTITY_TYPES as readonly string[]).includes(t)

const validSpan = (e: PredictedEntity, text: string): boolean =>
  Number.isInteger(e.start) && Number.isInteger(e.end) && e.start >= 0 && e.end <= text.length && e.start < e.end

/** The matching rule: same type, and the overlap covers at least half of the gold span. */
export function spansMatch(gold: GoldEntity, predicted: PredictedEntity): boolean {
  if (gold.type !== predicted.type) return false
  const overlap = Math.min(gold.end, predicted.end) - Math.max(gold.start, predicted.start)
  return overlap > 0 && 2 * overlap >= gold.end - gold.start
}

/** Maximum one-to-one matching (Kuhn's augmenting paths). Returns, for each gold index, the predicted index or -1. */
function maximumMatching(gold: readonly GoldEntity[], predicted: readonly PredictedEntity[]): number[] {
  const candidates = gold.map((g) => predicted.flatMap((p, i) => (spansMatch(g, p) ? [i] : [])))
  const goldOfPredicted = predicted.map(() => -1)
  const assign = (gi: number, visited: boolean[]): boolean => {
    for (const pi of candidates[gi] ?? []) {
      if (visited[pi]) continue
      visited[pi] = true
      const holder = goldOfPredicted[pi] as number
      if (holder === -1 || assign(holder, visited)) {
        goldOfPredicted[pi] = gi
        return true
      }
    }
    return false
  }
  gold.forEach((_, gi) => assign(gi, predicted.map(() => false)))
  const predictedOfGold = gold.map(() => -1)
  goldOfPredicted.forEach((gi, pi) => {
    if (gi >= 0) predictedOfGold[gi] = pi
  })
  return predictedOfGold
}

/** How one text's predictions line up with its gold spans. */
export interface TextMatch {
  readonly matched: readonly { readonly gold: GoldEntity; readonly predicted: PredictedEntity }[]
  readonly missed: readonly GoldEntity[]
  readonly falsePositives: readonly PredictedEntity[]
  readonly unknownType: number
  readonly invalidSpan: number
}

export function matchText(item: LabelledText, predicted: readonly PredictedEntity[]): TextMatch {
  const indexed = predicted.map((p, index) => ({ p, index }))
  const valid = indexed.filter(({ p }) => validSpan(p, item.text))
  const matched: { gold: GoldEntity; predicted: PredictedEntity }[] = []
  const usedPredicted = new Set<number>()
  const matchedGold = new Set<GoldEntity>()
  for (const type of ENTITY_TYPES) {
    const gold = item.entities.filter((e) => e.type === type)
    const preds = valid.filter(({ p }) => p.type === type)
    maximumMatching(gold, preds.map(({ p }) => p)).forEach((pi, gi) => {
      if (pi < 0) return
      const { p, index } = preds[pi] as { p: PredictedEntity; index: number }
      const g = gold[gi] as GoldEntity
      matched.push({ gold: g, predicted: p })
      usedPredicted.add(index)
      matchedGold.add(g)
    })
  }
  return {
    matched,
    missed: item.entities.filter((e) => !matchedGold.has(e)),
    falsePositives: indexed.filter(({ index }) => !usedPredicted.has(index)).map(({ p }) => p),
    unknownType: predicted.filter((p) => !isEntityType(p.type)).length,
    invalidSpan: predicted.length - valid.length,
  }
}

const score = (goldCount: number, predictedCount: number, truePositives: number): Score => ({
  goldCount,
  predictedCount,
  truePositives,
  recall: goldCount === 0 ? 1 : truePositives / goldCount,
  precision: predictedCount === 0 ? 1 : truePositives / predictedCount,
})

/** Scores predictions already made (one list per text, in the order of `texts`); for async redactors. */
export function evaluatePredictions(
  texts: readonly LabelledText[],
  predictions: readonly (readonly PredictedEntity[])[],
): Report {
  if (predictions.length !== texts.length) throw new Error(`${predictions.length} prediction lists for ${texts.length} texts`)
  const gold = new Map<EntityType, number>(ENTITY_TYPES.map((t) => [t, 0]))
  const pred = new Map<EntityType, number>(ENTITY_TYPES.map((t) => [t, 0]))
  const tp = new Map<EntityType, number>(ENTITY_TYPES.map((t) => [t, 0]))
  let unknownTypePredictions = 0
  let invalidSpanPredictions = 0
  let allPredicted = 0
  texts.forEach((item, i) => {
    const predicted = predictions[i] as readonly PredictedEntity[]
    const m = matchText(item, predicted)
    for (const e of item.entities) gold.set(e.type, (gold.get(e.type) ?? 0) + 1)
    for (const p of predicted) if (isEntityType(p.type)) pred.set(p.type, (pred.get(p.type) ?? 0) + 1)
    for (const { gold: g } of m.matched) tp.set(g.type, (tp.get(g.type) ?? 0) + 1)
    unknownTypePredictions += m.unknownType
    invalidSpanPredictions += m.invalidSpan
    allPredicted += predicted.length
  })
  const byType = Object.fromEntries(
    ENTITY_TYPES.map((t) => [t, score(gold.get(t) ?? 0, pred.get(t) ?? 0, tp.get(t) ?? 0)]),
  ) as Record<EntityType, Score>
  const sum = (m: Map<EntityType, number>): number => [...m.values()].reduce((a, b) => a + b, 0)
  return { byType, overall: score(sum(gold), allPredicted, sum(tp)), unknownTypePredictions, invalidSpanPredictions }
}

/** Runs the redactor on every text and scores it. */
export function evaluate(redactor: Redactor, texts: readonly LabelledText[]): Report {
  return evaluatePredictions(texts, texts.map((t) => redactor(t.text).entities))
}

/** The targets a report misses, in words (empty when all are met). Precision is checked overall. */
export function unmetTargets(report: Report): string[] {
  const out: string[] = []
  for (const [type, target] of Object.entries(TARGETS.recall) as [EntityType, number][]) {
    const r = report.byType[type].recall
    if (r < target) out.push(`${type} recall ${r.toFixed(3)} < ${target}`)
  }
  if (report.overall.precision < TARGETS.precision) {
    out.push(`overall precision ${report.overall.precision.toFixed(3)} < ${TARGETS.precision}`)
  }
  return out
}

/** One miss or false positive, with a little context, for debugging. */
export interface EvaluationError {
  readonly id: string
  readonly kind: 'miss' | 'false_positive'
  readonly type: string
  readonly start: number
  readonly end: number
  /** The span's text ('' for a broken span). */
  readonly span: string
  /** Up to 30 characters either side, the span in [[ ]]. */
  readonly context: string
}

function describe(item: LabelledText, kind: EvaluationError['kind'], e: PredictedEntity): EvaluationError {
  const ok = validSpan(e, item.text)
  const span = ok ? item.text.slice(e.start, e.end) : ''
  const context = ok
    ? `${item.text.slice(Math.max(0, e.start - 30), e.start)}[[${span}]]${item.text.slice(e.end, e.end + 30)}`.replace(/\s+/g, ' ')
    : `(broken span ${e.start}..${e.end})`
  return { id: item.id, kind, type: e.type, start: e.start, end: e.end, span, context }
}

/** Every miss and false positive in predictions already made (one list per text), in text order. */
export function errorsFromPredictions(
  texts: readonly LabelledText[],
  predictions: readonly (readonly PredictedEntity[])[],
): EvaluationError[] {
  return texts.flatMap((item, i) => {
    const m = matchText(item, predictions[i] ?? [])
    return [
      ...m.missed.map((g) => describe(item, 'miss', g)),
      ...m.falsePositives.map((p) => describe(item, 'false_positive', p)),
    ]
  })
}

/** Every miss and false positive of a redactor on the texts, in text order. */
export function listErrors(redactor: Redactor, texts: readonly LabelledText[]): EvaluationError[] {
  return errorsFromPredictions(texts, texts.map((t) => redactor(t.text).entities))
}

/** A few errors as lines of text (keeps test output short: at most `max` lines plus a count). */
export function formatErrors(errors: readonly EvaluationError[], max = 5): string {
  const lines = errors.slice(0, max).map((e) => `${e.id} ${e.kind} ${e.type}: ${e.context}`)
  if (errors.length > max) lines.push(`… and ${errors.length - max} more`)
  return lines.join('\n')
}

/** A report as a small table (type, gold, predicted, TP, recall, precision). */
export function formatReport(report: Report): string {
  const row = (name: string, s: Score): string =>
    [name.padEnd(14), String(s.goldCount).padStart(5), String(s.predictedCount).padStart(5),
      String(s.truePositives).padStart(5), s.recall.toFixed(3).padStart(7), s.precision.toFixed(3).padStart(7)].join(' ')
  return [
    `${'type'.padEnd(14)}  gold  pred    tp  recall  precis`,
    ...ENTITY_TYPES.map((t) => row(t, report.byType[t])),
    row('overall', report.overall),
  ].join('\n')
}
