/**
 * A briefing downloaded as a file (PDF or Word): assembled from the live evidence, rendered, and
 * audited as an export (who, which briefing, for which audience, how many quotes), since a file
 * can leave the organisation.
 */
import { briefingToDocx } from '../../reports/docx.ts'
import { briefingToHtml } from '../../reports/html.ts'
import type { Audience, Briefing, BriefingKind } from '../../reports/model.ts'
import { htmlToPdf } from '../../reports/pdf.ts'
import { audit } from '../auth/audit.ts'
import { getProgrammeScope } from '../catalogue.ts'
import type { AppDeps } from '../deps.ts'
import { generateBriefing, type BriefingReader, type BriefingScope } from './generate-briefing.ts'

export type BriefingFileFormat = 'pdf' | 'docx'

export const BRIEFING_CONTENT_TYPES: Readonly<Record<BriefingFileFormat, string>> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
}

export interface BriefingFile {
  readonly briefing: Briefing
  readonly fileName: string
  readonly contentType: string
  readonly content: Buffer
}

/** Where the audit trail says the briefing came from: `organisation:o/programme:p/briefing:board` (or `…/meeting:3/briefing`). */
export function briefingTarget(scope: BriefingScope, kind: BriefingKind): string {
  const base = `organisation:${scope.organisation}/programme:${scope.programme}`
  return kind === 'meeting' || kind === 'finding' ? `${base}/${kind}:${scope.id ?? ''}/briefing` : `${base}/briefing:${kind}`
}

export async function exportBriefing(deps: AppDeps, reader: BriefingReader, scope: BriefingScope, kind: BriefingKind, audience: Audience, format: BriefingFileFormat): Promise<BriefingFile> {
  const { organisation } = await getProgrammeScope(deps, scope.organisation, scope.programme)
  const briefing = await generateBriefing(deps, reader, scope, kind, audience)
  const content = format === 'pdf' ? await htmlToPdf(briefingToHtml(briefing)) : await briefingToDocx(briefing)
  const quotes = briefing.sections.reduce((sum, s) => sum + s.blocks.filter((b) => b.kind === 'quote').length, 0)
  await audit(deps, reader.actor, { organisationId: organisation.id, action: `export.briefing_${format}`, target: briefingTarget(scope, kind), after: { kind, audience, format, bytes: content.length, quotes } })
  const name = `${scope.programme}-${kind}${scope.id === undefined ? '' : `-${scope.id}`}-briefing-${audience}-${briefing.generatedOn}`.replace(/[^a-z0-9-]+/gi, '_')
  return { briefing, fileName: `${name}.${format}`, contentType: BRIEFING_CONTENT_TYPES[format], content }
}
