/** The six measures of Riverside's programme `htn` (the family of measures in docs/DEMO.md). */
import type { Measure, Programme } from '../core/model.ts'

export const RIVERSIDE_PROGRAMME: Programme = {
  code: 'htn',
  name: 'Hypertension: Find & Control',
  aim:
    'By March, raise the share of people with diagnosed hypertension whose blood pressure is controlled to target ' +
    'from 58% to 70%, and halve the gap between the most and least deprived fifths.',
}

const weekly = { period: 'week', defaultChart: 'xmr', rateMultiplier: null, unit: null } as const

export const BP_CONTROL: Measure = {
  ...weekly,
  code: 'bp-control',
  name: 'Blood pressure controlled to target',
  description: 'Share of people on the hypertension register whose latest blood pressure is at or below their target.',
  type: 'outcome',
  kind: 'proportion',
  direction: 'increase',
  target: 0.7,
  numeratorDefinition: 'People on the register whose latest blood pressure in the last 12 months is at or below the target for their age',
  denominatorDefinition: 'People aged 18 and over on the practice hypertension register',
}

export const BP_RECORDED: Measure = {
  ...weekly,
  code: 'bp-recorded',
  name: 'Blood pressure recorded in the last 12 months',
  description: 'Share of people on the hypertension register with a blood pressure reading in the last 12 months.',
  type: 'process',
  kind: 'proportion',
  direction: 'increase',
  target: 0.9,
  numeratorDefinition: 'People on the register with a blood pressure reading (clinic, pharmacy or home) in the last 12 months',
  denominatorDefinition: 'People aged 18 and over on the practice hypertension register',
}

export const MONITORS_LENT: Measure = {
  ...weekly,
  code: 'monitors-lent',
  name: 'Home blood-pressure monitors lent',
  description: 'Number of home blood-pressure monitors lent to people on the register in the week.',
  type: 'process',
  kind: 'count',
  direction: 'increase',
  target: null,
  numeratorDefinition: 'Home blood-pressure monitors lent in the week',
  denominatorDefinition: null,
  unit: 'monitors',
}

export const COMMUNITY_REFERRAL: Measure = {
  ...weekly,
  code: 'community-referral',
  name: 'Community checks leading to a referral',
  description: 'Share of blood-pressure checks at pharmacies and community venues that led to a referral to the practice.',
  type: 'process',
  kind: 'proportion',
  direction: 'increase',
  target: null,
  numeratorDefinition: 'Community blood-pressure checks with a reading high enough to refer the person to their practice',
  denominatorDefinition: 'Community blood-pressure checks of adults registered with the practice, in the week',
}

export const FALLS: Measure = {
  ...weekly,
  code: 'falls',
  name: 'Falls or fainting attendances',
  description: 'Urgent care attendances for a fall or a faint among people on the register, per 1,000 people on the register.',
  type: 'balancing',
  kind: 'rate',
  rateMultiplier: 1000,
  direction: 'neutral',
  target: null,
  numeratorDefinition: 'Urgent or emergency care attendances for a fall or a faint by people on the register, in the week',
  denominatorDefinition: 'People aged 18 and over on the practice hypertension register',
  unit: 'per 1,000',
}

export const GP_WAIT_DAYS: Measure = {
  ...weekly,
  code: 'gp-wait-days',
  name: 'Days to a routine GP appointment',
  description: 'Mean days from booking to a routine GP appointment, for appointments booked in the week by adults on the list.',
  type: 'balancing',
  kind: 'mean',
  direction: 'neutral',
  target: null,
  numeratorDefinition: 'Days from booking to the appointment, summed over routine GP appointments booked in the week',
  denominatorDefinition: 'Routine GP appointments booked in the week by adults on the practice list (the denominator field holds this count)',
  unit: 'days',
}
