import { describe, expect, it } from 'vitest'
import { isNotName, isOrdinaryWord, isTypoOfKnownWord } from './name-words.ts'

describe('isOrdinaryWord', () => {
  it.each(['back', 'lives', 'phoned', 'thinks', 'station', 'ramipril', 'bisoprolol', 'optometrist', 'colitis', 'reassurance', 'didnt', 'whenever'])(
    '%s is an ordinary word',
    (word) => {
      expect(isOrdinaryWord(word)).toBe(true)
    },
  )

  it.each(['tendai', 'farai', 'nomvula', 'okonjo', 'abdirahman', 'kazlauskas', 'oyelowo'])('%s is not', (word) => {
    expect(isOrdinaryWord(word)).toBe(false)
  })

  it('counts "-ing" as a name ending only when asked', () => {
    expect(isOrdinaryWord('xiuying')).toBe(true)
    expect(isOrdinaryWord('xiuying', true)).toBe(false)
    expect(isNotName('xiuying', true)).toBe(false)
    expect(isOrdinaryWord('morning', true)).toBe(true)
  })
})

describe('isTypoOfKnownWord', () => {
  it.each(['siad', 'tlod', 'woould', 'wrd', 'clinc', 'explainde', 'waard'])('%s is a slip on an ordinary word', (word) => {
    expect(isTypoOfKnownWord(word)).toBe(true)
  })

  it.each(['tendai', 'farai', 'amina', 'okonjo', 'nomvula', 'siobhan'])('%s is not', (word) => {
    expect(isTypoOfKnownWord(word)).toBe(false)
  })
})
