import { describe, expect, it } from 'vitest'
import { funnelPosition, funnelSignal } from './funnel-position.ts'

describe('funnelPosition', () => {
  it('is strict: a value exactly on a limit is within', () => {
    expect(funnelPosition(2, 1, 2)).toBe('within')
    expect(funnelPosition(1, 1, 2)).toBe('within')
    expect(funnelPosition(2.0001, 1, 2)).toBe('above')
    expect(funnelPosition(0.9999, 1, 2)).toBe('below')
  })
})

describe('funnelSignal', () => {
  it.each([
    { position: 'above', direction: 'increase', signal: 'possible excellence' },
    { position: 'below', direction: 'increase', signal: 'possible concern' },
    { position: 'above', direction: 'decrease', signal: 'possible concern' },
    { position: 'below', direction: 'decrease', signal: 'possible excellence' },
    { position: 'above', direction: 'neutral', signal: 'higher than expected' },
    { position: 'below', direction: 'neutral', signal: 'lower than expected' },
    { position: 'within', direction: 'increase', signal: null },
  ] as const)('$position, $direction → $signal', ({ position, direction, signal }) => {
    expect(funnelSignal(position, direction)).toBe(signal)
  })
})
