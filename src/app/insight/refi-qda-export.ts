/**
 * Coded excerpts as a REFI-QDA project (.qdpx, a zip of `project.qde` and `sources/*.txt`) for
 * NVivo, ATLAS.ti, MAXQDA or QualCoder. Only people's applied codings are exported (not the
 * machine's suggestions), and only the redacted excerpt text, which is all LHS stores. Reading the
 * text is audited as a text read, and the file as an export.
 */
import JSZip from 'jszip'
import { refiQdaProject, type QdpxSource } from '../../core/codebook/qdpx.ts'
import { listCodings } from '../../storage/codings.ts'
import { listExcerpts } from '../../storage/excerpts.ts'
import { audit, type Actor } from '../auth/audit.ts'
import type { ProgrammeScope } from '../catalogue.ts'
import type { AppDeps } from '../deps.ts'
import { codebookOf, listCodebook } from './codebook.ts'
import { auditTextRead } from './read-audit.ts'

/** The programme's coded excerpts as REFI-QDA XML and source files (before zipping). */
export async function refiQdaContent(deps: AppDeps, scope: ProgrammeScope): Promise<{ xml: string; files: readonly { path: string; text: string }[]; excerptIds: number[]; codings: number }> {
  const db = deps.store.db
  const [codebook, themes, codings] = await Promise.all([codebookOf(deps, scope), listCodebook(deps, scope), listCodings(db, scope.organisation.id, scope.programme.id)])
  const guidOf = new Map(themes.map((t) => [t.id, t.guid]))
  const applied = codings.filter((c) => c.status === 'applied' && !c.machine && guidOf.has(c.themeId))
  const excerptIds = [...new Set(applied.map((c) => c.excerptId))].sort((a, b) => a - b)
  const excerpts = excerptIds.length === 0 ? [] : await listExcerpts(db, scope.organisation.id, { programmeId: scope.programme.id, ids: excerptIds })
  const sources: QdpxSource[] = excerpts.map((excerpt) => ({
    key: `${scope.organisation.code}/${scope.programme.code}/excerpt/${excerpt.id}`,
    name: `Excerpt ${excerpt.id} (${excerpt.source}, ${excerpt.date})`,
    text: excerpt.text,
    codings: applied.filter((c) => c.excerptId === excerpt.id).map((c) => ({ themeGuid: guidOf.get(c.themeId) ?? '', coder: c.coder, start: c.spanStart, end: c.spanEnd, createdAt: c.createdAt })),
  }))
  const project = refiQdaProject({ name: `${scope.programme.name}: coded excerpts`, codebook, sources, createdAt: deps.clock().toISOString() })
  return { ...project, excerptIds: excerpts.map((e) => e.id), codings: applied.length }
}

/** The .qdpx file's bytes; the read and the export are audited. */
export async function exportRefiQda(deps: AppDeps, actor: Actor, scope: ProgrammeScope): Promise<Uint8Array> {
  const content = await refiQdaContent(deps, scope)
  const zip = new JSZip()
  const date = deps.clock()
  zip.file('project.qde', content.xml, { date })
  for (const file of content.files) zip.file(file.path, file.text, { date })
  const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' })
  await auditTextRead(deps, actor, scope, 'refi-qda', content.excerptIds)
  await audit(deps, actor, {
    organisationId: scope.organisation.id,
    action: 'export.refi-qda',
    target: `organisation:${scope.organisation.code}/programme:${scope.programme.code}`,
    after: { excerpts: content.excerptIds.length, codings: content.codings, bytes: bytes.byteLength },
  })
  return bytes
}
