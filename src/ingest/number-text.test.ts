import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseNumberText } from './number-text.ts'

describe('parseNumberText', () => {
  it.each([
    ['12', 12],
    ['-0.5', -0.5],
    ['+3', 3],
    ['.25', 0.25],
    ['7.', 7],
    ['1e3', 1000],
    ['2.5E-2', 0.025],
  ])('reads %j as %d', (text, value) => {
    expect(parseNumberText(text)).toBe(value)
  })

  it.each(['', ' ', 'twelve', '0x1A', 'Infinity', 'NaN', '1,000', '35%', '1e400', '--1', '.', '1 2'])('rejects %j', (text) => {
    expect(parseNumberText(text)).toBeUndefined()
  })

  it('reads back every finite number as JavaScript writes it', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (value) => {
        expect(parseNumberText(String(value))).toBe(value === 0 ? 0 : value)
      }),
    )
  })
})
