import { describe, expect, it } from 'vitest'
import { findDatesOfBirth } from './date-of-birth.ts'
import { findDates } from './dates.ts'

const found = (text: string) => findDatesOfBirth(text).map((e) => text.slice(e.start, e.end))

describe('findDates', () => {
  it.each([
    ['12/03/1956', '12/03/1956'],
    ['on 12-3-56 at', '12-3-56'],
    ['1956-03-12', '1956-03-12'],
    ['3rd of March 1956', '3rd of March 1956'],
    ['March 12th, 1956', 'March 12th, 1956'],
    ['seen on 3 March.', '3 March'],
    ['3 Mar. 1956', '3 Mar. 1956'],
    ['since June 2019', 'June 2019'],
  ])('finds the date in %j', (text, date) => {
    expect(findDates(text).map((d) => text.slice(d.start, d.end))).toEqual([date])
  })

  it.each(['born in 1956', '10:30', '32/13/1956', '10 mg', '2 weeks', '3/4'])('finds no date in %j', (text) => {
    expect(findDates(text)).toEqual([])
  })
})

describe('findDatesOfBirth', () => {
  it.each([
    ['I was born on 12/03/1956.', '12/03/1956'],
    ['DOB: 12.03.56', '12.03.56'],
    ['D.O.B. 3rd of March 1956', '3rd of March 1956'],
    ['date of birth 1956-03-12', '1956-03-12'],
    ['Born: March 12th, 1956', 'March 12th, 1956'],
    ['born March 1956', 'March 1956'],
    ["my dad's birthday is 4 July", '4 July'],
    ['12/03/1956 (DOB)', '12/03/1956'],
    ['dob 12 03 1956', '12 03 1956'],
  ])('finds the date of birth in %j', (text, date) => {
    expect(found(text)).toEqual([date])
  })

  it('takes only the first date after the birth word, not later dates', () => {
    expect(found('I was born on 12/03/1956 and seen on 3 March.')).toEqual(['12/03/1956'])
  })

  it.each([
    'seen on 3 March',
    'my appointment is on 12/03/2024',
    'born in 1956',
    'Born. Then on 3 March I went in',
    'born and raised here, admitted on 3 March 2024 after a long wait of many days',
    'at 10:30 on 3/4',
  ])('finds no date of birth in %j', (text) => {
    expect(found(text)).toEqual([])
  })
})
