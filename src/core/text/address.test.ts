import { describe, expect, it } from 'vitest'
import { findAddresses } from './address.ts'

const found = (text: string) => findAddresses(text).map((e) => text.slice(e.start, e.end))
const typed = (text: string) => findAddresses(text).map((e) => [e.type, text.slice(e.start, e.end)])

describe('findAddresses', () => {
  it.each([
    ['I live at 12 Acacia Avenue, Leeds, LS1 4AB and like it', '12 Acacia Avenue, Leeds'],
    ['12 High Street Leeds LS1 4AB', '12 High Street Leeds'],
    ['221B Baker Street, London NW1 6XE. Great', '221B Baker Street, London'],
    ['12 Oak Road, Leeds, West Yorkshire, LS1 4AB!', '12 Oak Road, Leeds, West Yorkshire'],
    ['12 oak road, leeds ls1 4ab', '12 oak road, leeds'],
    ['5 Church Close was lovely', '5 Church Close'],
    ['at 14 St Johns Road, Bristol', '14 St Johns Road, Bristol'],
    ['12a Station Rd. is near', '12a Station Rd.'],
    ['I live on Acacia Avenue.', 'Acacia Avenue'],
    ['Flat 3 is cold', 'Flat 3'],
  ])('finds the address in %j', (text, address) => {
    const spans = found(text)
    expect(spans[0]).toBe(address)
  })

  it('finds "Flat 3, 7 Mill Lane" whole (and "Flat 3" inside it, which the redactor drops)', () => {
    expect(found('flat 3, 7 mill lane')).toEqual(['flat 3, 7 mill lane', 'flat 3'])
  })

  it('does not take a town without a comma or postcode, or words after the street', () => {
    expect(found('12 Oak Road Leeds was nice')).toEqual(['12 Oak Road'])
    expect(found('12 High Street, went home')).toEqual(['12 High Street'])
    expect(found('12 Oak Road, The staff were kind')).toEqual(['12 Oak Road'])
  })

  it.each([
    'Ward 10, 10 mg, Room 12, Bed 4, 2 weeks, £20',
    '2 very close friends',
    'We went to the High Street',
    '10 St Mary Hospital',
    '3 times a day',
    'walked 3 miles up the hill',
    'It is 10 minutes walk',
    'the 2 main roads',
    'a 5 way split',
    'Nurse led clinic on Sister ward',
    'we had 2 long walks and 3 near misses',
    'came 2 green cards',
  ])('finds nothing in %j', (text) => {
    expect(found(text)).toEqual([])
  })
})

describe('findAddresses: the postcode after an address is its own entity', () => {
  it.each([
    ['12 Acacia Avenue, Leeds, LS1 4AB', [['address', '12 Acacia Avenue, Leeds'], ['postcode', 'LS1 4AB']]],
    ['send it to 9 Quarry Road ls12ab please', [['address', '9 Quarry Road'], ['postcode', 'ls12ab']]],
    ['4 Elm Way, Otley, zy99 9zz', [['address', '4 Elm Way, Otley'], ['postcode', 'zy99 9zz']]],
    ['flat 2, 3 dock street, hull hu19zz', [['address', 'flat 2, 3 dock street, hull'], ['postcode', 'hu19zz'], ['address', 'flat 2']]],
    // After a street, a lower-case inward code that reads like an ordinal is still the postcode.
    ['7 Kiln Lane, a1 2nd', [['address', '7 Kiln Lane'], ['postcode', 'a1 2nd']]],
  ])('%j', (text, entities) => {
    expect(typed(text)).toEqual(entities)
  })
})

describe('findAddresses: lower case, a comma after the number, and ordinary street words', () => {
  it.each([
    ['i live at 27, maple close and it is quiet', '27, maple close'],
    ['we moved to 31 ivy court last month', '31 ivy court'],
    ['the meeting is at 8 lark place, upstairs', '8 lark place'],
    ['home visit to 15 otter walk ne4 5bx today', '15 otter walk'],
    ['drop it at 3a birch row please', '3a birch row'],
    ['5 copper place, Harrogate', '5 copper place, Harrogate'],
    // No cue, town or postcode, but the street-name words are not ordinary English words.
    ["hi, i'm jo, 178 rowan close, phone 0113 496 0000", '178 rowan close'],
  ])('finds the address in %j', (text, address) => {
    expect(found(text)[0]).toBe(address)
  })

  it.each(['it was 2 very close calls', 'a 5 way split', 'scored 3 own goals', 'we sat 2 rows back', 'I came 3rd place', 'only 2 car park spaces left'])('finds nothing in %j', (text) => {
    expect(found(text)).toEqual([])
  })
})

describe('findAddresses: flat, building and street as one address', () => {
  it.each([
    ['Visit to Flat 4, Heron House, Mill Walk was late', 'Flat 4, Heron House, Mill Walk'],
    ['i live at flat 12, osprey court, canal street', 'flat 12, osprey court, canal street'],
    ['Apartment 3, Linden Lodge, Bay View, Scarborough', 'Apartment 3, Linden Lodge, Bay View, Scarborough'],
    ['Flat 7, Copper Mill, 2 Weir Road', 'Flat 7, Copper Mill, 2 Weir Road'],
    ['Flat 9, Beacon Tower is on the left', 'Flat 9, Beacon Tower'],
    ['Visit to Flat 1, The Maltings, Canal Walk at 10', 'Flat 1, The Maltings, Canal Walk'],
    ['Flat 2 Otter House Quay Walk was late', 'Flat 2 Otter House Quay Walk'],
  ])('finds %j', (text, address) => {
    expect(found(text)[0]).toBe(address)
  })
})
