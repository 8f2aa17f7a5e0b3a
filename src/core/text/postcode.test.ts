import { describe, expect, it } from 'vitest'
import { findPostcodes, readsAsOrdinal } from './postcode.ts'

const found = (text: string) => findPostcodes(text).map((e) => text.slice(e.start, e.end))

describe('findPostcodes', () => {
  it.each(['SW1A 1AA', 'EC1A 1BB', 'W1A 0AX', 'M1 1AE', 'B33 8TH', 'CR2 6XH', 'DN55 1PT', 'LS1 4AB', 'PO16 7GZ', 'GIR 0AA'])('finds %s', (postcode) => {
    expect(found(`I live in ${postcode}.`)).toEqual([postcode])
  })

  it('finds postcodes typed in lower case or without the space', () => {
    expect(found('my postcode is ls6 2qb')).toEqual(['ls6 2qb'])
    expect(found('M11AE')).toEqual(['M11AE'])
    expect(found('sw1a1aa')).toEqual(['sw1a1aa'])
  })

  it.each(['yt31pa', 'BX5N2HU', 'dw7h 3aj', 'J8P6SW', 'zy99 9zz', 'u7 4lt'])('finds %s by its format, in an area that does not exist', (postcode) => {
    expect(found(`we are at ${postcode}, near the park`)).toEqual([postcode])
  })

  it('finds a lower-case postcode whose inward code is not a spaced ordinal before a word', () => {
    expect(found("We're at r74nd now")).toEqual(['r74nd'])
    expect(found('b2 5st')).toEqual(['b2 5st'])
    expect(found('we are at t45th and it is far')).toEqual(['t45th'])
    expect(found('we are at t4 5th, near the park')).toEqual(['t4 5th'])
    expect(found('my postcode is b2 3rd by the way')).toEqual(['b2 3rd'])
  })

  it.each([
    'vitamin B12 2mg',
    'A1 2nd floor',
    'block b2 3rd door',
    'Ward 10',
    '10 mg',
    'A&E',
    'covid-19 1st dose',
    'QA1 1AA',
    'AZ1 1AA',
    'A1I 1AA',
    'AB1C 1AA',
    'Room 12',
    'Bed 4',
    'NHS 111',
    'SW1A',
    '£20',
    'at 4pm',
  ])('finds nothing in %j', (text) => {
    expect(found(text)).toEqual([])
  })

  it('tells a spaced, correct lower-case ordinal from a postcode', () => {
    expect(readsAsOrdinal('a1 2nd')).toBe(true)
    expect(readsAsOrdinal('b12 3rd')).toBe(true)
    expect(readsAsOrdinal('b12 3th')).toBe(false)
    expect(readsAsOrdinal('k64nd')).toBe(false)
    expect(readsAsOrdinal('m111th')).toBe(false)
    expect(readsAsOrdinal('B33 8TH')).toBe(false)
  })
})
