import { describe, expect, it } from 'vitest'
import { createRandom } from '../../demo/random.ts'
import { proposeThemes } from './cluster.ts'
import { meanSilhouette, sphericalKMeans } from './spherical-k-means.ts'
import type { Excerpt } from './suggest.ts'
import { fitTfidf } from './tfidf.ts'

const TOPICS: Readonly<Record<string, readonly string[]>> = {
  parking: ['parking', 'car', 'park', 'space', 'machine', 'ticket', 'pay', 'barrier'],
  food: ['food', 'meal', 'tea', 'sandwich', 'menu', 'breakfast', 'hungry', 'cold'],
  waiting: ['waited', 'queue', 'delay', 'hours', 'late', 'slow', 'appointment', 'reception'],
}
const FILLER = ['hospital', 'today', 'visit', 'felt', 'mum', 'week']

/** 20 excerpts per topic (ids 1–20 parking, 21–40 food, 41–60 waiting): three words of the topic and one filler. */
function threeTopics(seed: number): { excerpts: Excerpt[]; topicOf: Map<number, string> } {
  const random = createRandom(seed)
  const excerpts: Excerpt[] = []
  const topicOf = new Map<number, string>()
  for (const [topic, words] of Object.entries(TOPICS)) {
    for (let i = 0; i < 20; i++) {
      const id = excerpts.length + 1
      const filler = FILLER[Math.floor(random.next() * FILLER.length)] as string
      excerpts.push({ id, text: `The ${random.shuffle(words).slice(0, 3).join(' and ')} ${filler}` })
      topicOf.set(id, topic)
    }
  }
  return { excerpts: random.shuffle(excerpts), topicOf }
}

describe('proposeThemes: three obvious topics', () => {
  const { excerpts, topicOf } = threeTopics(3)
  const proposal = proposeThemes(excerpts)

  it('chooses k = 3 by the best mean silhouette', () => {
    expect(proposal.k).toBe(3)
    expect(proposal.tried.map((t) => t.k)).toEqual([2, 3, 4, 5, 6, 7, 8])
    const best = Math.max(...proposal.tried.map((t) => t.silhouette))
    expect(proposal.silhouette).toBe(best)
  })

  it('finds each topic as one cluster of 20', () => {
    expect(proposal.themes.map((t) => t.size)).toEqual([20, 20, 20])
    for (const theme of proposal.themes) expect(new Set(theme.excerptIds.map((id) => topicOf.get(id))).size).toBe(1)
    expect(proposal.unclustered).toEqual([])
  })

  it('describes each cluster by five key terms of its topic and three quotes from it', () => {
    for (const theme of proposal.themes) {
      const topic = topicOf.get(theme.excerptIds[0] as number) as string
      expect(theme.keyTerms).toHaveLength(5)
      for (const { term } of theme.keyTerms) expect(TOPICS[topic]?.map((w) => w.replace(/s$/, ''))).toContain(term)
      expect(theme.quotes).toHaveLength(3)
      for (const quote of theme.quotes) expect(topicOf.get(quote.id)).toBe(topic)
      expect(theme.quotes.map((q) => q.similarity)).toEqual([...theme.quotes.map((q) => q.similarity)].sort((a, b) => b - a))
    }
  })

  it('is deterministic, and finds the same clusters here in another order', () => {
    expect(proposeThemes(excerpts)).toEqual(proposal)
    const reordered = proposeThemes([...excerpts].sort((a, b) => a.id - b.id))
    expect(reordered.themes.map((t) => t.excerptIds)).toEqual(proposal.themes.map((t) => t.excerptIds))
  })
})

describe('proposeThemes: edge cases', () => {
  it('proposes nothing below ten excerpts with content words (k capped at n / 5)', () => {
    const few = threeTopics(4).excerpts.slice(0, 9)
    expect(proposeThemes(few)).toEqual({ k: null, silhouette: null, tried: [], themes: [], unclustered: few.map((e) => e.id).sort((a, b) => a - b) })
  })

  it('leaves out excerpts of stop words or placeholders only, and clusters below the minimum size', () => {
    const { excerpts } = threeTopics(5)
    const empty = [{ id: 900, text: 'it was what it was' }, { id: 901, text: '[NAME] [PHONE]' }]
    const odd = [{ id: 950, text: 'pharmacy prescription' }, { id: 951, text: 'pharmacy prescription' }]
    const proposal = proposeThemes([...excerpts, ...empty, ...odd], { kMax: 4 })
    expect(proposal.unclustered).toEqual(expect.arrayContaining([900, 901]))
    for (const theme of proposal.themes) expect(theme.size).toBeGreaterThanOrEqual(3)
    expect(proposal.themes.flatMap((t) => t.excerptIds)).not.toContain(900)
  })

  it('proposes nothing for no excerpts', () => {
    expect(proposeThemes([])).toEqual({ k: null, silhouette: null, tried: [], themes: [], unclustered: [] })
  })

  it('refuses a bad k range', () => {
    expect(() => proposeThemes([], { kMin: 1 })).toThrow('invalid k range: 1–8')
    expect(() => proposeThemes([], { kMin: 5, kMax: 4 })).toThrow('invalid k range: 5–4')
  })
})

describe('spherical k-means and the silhouette', () => {
  it('gives silhouette 1 to two tight, disjoint groups', () => {
    const { model, vectors } = fitTfidf(['car park', 'car park', 'car park', 'cold tea', 'cold tea', 'cold tea'])
    const result = sphericalKMeans(vectors, model.terms.length, 2)
    expect(result).toBeDefined()
    const a = result?.assignments ?? new Int32Array(6)
    expect([a[0], a[1], a[2]].every((c) => c === a[0])).toBe(true)
    expect(a[3]).not.toBe(a[0])
    expect(meanSilhouette(vectors, a, 2, model.terms.length)).toBeCloseTo(1, 12)
  })

  it('gives up when fewer vectors differ than k', () => {
    const { model, vectors } = fitTfidf(['car park', 'car park', 'car park'])
    expect(sphericalKMeans(vectors, model.terms.length, 2)).toBeUndefined()
  })

  it('refuses k larger than the number of vectors', () => {
    expect(() => sphericalKMeans([], 0, 1)).toThrow('invalid k: 1 (expected a whole number from 1 to 0)')
  })
})
