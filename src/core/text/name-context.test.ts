import { describe, expect, it } from 'vitest'
import { nameContext } from './name-context.ts'
import { tokenize } from './tokens.ts'

const informative = (text: string) => nameContext(tokenize(text)).caseInformative

describe('nameContext: whether capitals say anything', () => {
  it.each([
    "Hi, I'm Rumbidzai Okonjo, 4 Elm Road, phone 0113 496 0000",
    'The Riverside Medical Centre was great and Dr Smith was kind',
    'Kudzai Okonjo, DOB 3/4/61, attended the clinic',
    'the wait was long but nurse farai was lovely',
  ])('capitals are informative in %j (names, streets and acronyms do not count)', (text) => {
    expect(informative(text)).toBe(true)
  })

  it.each(['Excellent Service From The Nurse Led Clinic', 'THANK YOU TO ALL THE STAFF ON THE WARD', 'Great Service. Staff Were Kind, Parking Was Bad'])(
    'capitals are not informative in %j',
    (text) => {
      expect(informative(text)).toBe(false)
    },
  )
})
