import { describe, expect, it } from 'vitest'
import { versionChanges, type ComparableVersion } from './version-changes.ts'

const first: ComparableVersion = {
  title: 'Offer evening clinics',
  rationale: 'People in work cannot come in the day.',
  optionChosen: 'Two evenings a week',
  optionsConsidered: ['Two evenings a week', 'Saturdays'],
  label: 'test_further',
  owner: 'lead@test.example',
  reviewDate: '2025-09-01',
  findings: [1, 2],
  lessons: [],
}

describe('versionChanges', () => {
  it('names nothing when nothing changed', () => {
    expect(versionChanges(first, { ...first, findings: [2, 1] })).toEqual([])
  })

  it('says what changed field by field, in plain words, and which findings and lessons came and went', () => {
    const changes = versionChanges(first, { ...first, label: 'standardise', reviewDate: null, owner: null, optionsConsidered: [], findings: [2, 3], lessons: [9] })
    expect(changes).toEqual([
      { kind: 'text', field: 'optionsConsidered', label: 'Options considered', before: 'Two evenings a week; Saturdays', after: 'none listed' },
      { kind: 'text', field: 'label', label: 'Label', before: 'Test further', after: 'Standardise across sites' },
      { kind: 'text', field: 'owner', label: 'Owner', before: 'lead@test.example', after: 'nobody' },
      { kind: 'text', field: 'reviewDate', label: 'Review date', before: '2025-09-01', after: 'none' },
      { kind: 'ids', field: 'findings', label: 'Findings it rests on', added: [3], removed: [1] },
      { kind: 'ids', field: 'lessons', label: 'Lessons it draws on', added: [9], removed: [] },
    ])
  })

  it('treats every field of a first version as new', () => {
    const changes = versionChanges(undefined, first)
    expect(changes.map((c) => c.field)).toEqual(['title', 'rationale', 'optionsConsidered', 'optionChosen', 'label', 'owner', 'reviewDate', 'findings'])
  })
})
