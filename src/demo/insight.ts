/**
 * Riverside's qualitative insight for Hypertension: Find & Control (DEMO.md): patient and carer
 * comments, staff huddle notes, four community listening events and interview summaries, with the
 * inductive codebook and three analysts' codings. Pure and deterministic: the same seed gives the
 * same insight, and each part draws from its own stream, so changing one leaves the others alone.
 */
import { DEFAULT_START_WEEK, demoWeeks } from './calendar.ts'
import { INDUCTIVE_THEMES } from './insight-codebook.ts'
import { codeRecords, DEMO_CODERS } from './insight-coding.ts'
import { fixedComments } from './insight-carers.ts'
import { generateComments } from './insight-comments.ts'
import type { DemoInsight } from './insight-data.ts'
import { finishRecord, type Draft } from './insight-draft.ts'
import { listeningEvents } from './insight-events.ts'
import { interviews } from './insight-interviews.ts'
import { generateStaffNotes } from './insight-staff-notes.ts'
import { createRandom, deriveSeed } from './random.ts'

/** The demo's default seed (the same as `generateDemo`'s). */
export const DEFAULT_INSIGHT_SEED = 20250303

/** Riverside's insight over the 78 demo weeks from `startWeek` (records in date order, then key). */
export function generateDemoInsight(seed: number = DEFAULT_INSIGHT_SEED, startWeek: string = DEFAULT_START_WEEK): DemoInsight {
  const weeks = demoWeeks(startWeek)
  const stream = (label: string) => createRandom(deriveSeed(seed, `insight:${label}`))
  const community = listeningEvents(weeks)
  const interviewed = interviews(weeks)
  const drafts: Draft[] = [
    ...generateComments(stream('comments'), weeks),
    ...fixedComments(weeks),
    ...generateStaffNotes(stream('staff'), weeks),
    ...community.drafts,
    ...interviewed.drafts,
  ].sort((a, b) => a.date.localeCompare(b.date) || a.key.localeCompare(b.key))
  return {
    events: [...community.events, ...interviewed.events].sort((a, b) => a.date.localeCompare(b.date)),
    records: drafts.map(finishRecord),
    inductiveThemes: [...INDUCTIVE_THEMES],
    codings: codeRecords(stream('coding'), drafts),
    coders: [...DEMO_CODERS],
  }
}
