/** Public entry of the synthetic demo data generator. */
export { generateDemo, DEFAULT_SEED, type DemoOptions } from './generate-demo.ts'
export type { DemoData, DemoOrganisation, DemoProgramme } from './demo-data.ts'
export { DEFAULT_START_WEEK, DEMO_WEEKS, BASELINE_WEEKS, demoWeeks } from './calendar.ts'
