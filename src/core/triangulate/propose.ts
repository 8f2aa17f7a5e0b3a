/**
 * Triangulation: quantitative signals and coded qualitative insight put side by side for the same
 * measure, site, group and time, as a ranked list of proposed findings with a convergence label
 * per source and overall. It proposes; a lead confirms, edits or rejects. @see docs/methods/triangulation.md
 */
import { findingCells } from './cells.ts'
import { classify } from './classify.ts'
import { DEFAULT_SMALL_CELL, DEFAULT_WINDOW_MONTHS } from './defaults.ts'
import type { EvidenceIndex } from './evidence-index.ts'
import { createEvidenceIndex } from './evidence-index.ts'
import type { Focus } from './foci.ts'
import { linkedThemes, qualitativeFoci, signalFoci } from './foci.ts'
import type { Names } from './names.ts'
import { createNames } from './names.ts'
import { findingScore } from './rank.ts'
import { findingReasons } from './reasons.ts'
import { groupPart } from './signal-key.ts'
import { evidenceBySource } from './source-evidence.ts'
import { numbersStance, pooledStance } from './stances.ts'
import { findingStatement } from './statement.ts'
import type { ExcerptEvidence, FindingFocus, MeasureThemeLink, ProposedFinding, Signal, ThemeNode, TriangulationMeasure } from './types.ts'

export interface ProposeInput {
  readonly signals: readonly Signal[]
  /** Person-confirmed codings (one row per excerpt and theme). */
  readonly excerpts: readonly ExcerptEvidence[]
  readonly links: readonly MeasureThemeLink[]
  readonly themes: readonly ThemeNode[]
  readonly measures: readonly TriangulationMeasure[]
  readonly siteNames: Readonly<Record<string, string>>
  /** e.g. (imd_quintile, 1) → "deprivation quintile 1"; `dimension group` when absent. */
  readonly groupLabel?: (dimension: string, group: string) => string
  /** ISO date: excerpts from `windowMonths` months before it up to it count. */
  readonly today: string
  readonly windowMonths?: number
  readonly smallCell?: number
  /** People the focus concerns (e.g. the register at the site in the group); null when unknown. */
  readonly peopleAffected?: (focus: FindingFocus) => number | null
}

interface Context {
  readonly index: EvidenceIndex
  readonly names: Names
  readonly smallCell: number
  readonly windowMonths: number
  readonly improving: ReadonlySet<string>
  readonly peopleAffected: ((focus: FindingFocus) => number | null) | undefined
}

/**
 * One finding per focus (a measure, site and group with signals; a theme signal; or a linked theme
 * many people raise at one site with no signal), highest score first, ties by key. Throws on an
 * invalid `today`, window or small-cell threshold.
 */
export function proposeFindings(input: ProposeInput): ProposedFinding[] {
  const { windowMonths = DEFAULT_WINDOW_MONTHS, smallCell = DEFAULT_SMALL_CELL } = input
  if (!Number.isInteger(smallCell) || smallCell < 1) throw new Error(`invalid smallCell: ${smallCell} (expected a whole number ≥ 1)`)
  const index = createEvidenceIndex(input.excerpts, input.themes, input.today, windowMonths)
  const fromSignals = signalFoci(input.signals, linkedThemes(input.links))
  const taken = new Set(fromSignals.map((f) => f.key))
  const qualitative = qualitativeFoci(index, input.links, fromSignals, smallCell).filter((f) => !taken.has(f.key))
  const names = createNames({ measures: input.measures, themes: input.themes, siteNames: input.siteNames, groupLabel: input.groupLabel })
  const context: Context = { index, names, smallCell, windowMonths, improving: organisationImproving(input.signals), peopleAffected: input.peopleAffected }
  return [...fromSignals, ...qualitative].map((f) => proposeFinding(f, context)).sort((a, b) => b.score - a.score || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
}

function proposeFinding({ key, focus, signals: unsorted }: Focus, context: Context): ProposedFinding {
  const { index, names, smallCell, windowMonths } = context
  const signals = [...unsorted].sort((a, b) => b.strength - a.strength || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
  const measureSignals = signals.filter((s) => s.measure !== null)
  const matched = index.match(focus)
  const excerpts = evidenceBySource(matched, smallCell)
  const numbers = numbersStance(measureSignals)
  const cells = findingCells(focus.measure === null ? null : numbers, excerpts, smallCell, windowMonths)
  const organisationImproving = focus.measure !== null && context.improving.has(`${focus.measure}|${groupPart(focus.dimension, focus.group)}`)
  const classification = classify({ focus, signals: measureSignals, numbers, pooled: pooledStance(excerpts, smallCell), evidence: excerpts, organisationImproving, smallCell })
  const score = findingScore({ cells: cells.cells, strength: signals[0]?.strength ?? 0, latest: latestEvidence(signals, matched), from: index.from, today: index.today, people: context.peopleAffected?.(focus) ?? null })
  return {
    key,
    statement: findingStatement(focus, signals, numbers, excerpts, names, windowMonths),
    classification: classification.classification,
    focus,
    signals,
    excerpts,
    cells: cells.cells,
    overall: cells.overall,
    score: score.score,
    reasons: findingReasons({ focus, signals, numbers, cells, evidence: excerpts, classification, score, names }),
  }
}

/** `measure|dimension:group` of every organisation-wide measure signal leaning improvement. */
function organisationImproving(signals: readonly Signal[]): Set<string> {
  const keys = new Set<string>()
  for (const s of signals) if (s.measure !== null && s.site === null && s.leaning === 'improvement') keys.add(`${s.measure}|${groupPart(s.dimension, s.group)}`)
  return keys
}

/** The latest of the signals' ends and the excerpts' dates; null with neither. */
function latestEvidence(signals: readonly Signal[], excerpts: readonly ExcerptEvidence[]): string | null {
  let latest: string | null = null
  for (const date of [...signals.map((s) => s.to), ...excerpts.map((e) => e.date)]) if (latest === null || date > latest) latest = date
  return latest
}
