/** Patient comments composed from the phrase tables, with an FFT answer that matches their tone. */
import type { FftScore } from '../core/insight/model.ts'
import { uniquePaths } from './insight-codebook.ts'
import type { Addition, CommentScenario, Phrase } from './insight-comment-scenario.ts'
import { ACCESS_SCENARIOS } from './insight-comments-access.ts'
import { CARE_SCENARIOS } from './insight-comments-care.ts'
import { chance, dateInWeeks, drawGroups, pick, pickWeighted } from './insight-draw.ts'
import { numberByDate, type Draft } from './insight-draft.ts'
import type { Random } from './random.ts'

export const COMMENT_SCENARIOS: readonly CommentScenario[] = [...ACCESS_SCENARIOS, ...CARE_SCENARIOS]

/** Share of comments typed on the public form (the rest come from the practices' FFT exports). */
const PUBLIC_FORM_SHARE = 0.7
/** Share of public-form comments that skip the FFT question. */
const NO_FFT_SHARE = 0.12
/** Share of public-form comments typed in lower case without a final full stop. */
const CASUAL_SHARE = 0.12

/** Every scenario's comments, keyed `patient-001`… in date order. */
export function generateComments(random: Random, weeks: readonly string[], scenarios: readonly CommentScenario[] = COMMENT_SCENARIOS): Draft[] {
  const drafts = scenarios.flatMap((scenario) => scenarioComments(random, weeks, scenario))
  return numberByDate(drafts, 'patient')
}

function scenarioComments(random: Random, weeks: readonly string[], scenario: CommentScenario): Draft[] {
  const cores = bag(random, scenario.cores, scenario.count)
  return cores.map((core) => comment(random, weeks, scenario, core))
}

/** `count` items drawn without replacement, reshuffling once all have been used. */
function bag<T>(random: Random, items: readonly T[], count: number): T[] {
  const out: T[] = []
  while (out.length < count) out.push(...random.shuffle(items))
  return out.slice(0, count)
}

function comment(random: Random, weeks: readonly string[], scenario: CommentScenario, core: Phrase): Draft {
  const opener = pick(random, scenario.openers)
  // A closing never pulls against the core ("…had to go again. I'd go there again.").
  const closer = pick(random, scenario.closers.filter((c) => (c.tone ?? 0) * core.tone >= 0))
  const [from, to] = core.weeks ?? scenario.weeks
  const collectedVia = chance(random, PUBLIC_FORM_SHARE) ? 'public_form' : 'import_csv'
  const tone = core.tone + (opener.tone ?? 0) + (closer.tone ?? 0)
  const noFft = collectedVia === 'public_form' && chance(random, NO_FFT_SHARE)
  const fft = fftFor(random, tone)
  let text = compose(opener, core, closer)
  if (collectedVia === 'public_form' && chance(random, CASUAL_SHARE)) text = text.toLowerCase().replace(/[.]$/, '')
  return {
    key: '',
    event: null,
    source: 'patient',
    collectedVia,
    date: dateInWeeks(random, weeks, from, to),
    site: pickWeighted(random, core.sites ?? scenario.sites),
    groups: drawGroups(random, { ...scenario.groups, ...core.groups }),
    fft: noFft ? null : fft,
    tags: [],
    layout: 'comment',
    parts: [{ text, themes: uniquePaths([...core.themes, ...(opener.themes ?? []), ...(closer.themes ?? [])]) }],
  }
}

/** Opening, core and closing as one comment; the core loses its capital after an unfinished opening. */
export function compose(opener: Addition, core: Phrase, closer: Addition): string {
  const body = opener.text === '' || /[.!?:] $/.test(opener.text) ? opener.text + core.text : opener.text + decapitalise(core.text)
  return body + closer.text
}

function decapitalise(text: string): string {
  return /^(?:I\b|[A-Z]{2,}\b)/.test(text) ? text : text.charAt(0).toLowerCase() + text.slice(1)
}

/**
 * An FFT answer (1 very good … 5 very poor, 6 don't know) that matches a tone from −2 to +2,
 * with some spread, as people's answers and words never line up exactly.
 */
export function fftFor(random: Random, tone: number): FftScore {
  const u = random.next()
  if (tone >= 1.5) return u < 0.75 ? 1 : 2
  if (tone >= 0.5) return u < 0.6 ? 2 : u < 0.85 ? 1 : 3
  if (tone > -0.5) return u < 0.5 ? 3 : u < 0.7 ? 2 : u < 0.9 ? 4 : 6
  if (tone > -1.25) return u < 0.65 ? 4 : u < 0.85 ? 3 : 5
  return u < 0.65 ? 5 : 4
}

