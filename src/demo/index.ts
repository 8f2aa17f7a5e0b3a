/** Public entry of the synthetic demo data generator. */
export { generateDemo, DEFAULT_SEED, type DemoOptions } from './generate-demo.ts'
export type { DemoData, DemoOrganisation, DemoProgramme } from './demo-data.ts'
export { DEFAULT_START_WEEK, DEMO_WEEKS, BASELINE_WEEKS, demoWeeks } from './calendar.ts'
export { generateDemoInsight, DEFAULT_INSIGHT_SEED } from './insight.ts'
export { RECORDS_WITH_IDENTIFIERS } from './insight-carers.ts'
export { CFIR_PATHS, CFIR_ROOT, INDUCTIVE_THEMES } from './insight-codebook.ts'
export type { DemoInsight, DemoEvent, DemoInsightRecord, DemoCoding, DemoCoder } from './insight-data.ts'
export { DEMO_LINKS, type DemoLink } from './insight-links.ts'
