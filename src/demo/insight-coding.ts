/**
 * Who coded what: each record has a lead coder, who codes its excerpts as written (the themes each
 * part was written about); a quarter of the excerpts are coded again by a second analyst who, like
 * real coders, sometimes drops a theme, takes a neighbouring one, stops at the parent or adds one.
 * Tess and Quinn check each other (the pair the agreement page shows first); Tess second-codes
 * Rowan's interviews. The newest excerpts are left uncoded, for the machine's suggestions.
 */
import type { SourceType } from '../core/insight/model.ts'
import { CFIR_ROOT, CONFUSABLE, pathId, uniquePaths, type ThemePath } from './insight-codebook.ts'
import type { DemoCoder, DemoCoding } from './insight-data.ts'
import { chance, pick } from './insight-draw.ts'
import type { Random } from './random.ts'

/** Three synthetic analysts of Riverside's insight team. */
export const DEMO_CODERS: readonly DemoCoder[] = [
  { email: 'tess.theme@riverside.example', name: 'Tess Theme' },
  { email: 'quinn.quote@riverside.example', name: 'Quinn Quote' },
  { email: 'rowan.fieldnote@riverside.example', name: 'Rowan Fieldnote' },
]

/** What the coding needs to know of a record. */
export interface CodableRecord {
  readonly key: string
  readonly source: SourceType
  readonly date: string
  readonly parts: readonly { readonly themes: readonly ThemePath[] }[]
}

export interface CodingOptions {
  /** Share of all excerpts that a second coder codes too (drawn from the coded ones). */
  readonly doubleShare?: number
  /** How many of the newest comment and note excerpts are left uncoded. */
  readonly uncoded?: number
}

// How the second coder departs from the first: a fixed share of each theme's uses is not matched
// (dropped, swapped for a neighbour or coded at the parent), spread over random excerpts, so kappa
// lands near 0.7 for every common theme instead of wherever ~40 random draws take it; and a fixed
// share of excerpts gets one theme more.
const MISS_SHARE = 0.25
const ADD_SHARE = 0.25
const P_DROP = 0.35
const P_PARENT = 0.15

interface ExcerptRef {
  readonly record: CodableRecord
  readonly index: number
  readonly themes: readonly ThemePath[]
}

/** Every person's coding of `records` (in record order, then excerpt, lead coder first). */
export function codeRecords(random: Random, records: readonly CodableRecord[], options: CodingOptions = {}): DemoCoding[] {
  const { doubleShare = 0.25, uncoded = 15 } = options
  const [tess, quinn, rowan] = DEMO_CODERS as [DemoCoder, DemoCoder, DemoCoder]
  const lead = new Map(records.map((r) => [r.key, leadCoder(random, r.source, tess, quinn, rowan)]))
  const excerpts = records.flatMap((record) => record.parts.map((part, index): ExcerptRef => ({ record, index, themes: part.themes })))
  const left = new Set(newestComments(excerpts, uncoded))
  const coded = excerpts.filter((e) => !left.has(e))
  const doubled = new Set(random.shuffle(coded).slice(0, Math.round(doubleShare * excerpts.length)))
  const ledger = newLedger()
  return coded.flatMap((excerpt) => {
    const first = lead.get(excerpt.record.key) as DemoCoder
    const codings = excerpt.themes.map((theme) => coding(excerpt, theme, first))
    if (!doubled.has(excerpt)) return codings
    const second = first === tess ? quinn : tess
    return [...codings, ...secondOpinion(random, excerpt.themes, ledger).map((theme) => coding(excerpt, theme, second))]
  })
}

function coding(excerpt: ExcerptRef, theme: ThemePath, coder: DemoCoder): DemoCoding {
  return { record: excerpt.record.key, excerpt: excerpt.index, theme, coder: coder.email }
}

/** Comments and notes go to Tess or Quinn, staff notes to Quinn, events to Tess, interviews to Rowan. */
function leadCoder(random: Random, source: SourceType, tess: DemoCoder, quinn: DemoCoder, rowan: DemoCoder): DemoCoder {
  if (source === 'interview') return rowan
  if (source === 'staff') return quinn
  if (source === 'community') return tess
  return chance(random, 0.6) ? tess : quinn
}

/** The `count` newest excerpts of comments and notes (not events or interviews, coded as a whole). */
function newestComments(excerpts: readonly ExcerptRef[], count: number): ExcerptRef[] {
  const comments = excerpts.filter((e) => e.record.source === 'patient' || e.record.source === 'carer' || e.record.source === 'staff')
  const newestFirst = [...comments].sort((a, b) => b.record.date.localeCompare(a.record.date) || b.record.key.localeCompare(a.record.key) || b.index - a.index)
  return newestFirst.slice(0, count)
}

/** Counts of what the second coder has done so far, so each disagreement comes when its share is due. */
interface Ledger {
  readonly uses: Map<string, number>
  readonly misses: Map<string, number>
  excerpts: number
  additions: number
}

function newLedger(): Ledger {
  return { uses: new Map(), misses: new Map(), excerpts: 0, additions: 0 }
}

/** A second coder's themes for an excerpt the lead coded with `themes`. */
function secondOpinion(random: Random, themes: readonly ThemePath[], ledger: Ledger): ThemePath[] {
  const out: ThemePath[] = []
  for (const theme of themes) {
    const id = pathId(theme)
    const uses = (ledger.uses.get(id) ?? 0) + 1
    const misses = ledger.misses.get(id) ?? 0
    ledger.uses.set(id, uses)
    if (Math.round(MISS_SHARE * uses) <= misses) {
      out.push(theme)
      continue
    }
    ledger.misses.set(id, misses + 1)
    // A CFIR sub-construct may be coded at its construct, never a construct at its domain.
    const parentable = theme.length >= (theme[0] === CFIR_ROOT ? 4 : 2)
    const u = random.next()
    if (u < P_DROP && themes.length > 1) continue
    if (u < P_DROP + P_PARENT && parentable) out.push(theme.slice(0, -1))
    else out.push(pick(random, confusableWith(theme)))
  }
  ledger.excerpts += 1
  if (Math.round(ADD_SHARE * ledger.excerpts) > ledger.additions) {
    ledger.additions += 1
    out.push(pick(random, confusableWith(pick(random, themes))))
  }
  // Whoever codes an excerpt codes it with something.
  if (out.length === 0) out.push(pick(random, confusableWith(themes[0] as ThemePath)))
  return uniquePaths(out)
}

function confusableWith(theme: ThemePath): readonly ThemePath[] {
  const id = pathId(theme)
  const partners = CONFUSABLE.flatMap(([a, b]) => (pathId(a) === id ? [b] : pathId(b) === id ? [a] : []))
  return partners.length > 0 ? partners : [theme]
}

