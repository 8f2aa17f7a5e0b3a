/** Searching the published lessons of the organisation's networks: full-text (websearch syntax) ranked by ts_rank, with filters. */
import { LESSON_VERDICTS, type LessonVerdict, type PublishedLesson } from '../../core/community/index.ts'
import { invalidField } from '../../core/errors.ts'
import { lessonFacets, searchPublishedLessons } from '../../storage/lessons.ts'
import { memberNetworkIds } from '../../storage/networks.ts'
import { getOrganisation } from '../catalogue.ts'
import type { AppDeps } from '../deps.ts'
import { getNetwork } from './networks.ts'

export interface LessonSearch {
  readonly text?: string | undefined
  readonly network?: string | undefined
  readonly measure?: string | undefined
  readonly theme?: string | undefined
  readonly setting?: string | undefined
  readonly verdict?: string | undefined
}

export interface LessonSearchResult {
  readonly hits: readonly { readonly id: number; readonly publishedAt: string; readonly rank: number; readonly lesson: PublishedLesson }[]
  readonly facets: { readonly settings: readonly string[]; readonly themes: readonly string[]; readonly measures: readonly string[] }
}

export const SEARCH_LIMIT = 50

/** Lessons best matching the text first (ties: newest, then lesson number); every lesson, newest first, without text. */
export async function searchLessons(deps: AppDeps, organisationCode: string, search: LessonSearch): Promise<LessonSearchResult> {
  const organisation = await getOrganisation(deps, organisationCode)
  const text = (search.text ?? '').trim()
  if (text.length > 200) throw invalidField('q', `The search is ${text.length} characters long (expected at most 200).`)
  const verdict = search.verdict ? checkVerdict(search.verdict) : undefined
  let networkIds = await memberNetworkIds(deps.store.db, organisation.id)
  if (search.network) {
    const network = await getNetwork(deps, search.network)
    networkIds = networkIds.filter((id) => id === network.id)
  }
  const [hits, facets] = await Promise.all([
    searchPublishedLessons(deps.store.db, { text, networkIds, measure: search.measure || undefined, theme: search.theme || undefined, setting: search.setting || undefined, verdict, limit: SEARCH_LIMIT }),
    lessonFacets(deps.store.db, networkIds),
  ])
  return { hits: hits.map((h) => ({ id: h.id, publishedAt: h.publishedAt, rank: h.rank, lesson: h.published as PublishedLesson })), facets }
}

function checkVerdict(value: string): LessonVerdict {
  if ((LESSON_VERDICTS as readonly string[]).includes(value)) return value as LessonVerdict
  throw invalidField('verdict', `"${value.slice(0, 40)}" is not a verdict (expected ${LESSON_VERDICTS.join(', ')}).`, value)
}
