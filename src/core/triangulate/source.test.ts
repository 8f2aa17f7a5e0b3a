import { describe, expect, it } from 'vitest'
import { SOURCE_TYPES } from '../insight/model.ts'
import { qualitativeSourceOf } from './source.ts'

describe('qualitativeSourceOf', () => {
  it('maps patients and carers to patients, community to community, staff and interviews to staff', () => {
    expect(Object.fromEntries(SOURCE_TYPES.map((t) => [t, qualitativeSourceOf(t)]))).toEqual({ patient: 'patients', carer: 'patients', community: 'community', staff: 'staff', interview: 'staff' })
  })
})
