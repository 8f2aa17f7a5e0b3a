import { describe, expect, it } from 'vitest'
import { findPhones } from './phone.ts'

const found = (text: string) => findPhones(text).map((e) => text.slice(e.start, e.end))

describe('findPhones', () => {
  it.each([
    '07700 900123',
    '07700900123',
    '07700 900 123',
    '+44 7700 900123',
    '+447700900123',
    '+44 (0)7700 900123',
    '0044 7700 900123',
    '01632 960123',
    '(01632) 960123',
    '0161 496 0000',
    '0161-496-0000',
    '020 7946 0000',
    '0113 496 0000',
    '0800 123 4567',
    '0300 123 1234',
    '+1 212 555 0100',
  ])('finds %s', (number) => {
    expect(found(`call me on ${number}, thanks`)).toEqual([number])
  })

  it('finds two numbers side by side', () => {
    expect(found('07700 900123 or 01632 960456')).toEqual(['07700 900123', '01632 960456'])
    expect(found('07700 900123 07700 900124')).toEqual(['07700 900123', '07700 900124'])
    expect(found('0 07700 900123')).toEqual(['07700 900123'])
    expect(found('07700 900123/07700 900124')).toEqual(['07700 900123', '07700 900124'])
  })

  it('finds numbers right after a label', () => {
    expect(found('Tel:07700900123, tel.01632 960123, Mob: 07700 900456')).toEqual(['07700900123', '01632 960123', '07700 900456'])
  })

  it('stops at the last digit group that makes a valid number', () => {
    expect(found('07700 900123 5 times')).toEqual(['07700 900123'])
  })

  it.each(['NHS 111', 'call 111', 'ring 999', '116 123', 'Ward 10', '10 mg', '10:30', '01/02/2020', '0.5 mg', '1.07700900123', 'at 10:07700 900123', '£0123456789', '2 weeks', 'Room 12', 'Bed 4', '3 March', '9990000018'])(
    'finds nothing in %j',
    (text) => {
      expect(found(text)).toEqual([])
    },
  )

  it('rejects UK numbers of the wrong length or prefix', () => {
    expect(found('0770 0900')).toEqual([])
    expect(found('07700 9001234 5')).toEqual([])
    expect(found('04700 900123')).toEqual([])
  })
})
