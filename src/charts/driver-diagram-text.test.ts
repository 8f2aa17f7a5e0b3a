import { describe, expect, it } from 'vitest'
import { DRIVER_DIAGRAM_EXAMPLE } from './driver-diagram-fixtures.ts'
import { driverDiagramRows } from './driver-diagram-rows.ts'
import { describeDriverDiagram } from './driver-diagram-text.ts'
import type { DriverItem } from './driver-diagram-tree.ts'

const { input } = DRIVER_DIAGRAM_EXAMPLE
const text = describeDriverDiagram(input)
const item = (id: number, parentId: number | null, kind: DriverItem['kind'], title: string, measures: string[] = []): DriverItem => ({ id, parentId, kind, title, measures })

describe('describeDriverDiagram', () => {
  it('starts with the aim and the counts of each kind', () => {
    expect(text).toMatch(/^Aim: By March, raise the share .* least deprived fifths\. 4 primary drivers, 7 secondary drivers and 13 change ideas\. /)
  })

  it('names each primary driver’s secondary drivers and change ideas, those directly under it included', () => {
    expect(text).toContain(
      'People are found: 2 secondary drivers (Practice records are searched for raised readings with no diagnosis; Checks happen where people already are), ' +
        '4 change ideas (Monthly search and recall list for each practice; Stop postal-only invitations: text and phone first; ' +
        'Blood pressure checks at community venues (places of worship, markets, community centres); Pharmacy checks with a referral route back to the practice).',
    )
    expect(text).toContain(
      'People trust and understand the care offered: 1 secondary driver (Information comes in the languages people speak), 3 change ideas (Reminders in four languages; Interpreter booked with the appointment; Community champions help write the invitations).',
    )
  })

  it('lists each linked measure once with where it is linked', () => {
    expect(text).toMatch(/Linked measures: Blood pressure recorded in the last 12 months \(People are found; Monthly search and recall list for each practice\); .*Falls or fainting attendances \(Side effects are caught early; Lying and standing blood pressure for people over 75\)\.$/)
  })

  it('says what is missing, in the singular where there is one', () => {
    const sparse = describeDriverDiagram({
      aim: 'Fewer falls!',
      items: [item(1, null, 'primary', 'Safer wards'), item(2, null, 'primary', 'Stronger patients'), item(3, 2, 'change_idea', 'Exercise classes')],
    })
    expect(sparse).toBe(
      'Aim: Fewer falls! 2 primary drivers, no secondary drivers and 1 change idea. Safer wards: no secondary drivers or change ideas yet. Stronger patients: no secondary drivers, 1 change idea (Exercise classes).',
    )
  })

  it('says there are no drivers yet when there are no items', () => {
    expect(describeDriverDiagram({ aim: 'Halve waits', items: [] })).toBe('Aim: Halve waits. No drivers yet.')
  })
})

describe('driverDiagramRows', () => {
  const rows = driverDiagramRows(input)

  it('gives one row per item in diagram order', () => {
    expect(rows.map((r) => r.id)).toEqual(input.items.map((i) => i.id))
  })

  it('fills each row with its ancestors and leaves the columns to its right empty', () => {
    expect(rows[0]).toEqual({ id: 1, kind: 'primary', primary: 'People are found', secondary: null, changeIdea: null, measures: ['Blood pressure recorded in the last 12 months'] })
    expect(rows[1]).toEqual({ id: 11, kind: 'secondary', primary: 'People are found', secondary: 'Practice records are searched for raised readings with no diagnosis', changeIdea: null, measures: [] })
    expect(rows.find((r) => r.id === 211)).toEqual({
      id: 211,
      kind: 'change_idea',
      primary: 'Measuring is convenient',
      secondary: 'Readings can be taken at home',
      changeIdea: 'Home monitor loans with a prepaid return envelope',
      measures: ['Home blood-pressure monitors lent'],
    })
  })

  it('leaves the secondary empty for a change idea directly under a primary driver', () => {
    expect(rows.at(-1)).toEqual({ id: 42, kind: 'change_idea', primary: 'People trust and understand the care offered', secondary: null, changeIdea: 'Community champions help write the invitations', measures: [] })
  })

  it('is empty when there are no drivers', () => {
    expect(driverDiagramRows({ aim: 'Aim', items: [] })).toEqual([])
  })
})
