import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { PLACEHOLDERS } from './entity.ts'
import { redact } from './redact.ts'

// Texts built from pieces that trigger every detector, glued by noise that includes emoji,
// surrogate pairs, newlines and punctuation.
const piece = fc.constantFrom(
  'Dr Smith', 'Nurse Amina', 'thanks sarah', 'Regards, Priya', '999 000 0018', '9990000026', '987 654 4321',
  '07700 900123', '+44 (0)1632 960123', 'LS1 4AB', 'jo@example.com', 'AB 12 34 56 C', 'born 12/03/1956',
  '12 Oak Road, Leeds', 'Flat 3', 'Ward 10', '10 mg', 'NHS 111', 'A&E', '10:30', '£20', 'Will', 'May', 'Grace',
  '😀', '👍🏽', '\n', ', ', '. ', ' - ', ' ', 'and', 'the', "'s",
)
const text = fc.oneof(fc.array(piece, { maxLength: 30 }).map((pieces) => pieces.join(' ')), fc.string({ unit: 'grapheme', maxLength: 200 }))

describe('redact properties', () => {
  it('entities lie inside the text, sorted and not overlapping, and the redacted text is rebuilt from them', () => {
    fc.assert(
      fc.property(text, (original) => {
        const { text: redacted, entities } = redact(original)
        let rebuilt = ''
        let from = 0
        for (const entity of entities) {
          expect(entity.start).toBeGreaterThanOrEqual(from)
          expect(entity.end).toBeGreaterThan(entity.start)
          expect(entity.end).toBeLessThanOrEqual(original.length)
          rebuilt += original.slice(from, entity.start) + PLACEHOLDERS[entity.type]
          from = entity.end
        }
        expect(rebuilt + original.slice(from)).toBe(redacted)
      }),
      { seed: 20261126, numRuns: 500 },
    )
  })

  it('never splits a surrogate pair', () => {
    fc.assert(
      fc.property(text, (original) => {
        for (const { start, end } of redact(original).entities) {
          for (const offset of [start, end]) {
            const code = original.charCodeAt(offset)
            expect(code >= 0xdc00 && code <= 0xdfff).toBe(false)
          }
        }
      }),
      { seed: 20261126, numRuns: 500 },
    )
  })

  it('redacting twice changes nothing more', () => {
    fc.assert(
      fc.property(text, (original) => {
        const once = redact(original).text
        expect(redact(once).text).toBe(once)
      }),
      { seed: 20261126, numRuns: 300 },
    )
  })
})
