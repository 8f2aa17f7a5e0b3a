/**
 * Shapes of triangulation: signals computed from the numbers, coded excerpts from what people say,
 * and the proposed findings that put them side by side with a convergence label per source.
 * @see docs/methods/triangulation.md
 */
import type { Direction } from '../model.ts'

export type SignalKind = 'special_cause' | 'funnel_outlier' | 'gap_change' | 'group_difference' | 'theme_surge' | 'sentiment_shift'
export const SIGNAL_KINDS: readonly SignalKind[] = ['special_cause', 'funnel_outlier', 'gap_change', 'group_difference', 'theme_surge', 'sentiment_shift']

/** Which way a signal or a source points, from the measure's direction; neutral when the direction is neutral. */
export type Leaning = 'improvement' | 'concern' | 'neutral'
export const LEANINGS: readonly Leaning[] = ['improvement', 'concern', 'neutral']

/**
 * Which side of the centre (or of the funnel limits) a signal lies: `high` when the values are
 * above it (or rising in a trend), `low` when below; for a gap, the gap's own value. Lets a
 * sentence say "higher" or "lower" for a measure with no better direction.
 */
export type Side = 'high' | 'low'

/** A computed fact about the numbers (or about how often a theme comes up). */
export interface Signal {
  /** Stable: `kind|measure|theme|site|dimension:group` (empty for null parts); never holds periods or counts. */
  readonly key: string
  readonly kind: SignalKind
  readonly leaning: Leaning
  readonly side: Side
  /** Measure code; null for theme signals. */
  readonly measure: string | null
  /** Theme id (theme signals); null otherwise. */
  readonly theme: number | null
  /** Site code; null = the whole organisation. */
  readonly site: string | null
  readonly dimension: string | null
  readonly group: string | null
  /** ISO period range of the signal (first and last period of the run, or the funnel window). */
  readonly from: string
  readonly to: string
  /** 0–1; below WEAK_SIGNAL (0.3) a signal is weak. See docs/methods/triangulation.md for each kind. */
  readonly strength: number
  /** One plain-English sentence. */
  readonly summary: string
  /** For a group difference: the reference group as the statement names it. */
  readonly reference?: string
}

/** Where a piece of evidence comes from: the numbers, three kinds of people, or peer organisations' lessons. */
export type EvidenceSource = 'numbers' | 'staff' | 'patients' | 'community' | 'peers'
export const EVIDENCE_SOURCES: readonly EvidenceSource[] = ['numbers', 'staff', 'patients', 'community', 'peers']

/** The people whose coded insight triangulation reads. */
export type QualitativeSource = 'staff' | 'patients' | 'community'
export const QUALITATIVE_SOURCES: readonly QualitativeSource[] = ['staff', 'patients', 'community']

/** One coding of one excerpt (an excerpt coded to two themes comes twice; it is counted once per finding). */
export interface ExcerptEvidence {
  readonly excerptId: number
  readonly themeId: number
  readonly source: QualitativeSource
  /** Site code; null for the whole organisation (it then matches only organisation-wide foci). */
  readonly site: string | null
  /** Community groups by dimension code (a missing key means not stated). */
  readonly groups: Readonly<Record<string, string>>
  /** ISO date the insight was given. */
  readonly date: string
  /** The excerpt's sentiment score (core/text `sentiment`): ≤ −1 negative, ≥ 1 positive, else neutral. */
  readonly sentiment: number
}

/** A measure ↔ theme link people maintain; a link to a theme covers its sub-themes. */
export interface MeasureThemeLink {
  readonly measure: string
  readonly themeId: number
}

export interface TriangulationMeasure {
  readonly code: string
  readonly name: string
  readonly direction: Direction
}

/** A site for sentences: code null stands for the whole organisation. */
export interface TriangulationSite {
  readonly code: string | null
  readonly name: string
}

export interface ThemeNode {
  readonly id: number
  readonly name: string
  readonly parentId: number | null
}

export type Convergence = 'agreement' | 'partial_agreement' | 'dissonance' | 'silence'
export const CONVERGENCES: readonly Convergence[] = ['agreement', 'partial_agreement', 'dissonance', 'silence']

export type Classification = 'area_of_excellence' | 'opportunity_for_improvement' | 'candidate_to_standardise' | 'acceptable_local_variation' | 'inequality'
export const CLASSIFICATIONS: readonly Classification[] = ['area_of_excellence', 'opportunity_for_improvement', 'candidate_to_standardise', 'acceptable_local_variation', 'inequality']

/** The question a finding answers: a measure (with its linked themes) or, with no signal, one theme. */
export interface FindingFocus {
  readonly measure: string | null
  /** Linked theme ids (sorted) for a measure focus; the one theme for a theme-only focus. */
  readonly themes: readonly number[]
  readonly site: string | null
  readonly dimension: string | null
  readonly group: string | null
}

/** What one qualitative source says about a focus. */
export interface SourceEvidence {
  /** Distinct excerpt ids, ascending. */
  readonly ids: readonly number[]
  readonly negative: number
  readonly neutral: number
  readonly positive: number
  /** Null when the source has no excerpts. */
  readonly leaning: Leaning | null
  /** True when 0 < excerpts < smallCell (suppressed in shared outputs, and weak evidence). */
  readonly small: boolean
}

export interface ProposedFinding {
  /** Stable across recomputation: `measure|site|dimension:group`, or `theme:ID|site|dimension:group`. */
  readonly key: string
  readonly statement: string
  readonly classification: Classification
  readonly focus: FindingFocus
  /** Strongest first (ties by key). */
  readonly signals: readonly Signal[]
  readonly excerpts: Readonly<Record<QualitativeSource, SourceEvidence>>
  /** Each source against the numbers (numbers' own cell null; silence for a theme-only focus); peers silence until lessons are shared. */
  readonly cells: Readonly<Record<EvidenceSource, Convergence | null>>
  readonly overall: Convergence
  /** 0–100, higher first; see docs/methods/triangulation.md. */
  readonly score: number
  /** Plain-English lines saying why each label was given. */
  readonly reasons: readonly string[]
}
