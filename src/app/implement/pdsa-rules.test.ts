import { describe, expect, it } from 'vitest'
import { changeProblem, nextCycleNumber, startProblem, statusAfterChange, type CycleState } from './pdsa-rules.ts'

const cycle = (over: Partial<CycleState> = {}): CycleState => ({ number: 1, prediction: '20 more people seen', doNotes: '', act: null, startedOn: '2025-03-03', finishedOn: null, ...over })
const change = (c: CycleState, over: Partial<CycleState> = {}) => ({ prediction: c.prediction, doNotes: c.doNotes, act: c.act, startedOn: c.startedOn, finishedOn: c.finishedOn, ...over })

describe('PDSA rules', () => {
  it('numbers the next cycle after the highest', () => {
    expect(nextCycleNumber([])).toBe(1)
    expect(nextCycleNumber([{ number: 1 }, { number: 3 }, { number: 2 }])).toBe(4)
  })

  it('starts a new cycle only when the previous one has its act', () => {
    expect(startProblem([])).toBeUndefined()
    expect(startProblem([cycle({ act: 'adapt', finishedOn: '2025-03-31' })])).toBeUndefined()
    expect(startProblem([cycle({ act: 'adapt' }), cycle({ number: 2 })])).toEqual({ field: 'plan', message: 'Cycle 2 has no act yet: record whether to adopt, adapt or abandon the change before starting cycle 3.' })
  })

  it('lets the prediction change before what happened is recorded, never after (nor in the same change)', () => {
    const open = cycle()
    expect(changeProblem(open, change(open, { prediction: '25 more' }), true)).toBeUndefined()
    const done = cycle({ doNotes: 'Ran both clinics' })
    expect(changeProblem(done, change(done, { prediction: '25 more' }), true)?.field).toBe('prediction')
    expect(changeProblem(open, change(open, { prediction: '25 more', doNotes: 'Ran them' }), true)?.field).toBe('prediction')
    expect(changeProblem(done, change(done, { doNotes: 'Ran both clinics, one late' }), true)).toBeUndefined()
  })

  it('records the act with the day it finished, on the latest cycle only', () => {
    const open = cycle({ doNotes: 'x' })
    expect(changeProblem(open, change(open, { act: 'adopt' }), true)).toEqual({ field: 'finishedOn', message: 'Enter the date cycle 1 finished, to record its act.' })
    expect(changeProblem(open, change(open, { act: 'adopt', finishedOn: '2025-03-01' }), true)?.message).toContain('is before the date it started (2025-03-03)')
    expect(changeProblem(open, change(open, { act: 'adopt', finishedOn: '2025-03-03' }), true)).toBeUndefined()
    const acted = cycle({ act: 'adapt', finishedOn: '2025-03-31' })
    expect(changeProblem(acted, change(acted, { act: 'abandon' }), false)?.field).toBe('act')
    expect(changeProblem(acted, change(acted, { act: 'abandon' }), true)).toBeUndefined()
  })

  it('sets the action status from the act, and back to in progress without one', () => {
    expect(statusAfterChange({ act: 'adopt' })).toBe('adopted')
    expect(statusAfterChange({ act: 'adapt' })).toBe('adapted')
    expect(statusAfterChange({ act: 'abandon' })).toBe('abandoned')
    expect(statusAfterChange({ act: null })).toBe('in_progress')
  })
})
