/** The demo's learning community (DEMO.md): one network both demo organisations belong to, its shared measure, and the lesson Riverside publishes. */

export const DEMO_NETWORK = {
  code: 'htn-network',
  name: 'Hypertension learning network',
  description: 'Integrated care systems improving blood pressure control, sharing what works and comparing a shared measure.',
} as const

export const DEMO_SHARED_MEASURES = [
  {
    code: 'bp-control',
    name: 'Blood pressure controlled to target',
    kind: 'proportion',
    direction: 'increase',
    definition: 'People on the hypertension register whose latest blood pressure reading in the last 12 months is at or below their target, out of everyone on the register.',
  },
] as const

export const DEMO_MEMBERS = ['riverside', 'northshore'] as const

/** Riverside's published lesson: drafted from its home monitor loans action at this practice, then edited as below. */
export const DEMO_LESSON = {
  organisation: 'riverside',
  programme: 'htn',
  actionTitle: 'Home monitor loans and reminders at Eastgate',
  edit: {
    setting: 'general practice',
    cfirFactors: ['Innovation: adaptability', 'Inner setting: available resources', 'Outer setting: patient needs and resources'],
    themes: ['home monitoring', 'language and letters', 'access'],
    hindered: 'Monitors were not coming back until the day-28 reminder started; letters only in English had reached few people in the most deprived fifth; the practice had no room for evening clinics, so home readings replaced them.',
    contactName: 'Hypertension programme team',
    contactEmail: 'htn-programme@riverside.example',
  },
} as const
