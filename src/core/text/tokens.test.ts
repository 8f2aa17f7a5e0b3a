import { describe, expect, it } from 'vitest'
import { tokenize } from './tokens.ts'

describe('tokenize', () => {
  it('keeps offsets into the text, splits off a possessive and keeps inner apostrophes and hyphens', () => {
    const text = "Thanks to Sarah's team and O'Brien-Smith 😀 in A&E"
    const tokens = tokenize(text)
    for (const token of tokens) expect(text.slice(token.start, token.end)).toBe(token.text)
    expect(tokens.map((t) => t.text)).toEqual(['Thanks', 'to', 'Sarah', "'s", 'team', 'and', "O'Brien-Smith", '😀', 'in', 'A', '&', 'E'])
  })

  it('keeps an email address or a link as one token', () => {
    const tokens = tokenize('thanks sarah jo@example.com see www.nhs.uk/conditions.')
    expect(tokens.map((t) => [t.text, t.kind])).toEqual([
      ['thanks', 'word'],
      ['sarah', 'word'],
      ['jo@example.com', 'link'],
      ['see', 'word'],
      ['www.nhs.uk/conditions.', 'link'],
    ])
  })

  it('gives each word its shape', () => {
    expect(tokenize('sarah Sarah SARAH J McDonald 12').map((t) => t.shape)).toEqual(['lower', 'title', 'upper', 'initial', 'title', 'other'])
  })

  it('marks sentence starts, but not after "Dr." or an initial', () => {
    const starts = tokenize('Seen today. Dr. Smith and J. Jones were kind!\nThanks').filter((t) => t.sentenceStart).map((t) => t.text)
    expect(starts).toEqual(['Seen', 'Dr', 'Thanks'])
  })

  it('marks a word after a newline', () => {
    const tokens = tokenize('Regards,\nPriya')
    expect(tokens.at(-1)).toMatchObject({ text: 'Priya', newlineBefore: true, sentenceStart: true })
  })

  it('keeps an ordinal as one number token, so that "21st." ends the sentence', () => {
    const tokens = tokenize('Booked until Tuesday 21st. Layla to call')
    expect(tokens.map((t) => t.text)).toEqual(['Booked', 'until', 'Tuesday', '21st', '.', 'Layla', 'to', 'call'])
    expect(tokens.find((t) => t.text === 'Layla')?.sentenceStart).toBe(true)
  })
})
