/** The gallery's driver diagram: the demo programme's hypertension aim and drivers (src/charts/__gallery__). */
import type { DriverDiagramInput, DriverItem, DriverKind } from './driver-diagram-tree.ts'

const CONTROLLED = 'Blood pressure controlled to target'
const RECORDED = 'Blood pressure recorded in the last 12 months'
const MONITORS = 'Home blood-pressure monitors lent'
const COMMUNITY = 'Community checks leading to a referral'
const FAINTING = 'Falls or fainting attendances'
const ACCESS = 'Days to a routine GP appointment'

/** [id, parentId, kind, title, measures] in the order drawn. */
const ITEMS: readonly (readonly [number, number | null, DriverKind, string, readonly string[]])[] = [
  [1, null, 'primary', 'People are found', [RECORDED]],
  [11, 1, 'secondary', 'Practice records are searched for raised readings with no diagnosis', []],
  [111, 11, 'change_idea', 'Monthly search and recall list for each practice', [RECORDED]],
  [112, 11, 'change_idea', 'Stop postal-only invitations: text and phone first', []],
  [12, 1, 'secondary', 'Checks happen where people already are', [COMMUNITY]],
  [121, 12, 'change_idea', 'Blood pressure checks at community venues (places of worship, markets, community centres)', [COMMUNITY]],
  [122, 12, 'change_idea', 'Pharmacy checks with a referral route back to the practice', []],
  [2, null, 'primary', 'Measuring is convenient', []],
  [21, 2, 'secondary', 'Readings can be taken at home', [MONITORS]],
  [211, 21, 'change_idea', 'Home monitor loans with a prepaid return envelope', [MONITORS]],
  [212, 21, 'change_idea', 'Home readings sent in by text message', []],
  [22, 2, 'secondary', 'Appointments fit around work and caring', [ACCESS]],
  [221, 22, 'change_idea', 'Evening and Saturday clinics', []],
  [3, null, 'primary', 'Treatment is optimised', [CONTROLLED]],
  [31, 3, 'secondary', 'Treatment is stepped up promptly when readings stay high', []],
  [311, 31, 'change_idea', 'Pharmacist-led medicine reviews within four weeks of a high reading', [CONTROLLED]],
  [312, 31, 'change_idea', 'Agreed protocol for adjusting doses between visits', []],
  [32, 3, 'secondary', 'Side effects are caught early', [FAINTING]],
  [321, 32, 'change_idea', 'Lying and standing blood pressure for people over 75', [FAINTING]],
  [4, null, 'primary', 'People trust and understand the care offered', []],
  [41, 4, 'secondary', 'Information comes in the languages people speak', []],
  [411, 41, 'change_idea', 'Reminders in four languages', []],
  [412, 41, 'change_idea', 'Interpreter booked with the appointment', []],
  [42, 4, 'change_idea', 'Community champions help write the invitations', []],
]

export const DRIVER_DIAGRAM_EXAMPLE: { readonly name: string; readonly title: string; readonly input: DriverDiagramInput } = {
  name: 'driver-diagram-hypertension',
  title: 'Hypertension: Find & Control driver diagram',
  input: {
    aim: 'By March, raise the share of people with diagnosed hypertension whose blood pressure is controlled to target from 58% to 70%, and halve the gap between the most and least deprived fifths.',
    items: ITEMS.map(([id, parentId, kind, title, measures]): DriverItem => ({ id, parentId, kind, title, measures })),
  },
}
