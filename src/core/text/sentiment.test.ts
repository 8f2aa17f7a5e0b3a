import { describe, expect, it } from 'vitest'
import { sentiment, sentimentDistribution, type SentimentLabel } from './sentiment.ts'

describe('sentiment', () => {
  const cases: ReadonlyArray<readonly [string, number, SentimentLabel]> = [
    // plain words (AFINN-165 and the healthcare table)
    ['The nurse was lovely', 3, 'positive'],
    ['Excellent care, thank you!', 6, 'positive'],
    ['The receptionist was rude', -2, 'negative'],
    ['Ward was dirty', -2, 'negative'],
    ['I waited', -1, 'negative'],
    ['Caring staff', 2, 'positive'],
    ['I had an appointment on Tuesday', 0, 'neutral'],
    ['It felt like a conveyor belt', 0, 'neutral'],
    // negation: flipped and halved
    ['not bad', 1.5, 'positive'],
    ['not good', -1.5, 'negative'],
    ['never rude', 1, 'positive'],
    ['no problems', 1, 'positive'],
    ["The doctor didn't listen", -1, 'negative'],
    ['the doctor didnt listen', -1, 'negative'],
    ['The doctor didn’t listen', -1, 'negative'],
    ["wasn't helpful at all", -1, 'negative'],
    ["staff weren't rude or dismissive", 2, 'positive'],
    ['nobody cared', -1, 'negative'],
    ['nothing was too much trouble', 1, 'positive'],
    ['hardly helpful', -1, 'negative'],
    ['not at all rude', 1, 'positive'],
    ['no wait', 0.5, 'neutral'],
    // the window ends at punctuation and "but", and after three words
    ['not bad.', 1.5, 'positive'],
    ['No, the nurse was lovely', 3, 'positive'],
    ['not the kind of place I expected to be helpful', 2, 'positive'],
    ['not only kind but helpful', 4, 'positive'],
    // emphasis that looks like negation
    ["I can't thank them enough", 3, 'positive'],
    ["couldn't have been more helpful", 3, 'positive'],
    ["can't stand the parking", -3, 'negative'],
    ["Couldn't fault the care", 4, 'positive'],
    ['could not fault them', 3, 'positive'],
    ['They did not explain anything', -1, 'negative'],
    ['No complaints at all', 1, 'positive'],
    ['What kind of service is this?', 0, 'neutral'],
    // modifiers
    ['very rude', -3, 'negative'],
    ['really helpful', 3, 'positive'],
    ['so very kind', 4.5, 'positive'],
    ['extremely rude', -4, 'negative'],
    ['a bit rude', -1, 'negative'],
    ['slightly rude', -1, 'negative'],
    ['not very good', -2.25, 'negative'],
    ['very kind of them', 3, 'positive'],
    ['staff were super', 3, 'positive'],
    ['super friendly staff', 3, 'positive'],
    // "but": before halved, after ×1.5
    ['Waited 3 hours but the nurse was lovely', 4, 'positive'],
    ['The nurse was lovely but I waited 3 hours', 0, 'neutral'],
    ['Lovely staff. Waited but fine', 5.5, 'positive'],
    // emoji, emoticons, punctuation
    ['😊', 2, 'positive'],
    ['Terrible :(', -5, 'negative'],
    ['great :-)', 5, 'positive'],
    ['!!!???...', 0, 'neutral'],
    ['note:do this', 0, 'neutral'],
    // placeholders and case
    ['[NAME] was lovely', 3, 'positive'],
    ['LOVELY', 3, 'positive'],
    ['NOT GOOD', -1.5, 'negative'],
  ]

  it.each(cases)('%j scores %d (%s)', (text, score, label) => {
    const result = sentiment(text)
    expect(result.score).toBeCloseTo(score, 10)
    expect(result.label).toBe(label)
  })

  it('reads empty and blank text as neutral with no tokens', () => {
    expect(sentiment('')).toEqual({ score: 0, comparative: 0, label: 'neutral', tokens: 0 })
    expect(sentiment('  \n ')).toEqual({ score: 0, comparative: 0, label: 'neutral', tokens: 0 })
    expect(sentiment('[NAME] [PHONE]')).toEqual({ score: 0, comparative: 0, label: 'neutral', tokens: 0 })
  })

  it('counts words and emoji but not placeholders or punctuation', () => {
    expect(sentiment('[NAME] was lovely 😊!').tokens).toBe(3)
    expect(sentiment('a bit rude').tokens).toBe(3)
    expect(sentiment("can't stand it").tokens).toBe(3)
  })

  it('scales comparative to −1..1', () => {
    expect(sentiment('lovely').comparative).toBeCloseTo(0.6, 10)
    expect(sentiment('The nurse was lovely').comparative).toBeCloseTo(0.15, 10)
    expect(sentiment('extremely extremely outstanding').comparative).toBe(1)
    expect(sentiment('extremely extremely extremely awful').comparative).toBe(-1)
  })

  it('is case-insensitive and deterministic', () => {
    expect(sentiment('The Nurse Was VERY Kind')).toEqual(sentiment('the nurse was very kind'))
    expect(sentiment('Not bad at all')).toEqual(sentiment('Not bad at all'))
  })
})

describe('sentimentDistribution', () => {
  it('counts excerpts per label', () => {
    expect(sentimentDistribution(['lovely', 'rude', 'not bad', 'I came on Monday', '', 'waited'])).toEqual({
      negative: 2,
      neutral: 2,
      positive: 2,
      total: 6,
    })
  })

  it('is all zeros for no excerpts', () => {
    expect(sentimentDistribution([])).toEqual({ negative: 0, neutral: 0, positive: 0, total: 0 })
  })
})
