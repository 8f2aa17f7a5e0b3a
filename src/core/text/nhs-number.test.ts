import { describe, expect, it } from 'vitest'
import { findNhsNumbers, isValidNhsNumber } from './nhs-number.ts'

const found = (text: string) => findNhsNumbers(text).map((e) => text.slice(e.start, e.end))

describe('isValidNhsNumber (Modulus 11)', () => {
  it.each(['9990000018', '999 000 0026', '943 476 5919', '999-000-0018'])('%s passes', (value) => {
    expect(isValidNhsNumber(value)).toBe(true)
  })

  it.each([
    ['9876544321', 'fails the check digit'],
    ['9990000019', 'wrong check digit'],
    ['0000000000', 'repeated digit'],
    ['4444444444', 'repeated digit (passes the arithmetic)'],
    ['999000001', 'nine digits'],
    ['99900000181', 'eleven digits'],
    ['abc0000018', 'letters'],
  ])('%s fails (%s)', (value) => {
    expect(isValidNhsNumber(value)).toBe(false)
  })

  it('rejects a number whose check digit would be 10', () => {
    // 1000000010: weights give 10·1 + 2·1 = 12, 12 mod 11 = 1, 11 − 1 = 10 → invalid.
    expect(isValidNhsNumber('1000000010')).toBe(false)
  })
})

describe('findNhsNumbers', () => {
  it('finds the reserved test numbers in the usual spacings', () => {
    expect(found('NHS 999 000 0018, also 9990000026 and 999-000-0018.')).toEqual(['999 000 0018', '9990000026', '999-000-0018'])
  })

  it('finds a valid number with no context at all', () => {
    expect(found('ref: none. 943 476 5919')).toEqual(['943 476 5919'])
    expect(found('it was 943 476 5919 I think')).toEqual(['943 476 5919'])
  })

  it('leaves a number that fails the check alone without context (987 654 4321)', () => {
    expect(found('I think it was 987 654 4321 or so')).toEqual([])
  })

  it('favours recall beside "NHS" or "number": a mistyped or repeated-digit number is still taken', () => {
    expect(found('my NHS number is 987 654 4321')).toEqual(['987 654 4321'])
    expect(found('NHS no. 0000000000')).toEqual(['0000000000'])
    expect(found('patient number: 4444444444')).toEqual(['4444444444'])
  })

  it('leaves runs starting with 0 to the phone detector unless "NHS" is beside them', () => {
    expect(found('call 0123456789 today')).toEqual([])
    expect(found('NHS number 0123456789')).toEqual(['0123456789'])
  })

  it('finds a number right after a label or inside brackets', () => {
    expect(found('NHS:9990000018 NHS#999-000-0026 (NHS 999 000 0018)')).toEqual(['9990000018', '999-000-0026', '999 000 0018'])
  })

  it('takes a number with other numbers beside it', () => {
    expect(found('9990000026 12 Oak Road')).toEqual(['9990000026'])
    expect(found('999 000 0018 5 days ago')).toEqual(['999 000 0018'])
    expect(found('born 12/03/1956 999 000 0018')).toEqual(['999 000 0018'])
    expect(found('9990000026 999 000 0018')).toEqual(['9990000026', '999 000 0018'])
  })

  it('ignores longer digit runs, amounts and decimals', () => {
    expect(found('9990000018123')).toEqual([])
    expect(found('£9990000018')).toEqual([])
    expect(found('1.9990000018')).toEqual([])
    expect(found('+9990000018')).toEqual([])
  })

  it('reads context words whole: a word cut by the edge of the 40-character window is not context', () => {
    // 41 characters before the number, "NUMBER]" would start the window and read as "number".
    const text = '[NHS_NUMBER] is what I saw on the blue form: 987 654 4321'
    expect(found(text)).toEqual([])
    expect(found('my nhs number: 987 654 4321')).toEqual(['987 654 4321'])
  })

  it.each(['Ward 10', '10 mg', 'NHS 111', 'call 111', '999', '10:30', 'Room 12, Bed 4', '2 weeks', '£20', '07700 900123', '01632 960123'])(
    'finds nothing in %j',
    (text) => {
      expect(found(text)).toEqual([])
    },
  )
})
