import { describe, expect, it } from 'vitest'
import type { ThemeSeed } from '../core/insight/model.ts'
import { CFIR_PATHS, CFIR_ROOT, pathId } from './insight-codebook.ts'
import type { DemoCoding } from './insight-data.ts'
import { generateDemoInsight } from './insight.ts'

const insight = generateDemoInsight()
const { records, codings, coders } = insight
const byKey = new Map(records.map((r) => [r.key, r]))
const [TESS, QUINN, ROWAN] = coders.map((c) => c.email) as [string, string, string]
const excerptId = (c: { record: string; excerpt: number }) => `${c.record}#${c.excerpt}`
const allExcerpts = records.flatMap((r) => r.excerpts.map((_, i) => excerptId({ record: r.key, excerpt: i })))

function inductivePaths(themes: readonly ThemeSeed[], parent: readonly string[] = []): string[] {
  return themes.flatMap((t) => [pathId([...parent, t.name]), ...inductivePaths(t.children ?? [], [...parent, t.name])])
}

/** Coder → themes applied, for each excerpt. */
function appliedByExcerpt(list: readonly DemoCoding[], as: (theme: readonly string[]) => string = pathId): Map<string, Map<string, Set<string>>> {
  const out = new Map<string, Map<string, Set<string>>>()
  for (const c of list) {
    const byCoder = out.get(excerptId(c)) ?? new Map<string, Set<string>>()
    byCoder.set(c.coder, (byCoder.get(c.coder) ?? new Set()).add(as(c.theme)))
    out.set(excerptId(c), byCoder)
  }
  return out
}

/**
 * Cohen's kappa for one theme between two coders over the excerpts both coded:
 * κ = (p_o − p_e) / (1 − p_e), p_e from each coder's share of "applied".
 * @see Cohen J. A coefficient of agreement for nominal scales. Educ Psychol Meas 1960;20(1):37–46.
 */
function kappa(theme: string, first: string, second: string, as?: (theme: readonly string[]) => string): { kappa: number; n: number; applied: number } {
  const both = [...appliedByExcerpt(codings, as).values()].filter((m) => m.has(first) && m.has(second))
  const n = both.length
  const a = both.filter((m) => m.get(first)!.has(theme)).length
  const b = both.filter((m) => m.get(second)!.has(theme)).length
  const agree = both.filter((m) => m.get(first)!.has(theme) === m.get(second)!.has(theme)).length
  const po = agree / n
  const pe = (a / n) * (b / n) + (1 - a / n) * (1 - b / n)
  return { kappa: (po - pe) / (1 - pe), n, applied: a + b }
}

describe('codings: where they point', () => {
  it('point to real records and excerpts, by known coders', () => {
    const emails = new Set(coders.map((c) => c.email))
    for (const c of codings) {
      const record = byKey.get(c.record)
      expect(record, c.record).toBeDefined()
      expect(c.excerpt, c.record).toBeGreaterThanOrEqual(0)
      expect(c.excerpt, c.record).toBeLessThan(record!.excerpts.length)
      expect(emails.has(c.coder), c.coder).toBe(true)
    }
  })

  it('use theme paths that exist: inductive ones in inductiveThemes, CFIR ones in CFIR_PATHS', () => {
    const inductive = new Set(inductivePaths(insight.inductiveThemes))
    const cfir = new Set(CFIR_PATHS.map(pathId))
    for (const c of codings) {
      const known = c.theme[0] === CFIR_ROOT ? cfir : inductive
      expect(known.has(pathId(c.theme)), c.theme.join(' / ')).toBe(true)
    }
  })

  it('never repeat an excerpt, theme and coder (one row each in storage)', () => {
    const rows = codings.map((c) => `${excerptId(c)}|${pathId(c.theme)}|${c.coder}`)
    expect(new Set(rows).size).toBe(rows.length)
  })

  it('code the interview summaries to CFIR 2.0 in all five domains', () => {
    const interviews = new Set(records.filter((r) => r.source === 'interview').map((r) => r.key))
    const cfir = codings.filter((c) => interviews.has(c.record) && c.theme[0] === CFIR_ROOT)
    expect(new Set(cfir.map((c) => c.theme[1]))).toEqual(new Set(['Innovation', 'Outer Setting', 'Inner Setting', 'Individuals', 'Implementation Process']))
    for (const key of interviews) {
      byKey.get(key)!.excerpts.forEach((_, i) => {
        expect(cfir.some((c) => c.record === key && c.excerpt === i && c.coder === ROWAN), `${key}#${i}`).toBe(true)
      })
    }
  })
})

describe('codings: coverage', () => {
  const coded = new Set(codings.map(excerptId))
  const uncoded = allExcerpts.filter((id) => !coded.has(id))

  it('leaves 15 excerpts uncoded: the newest comments and notes, for the machine to suggest on', () => {
    expect(uncoded).toHaveLength(15)
    for (const id of uncoded) expect(['patient', 'carer', 'staff']).toContain(byKey.get(id.split('#')[0]!)!.source)
    const cutoff = uncoded.map((id) => byKey.get(id.split('#')[0]!)!.date).sort()[0]!
    const newer = records.filter((r) => r.date > cutoff && r.source !== 'interview' && r.source !== 'community')
    expect(newer.length).toBeGreaterThan(5)
    expect(newer.every((r) => r.excerpts.every((_, i) => !coded.has(excerptId({ record: r.key, excerpt: i }))))).toBe(true)
  })

  it('codes every other excerpt, so every record older than those is coded', () => {
    const uncodedRecords = new Set(uncoded.map((id) => id.split('#')[0]))
    expect(records.filter((r) => !uncodedRecords.has(r.key)).every((r) => r.excerpts.every((_, i) => coded.has(excerptId({ record: r.key, excerpt: i }))))).toBe(true)
  })

  it('double-codes about a quarter of the excerpts, mostly Tess with Quinn', () => {
    const double = [...appliedByExcerpt(codings).values()].filter((m) => m.size >= 2)
    expect(double.length / allExcerpts.length).toBeGreaterThan(0.2)
    expect(double.length / allExcerpts.length).toBeLessThan(0.3)
    expect(double.every((m) => m.size === 2 && m.has(TESS))).toBe(true)
    expect(double.filter((m) => m.has(QUINN)).length).toBeGreaterThan(double.length / 2)
  })
})

describe('codings: agreement between Tess and Quinn', () => {
  it('reaches a realistic, imperfect kappa on "Cost and time off work" (0.6–0.8)', () => {
    const result = kappa(pathId(['Access', 'Cost and time off work']), TESS, QUINN)
    expect(result.n).toBeGreaterThanOrEqual(30)
    expect(result.applied).toBeGreaterThanOrEqual(10)
    expect(result.kappa).toBeGreaterThanOrEqual(0.6)
    expect(result.kappa).toBeLessThanOrEqual(0.8)
    expect(result.kappa.toFixed(2)).toMatchInlineSnapshot(`"0.78"`)
  })

  it('is neither perfect nor poor on any theme either applies often', () => {
    const themes = new Set(codings.map((c) => pathId(c.theme)))
    const common = [...themes].map((t) => ({ t, ...kappa(t, TESS, QUINN) })).filter((r) => r.applied >= 8)
    expect(common.length).toBeGreaterThanOrEqual(5)
    for (const row of common) {
      expect(row.kappa, row.t).toBeGreaterThanOrEqual(0.55)
      expect(row.kappa, row.t).toBeLessThan(0.9)
    }
  })
})
