import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { cosine, fitTfidf, smoothedIdf, tfidfVector } from './tfidf.ts'
import { stem, tokenise } from './tokenise.ts'

describe('tokenise', () => {
  it.each([
    ['The nurses were lovely', ['nurse', 'lovely']],
    ["The nurses weren't rude to [NAME]", ['nurse', 'rude']],
    ["I didn't wait long, the queue's fine", ['wait', 'long', 'queue', 'fine']],
    ['Thanks [NAME], call me on [PHONE] about [NHS_NUMBER]', ['thank', 'call']],
    ['Parking: £5 per hour!!! A&E was 4 hours', ['parking', 'per', 'hour', 'hour']],
    ['NHS 111 said go to A & E', ['nhs', '111']],
    ['Café staff were brilliant', ['café', 'staff', 'brilliant']],
    ['', []],
  ])('%j → %j', (text, words) => {
    expect(tokenise(text)).toEqual(words)
  })

  it('keeps plurals with stem: false', () => {
    expect(tokenise('The nurses were lovely', { stem: false })).toEqual(['nurses', 'lovely'])
  })

  it('drops only upper-case bracketed placeholders', () => {
    expect(tokenise('[NAME] [sic]')).toEqual(['sic'])
  })
})

describe('stem (Harman S stemmer)', () => {
  it.each([
    ['queries', 'query'], ['policies', 'policy'], ['nurses', 'nurse'], ['queues', 'queue'], ['appointments', 'appointment'],
    ['hours', 'hour'], ['glass', 'glass'], ['virus', 'virus'], ['diagnosis', 'diagnosis'], ['toes', 'toes'], ['bus', 'bus'],
    ['gas', 'gas'], ['trees', 'trees'], ['waiting', 'waiting'],
  ])('%s → %s', (word, stemmed) => {
    expect(stem(word)).toBe(stemmed)
  })
})

describe('fitTfidf', () => {
  // Three texts, by hand: N = 3. "wait" is in texts 1 and 2 (df 2), "long" in 1, "parking" in 2 and 3, "expensive" in 3.
  // idf(df = 1) = ln(4/2) + 1 = 1.693147; idf(df = 2) = ln(4/3) + 1 = 1.287682.
  const texts = ['long wait', 'wait for parking', 'parking expensive expensive']
  const { model, vectors } = fitTfidf(texts)

  it('has a sorted vocabulary and the smoothed idf', () => {
    expect(model.terms).toEqual(['expensive', 'long', 'parking', 'wait'])
    expect([...model.idf].map((x) => x.toFixed(6))).toEqual(['1.693147', '1.693147', '1.287682', '1.287682'])
    expect(smoothedIdf(3, 0)).toBeCloseTo(Math.log(4) + 1, 12)
  })

  it('weights by sublinear tf × idf, scaled to unit length', () => {
    // text 3: expensive tf 2 → (1 + ln 2) × 1.693147 = 2.866745; parking 1.287682; length 3.142681
    const v = vectors[2]
    expect([...(v?.indices ?? [])]).toEqual([0, 2])
    expect(v?.weights[0]).toBeCloseTo(2.866745 / 3.142681, 5)
    expect(v?.weights[1]).toBeCloseTo(1.287682 / 3.142681, 5)
  })

  it('uses raw tf with sublinear: false', () => {
    const raw = fitTfidf(texts, { sublinear: false }).vectors[2]
    expect((raw?.weights[0] ?? 0) / (raw?.weights[1] ?? 1)).toBeCloseTo((2 * 1.693147) / 1.287682, 5)
  })

  it('gives cosine 1 to the same words, 0 to no shared word', () => {
    const [a, b, c] = vectors
    if (a === undefined || b === undefined || c === undefined) throw new Error('three vectors expected')
    expect(cosine(a, a)).toBeCloseTo(1, 12)
    expect(cosine(a, c)).toBe(0)
    // a·b: only "wait"; a = (long 1.693147, wait 1.287682)/2.127171, b = (parking, wait) both 1.287682, /1.821052
    expect(cosine(a, b)).toBeCloseTo((1.287682 * 1.287682) / (2.127171 * 1.821052), 5)
  })

  it('lets unseen words lengthen a new vector without matching', () => {
    const seen = tfidfVector(model, 'parking')
    const unseenToo = tfidfVector(model, 'parking multistorey')
    const p = vectors[1] as (typeof vectors)[number]
    expect(cosine(seen, p)).toBeGreaterThan(cosine(unseenToo, p))
    expect(tfidfVector(model, 'the and of').indices.length).toBe(0)
    expect(cosine(tfidfVector(model, 'the'), p)).toBe(0)
  })

  it('does not depend on the order of the texts', () => {
    const reversed = fitTfidf([...texts].reverse())
    expect(reversed.model.terms).toEqual(model.terms)
    expect([...(reversed.vectors[0]?.weights ?? [])]).toEqual([...(vectors[2]?.weights ?? [])])
  })

  it('property: cosine is symmetric and within 0–1', () => {
    const word = fc.constantFrom('wait', 'parking', 'nurse', 'kind', 'rude', 'queue', 'food', 'cold', 'the', '[NAME]')
    const text = fc.array(word, { maxLength: 8 }).map((w) => w.join(' '))
    fc.assert(
      fc.property(fc.array(text, { minLength: 2, maxLength: 6 }), (corpus) => {
        const fitted = fitTfidf(corpus).vectors
        for (const a of fitted) for (const b of fitted) {
          const s = cosine(a, b)
          expect(s).toBeGreaterThanOrEqual(0)
          expect(s).toBeLessThanOrEqual(1 + 1e-12)
          expect(s).toBe(cosine(b, a))
        }
      }),
      { seed: 42, numRuns: 200 },
    )
  })
})
