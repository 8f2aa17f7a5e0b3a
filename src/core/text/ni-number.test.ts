import { describe, expect, it } from 'vitest'
import { findNiNumbers } from './ni-number.ts'

const found = (text: string) => findNiNumbers(text).map((e) => text.slice(e.start, e.end))

describe('findNiNumbers', () => {
  it.each(['AB 12 34 56 C', 'AB123456C', 'ab123456c', 'JK-12-34-56-D', 'CE 65 43 21 A'])('finds %s', (number) => {
    expect(found(`it is ${number}.`)).toEqual([number])
  })

  it('takes a number without suffix or with an unissued prefix only beside "NI" or "national insurance"', () => {
    expect(found('AB123456')).toEqual([])
    expect(found('my NI no is AB123456')).toEqual(['AB123456'])
    expect(found('QQ123456C')).toEqual([])
    expect(found('National Insurance: QQ 12 34 56 C')).toEqual(['QQ 12 34 56 C'])
  })

  it.each(['GB123456A', 'BG 12 34 56 A', 'DA123456A', 'room AB 12 34 56', 'Ward 10', '10 mg', 'AB1234567C'])('finds nothing in %j', (text) => {
    expect(found(text)).toEqual([])
  })
})
