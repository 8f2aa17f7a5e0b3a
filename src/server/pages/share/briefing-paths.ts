/** Where each briefing lives: its web page, and its downloads with `.pdf` or `.docx` added. */
import type { Audience, BriefingKind } from '../../../reports/model.ts'

export type BriefingFormat = 'html' | 'pdf' | 'docx'

export const BRIEFING_FORMATS: readonly BriefingFormat[] = ['html', 'pdf', 'docx']

/** `/organisations/o/programmes/p/briefings/board.pdf?audience=external` and the like. */
export function briefingPath(org: string, programme: string, kind: BriefingKind, id: number | undefined, format: BriefingFormat, audience: Audience): string {
  const base = `/organisations/${encodeURIComponent(org)}/programmes/${encodeURIComponent(programme)}`
  const page = kind === 'meeting' ? `${base}/meetings/${id}/briefing` : kind === 'finding' ? `${base}/findings/${id}/briefing` : `${base}/briefings/${kind}`
  return `${page}${format === 'html' ? '' : `.${format}`}${audience === 'external' ? '?audience=external' : ''}`
}

/** The briefings page, optionally offering one meeting's or finding's briefing first. */
export function briefingsPagePath(org: string, programme: string, about?: { readonly meeting?: number; readonly finding?: number }): string {
  const base = `/organisations/${encodeURIComponent(org)}/programmes/${encodeURIComponent(programme)}/briefings`
  if (about?.meeting !== undefined) return `${base}?meeting=${about.meeting}`
  if (about?.finding !== undefined) return `${base}?finding=${about.finding}`
  return base
}
