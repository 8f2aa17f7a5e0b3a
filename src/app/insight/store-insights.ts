/**
 * The one way insight is written: every text is de-identified (core/insight `prepareText`) before
 * anything reaches storage, whichever path it came by (public form, staff form, event, import).
 */
import { AppError } from '../../core/errors.ts'
import type { InsightInput } from '../../core/insight/model.ts'
import { prepareText } from '../../core/insight/prepare.ts'
import { insertInsights, type NewInsight } from '../../storage/insights.ts'
import { listSites } from '../../storage/sites.ts'
import type { ProgrammeScope } from '../catalogue.ts'
import type { AppDeps } from '../deps.ts'

export interface StoreOptions {
  readonly createdBy: string
  readonly eventId?: number | null
  readonly importId?: number | null
  /** Split each text into excerpts (notes, transcripts); a comment stays whole otherwise. */
  readonly split?: boolean
}

export interface StoredCounts {
  readonly records: number
  readonly excerpts: number
  /** Identifier type → how many were replaced across all texts. */
  readonly redacted: Readonly<Record<string, number>>
  /** The new records' ids, in the order of the inputs. */
  readonly ids: readonly number[]
}

/** Redact, split and write `inputs` in the caller's transaction; site codes must be the organisation's. */
export async function storeInsights(deps: AppDeps, scope: ProgrammeScope, inputs: readonly InsightInput[], options: StoreOptions): Promise<StoredCounts> {
  const sites = await listSites(deps.store.db, scope.organisation.id)
  const siteIds = new Map(sites.map((s) => [s.code, s.id]))
  const rootId = siteIds.get(scope.organisation.code)
  if (rootId === undefined) throw new Error(`organisation ${scope.organisation.code} has no root site`)
  const redacted: Record<string, number> = {}
  const rows: NewInsight[] = inputs.map((input) => {
    const siteId = input.site === null ? rootId : siteIds.get(input.site)
    if (siteId === undefined) throw new AppError('invalid_request', `No site with code "${input.site}" in ${scope.organisation.name}.`)
    const prepared = prepareText(input.text, { split: options.split ?? false })
    for (const [type, n] of Object.entries(prepared.redacted)) redacted[type] = (redacted[type] ?? 0) + n
    return {
      siteId,
      source: input.source,
      collectedVia: input.collectedVia,
      date: input.date,
      fft: input.fft,
      // Group labels and tags are free text too: de-identified like the text itself.
      groups: Object.fromEntries(Object.entries(input.groups).map(([dimension, group]) => [dimension, deidentify(group)])),
      tags: input.tags.map(deidentify).filter((t) => t !== ''),
      eventId: options.eventId ?? null,
      importId: options.importId ?? null,
      createdBy: options.createdBy,
      excerpts: prepared.excerpts,
      redacted: prepared.redacted,
    }
  })
  const counts = await insertInsights(deps.store.db, scope.organisation.id, scope.programme.id, rows)
  return { records: counts.insights, excerpts: counts.excerpts, redacted, ids: counts.ids }
}


/** A short free-text field as it may be stored: de-identified. */
export function deidentify(text: string): string {
  return text === '' ? '' : (prepareText(text, { split: false }).excerpts[0]?.text ?? '')
}
