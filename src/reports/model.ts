/**
 * The briefing document: what a briefing says, independent of its format. `app/share/` assembles
 * one from the live evidence (already suppressed when the audience is external); the renderers in
 * this folder turn the same document into a print-styled web page, a PDF and a Word file, so the
 * three formats cannot disagree. Every value here is final text: renderers never compute figures.
 */

export type BriefingKind = 'board' | 'community' | 'meeting' | 'finding'

export type Audience = 'internal' | 'external'

export interface Briefing {
  readonly kind: BriefingKind
  /** e.g. "Board briefing: Hypertension: Find & Control". */
  readonly title: string
  /** e.g. "Riverside Integrated Care System · data to 30 November 2026". */
  readonly subtitle: string
  /** ISO date the briefing was generated (from the clock passed in). */
  readonly generatedOn: string
  readonly audience: Audience
  /**
   * Printed on every output: the disclosure policy applied (external), or a warning that the
   * numbers are exact and for internal use only.
   */
  readonly disclosureStatement: string
  /** Plain-language briefings (community) use larger type and shorter lines. */
  readonly plainLanguage: boolean
  readonly sections: readonly BriefingSection[]
}

export interface BriefingSection {
  readonly heading: string
  readonly blocks: readonly BriefingBlock[]
}

export type BriefingBlock =
  | { readonly kind: 'paragraph'; readonly text: string }
  | { readonly kind: 'list'; readonly items: readonly string[] }
  | { readonly kind: 'quote'; readonly text: string; readonly source: string }
  | BriefingChart
  | { readonly kind: 'table'; readonly table: BriefingTable }
  | BriefingMatrix

/** A chart from `charts/`, always with its text description and the numbers behind it. */
export interface BriefingChart {
  readonly kind: 'chart'
  readonly title: string
  /** The SVG markup exactly as `charts/` drew it (role="img" with its own title). */
  readonly svg: string
  /** Intrinsic size of the SVG in CSS pixels, for PDF and Word layout. */
  readonly width: number
  readonly height: number
  /** The chart in words (the text alternative). */
  readonly description: string
  readonly table: BriefingTable
}

export interface BriefingTable {
  readonly caption: string
  readonly columns: readonly string[]
  /** Cells as final text ("*" for a suppressed count). */
  readonly rows: readonly (readonly string[])[]
  /** Per column: right-align (numbers). */
  readonly numeric: readonly boolean[]
}

/** The summary icon matrix: one row per measure, one column per group, each cell an icon with its label. */
export interface BriefingMatrix {
  readonly kind: 'matrix'
  readonly caption: string
  readonly columns: readonly string[]
  readonly rows: readonly {
    readonly label: string
    readonly cells: readonly { readonly svg: string; readonly label: string }[]
  }[]
}
