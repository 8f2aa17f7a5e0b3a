/**
 * The redactor (src/core/text) measured on the labelled synthetic set: per-type recall and precision
 * against the product's targets, on the seed used while building it (1) and on held-out seeds
 * (2 and 3 together, the same templates with other values), and how many identifiers stay even
 * partly visible. Per-seed figures: `npx tsx test/redaction/run-eval.ts src/core/text/index.ts redact --seed N`.
 */
import { describe, expect, it } from 'vitest'
import { redact } from '../../src/core/text/index.ts'
import { exposure } from './coverage.ts'
import { evaluate, formatReport, TARGETS, unmetTargets } from './evaluate.ts'
import { ENTITY_TYPES, labelledTexts } from './labelled-texts.ts'

describe('redactor quality on the labelled set', () => {
  const sets = [
    { name: 'the development seed (1, whose errors were read while the redactor was tuned)', texts: () => labelledTexts(1) },
    { name: 'the held-out seeds (2 and 3 together: same templates, other values; only their scores were read)', texts: () => [...labelledTexts(2), ...labelledTexts(3)] },
  ]
  for (const set of sets) {
    it(`meets the recall and precision targets on ${set.name}`, () => {
      const report = evaluate(redact, set.texts())
      expect(unmetTargets(report), formatReport(report)).toEqual([])
      for (const type of ENTITY_TYPES) expect(report.byType[type].precision, `${type} precision\n${formatReport(report)}`).toBeGreaterThanOrEqual(TARGETS.precision)
    })
  }

  it('leaves no NHS number, email, phone or postcode even partly visible, and at most 1 in 10 names', () => {
    const seen = exposure(labelledTexts(1), redact)
    for (const type of ['nhs_number', 'email', 'phone', 'postcode', 'ni_number', 'date_of_birth'] as const) expect(seen[type].exposed, type).toBe(0)
    expect(seen.name.hidden).toBeGreaterThanOrEqual(0.9)
    expect(seen.address.hidden).toBeGreaterThanOrEqual(0.9)
  })
})
