/**
 * A small, fixed context for the insight reader tests (two sites, a fixed today), and the rules every
 * insight a reader returns must keep, checked independently of the readers.
 */
import { COLLECTION_METHODS, SOURCE_TYPES } from '../core/insight/model.ts'
import type { InsightInput } from '../core/insight/model.ts'
import type { InsightFileOptions } from './insight-fields.ts'

export const INSIGHT_TODAY = '2025-06-01'

export function insightTestOptions(file = 'insight.csv', extra: Partial<InsightFileOptions> = {}): InsightFileOptions {
  return { file, sites: new Set(['A81001', 'A81002']), today: INSIGHT_TODAY, ...extra }
}

export const INSIGHT_HEADER = 'text,date,site,source,fft,age_band,ethnicity,sex,imd_quintile,tags'

/** A CSV file of the full header and `rows`, with LF line ends and a final line end. */
export function insightCsv(...rows: string[]): string {
  return [INSIGHT_HEADER, ...rows].map((line) => `${line}\n`).join('')
}

// eslint-disable-next-line no-control-regex -- control characters are what is being looked for
const UNSTORABLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/
const GROUP_KEYS = new Set(['age_band', 'ethnicity', 'sex', 'imd_quintile'])

/** A real calendar date written YYYY-MM-DD (checked with `Date`, not src/core/period.ts). */
function isRealDate(text: string): boolean {
  const date = new Date(`${text}T00:00:00Z`)
  return /^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text
}

function storedText(text: string, max: number): boolean {
  return text !== '' && text === text.trim() && [...text].length <= max && !UNSTORABLE.test(text)
}

/** What is wrong with `insight` as a reader's result (empty when nothing is): its text, date, site, groups, answer and tags. */
export function insightProblems(insight: InsightInput, options: InsightFileOptions, collectedVia: InsightInput['collectedVia']): string[] {
  const problems: string[] = []
  const check = (ok: boolean, problem: string): void => {
    if (!ok) problems.push(problem)
  }
  check((SOURCE_TYPES as readonly string[]).includes(insight.source), `source ${insight.source}`)
  check(insight.collectedVia === collectedVia && (COLLECTION_METHODS as readonly string[]).includes(collectedVia), `collectedVia ${insight.collectedVia}`)
  check(isRealDate(insight.date) && insight.date >= '2000-01-01' && insight.date <= options.today, `date ${insight.date}`)
  check(insight.site === null || options.sites.has(insight.site), `site ${insight.site}`)
  check(insight.fft === null || (Number.isInteger(insight.fft) && insight.fft >= 1 && insight.fft <= 6), `fft ${insight.fft}`)
  check(storedText(insight.text, 20_000), 'text not trimmed, empty, too long or unstorable')
  for (const [key, label] of Object.entries(insight.groups)) {
    check(GROUP_KEYS.has(key) && storedText(label, 200), `group ${key}`)
    if (key === 'imd_quintile') check(/^[1-5]$/.test(label), `imd_quintile ${label}`)
  }
  check(new Set(insight.tags).size === insight.tags.length, 'repeated tags')
  for (const tag of insight.tags) check(storedText(tag, 100) && !/[;,]/.test(tag), `tag ${JSON.stringify(tag)}`)
  return problems
}
