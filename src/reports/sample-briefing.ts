/**
 * A hand-built briefing for the renderers' tests and for looking at the output: every kind of
 * block, a real SPC chart from `charts/` and a summary matrix of real icons. Not demo data.
 */
import { spcFixture } from '../charts/fixtures.ts'
import { assuranceIconSvg, assuranceLabel, spcChartSvg, variationIconSvg, variationLabel } from '../charts/index.ts'
import type { Briefing } from './model.ts'

const VALUES = [0.61, 0.62, 0.6, 0.63, 0.62, 0.61, 0.6, 0.62, 0.63, 0.61, 0.62, 0.78]
const MONTHS = ['Jan 2026', 'Feb 2026', 'Mar 2026', 'Apr 2026', 'May 2026', 'Jun 2026', 'Jul 2026', 'Aug 2026', 'Sep 2026', 'Oct 2026', 'Nov 2026', 'Dec 2026']

/** A board briefing about blood pressure control; `plainLanguage` switches to the community style. */
export function sampleBriefing(options: { readonly plainLanguage?: boolean; readonly audience?: 'internal' | 'external' } = {}): Briefing {
  const { plainLanguage = false, audience = 'external' } = options
  const result = spcFixture({ start: '2026-01-01', unit: 'month', segments: [{ values: VALUES }] })
  const svg = spcChartSvg(result, { title: 'Blood pressure controlled', valueFormat: 'percent', id: 'sample-bp' })
  return {
    kind: plainLanguage ? 'community' : 'board',
    title: 'Board briefing: Hypertension: Find & Control',
    subtitle: 'Sample Integrated Care System · data to 31 December 2026',
    generatedOn: '2027-01-15',
    audience,
    disclosureStatement: 'Counts from 1 to 7 are shown as * and other counts are rounded to the nearest 5.',
    plainLanguage,
    sections: [
      {
        heading: 'Summary',
        blocks: [
          { kind: 'paragraph', text: 'Blood pressure control rose to 78% in December, above the upper limit.' },
          {
            kind: 'matrix',
            caption: 'Latest variation and assurance by measure',
            columns: ['Variation', 'Assurance'],
            rows: [
              {
                label: 'Blood pressure controlled',
                cells: [
                  { svg: variationIconSvg('improvement', 'increase', { id: 'm-var' }), label: variationLabel('improvement', 'increase') },
                  { svg: assuranceIconSvg('hit_or_miss', { id: 'm-ass' }), label: assuranceLabel('hit_or_miss') },
                ],
              },
            ],
          },
        ],
      },
      {
        heading: 'Findings',
        blocks: [
          {
            kind: 'chart',
            title: 'Blood pressure controlled, by month',
            svg,
            width: 720,
            height: 420,
            description: 'Twelve months from January to December 2026. The latest value, 78%, is above the upper limit of 66.5%.',
            table: { caption: 'Blood pressure controlled by month', columns: ['Month', 'Controlled (%)'], rows: VALUES.map((v, i) => [MONTHS[i] ?? '', `${Math.round(v * 100)}%`]), numeric: [false, true] },
          },
          { kind: 'quote', text: 'The evening clinic meant I could finally come after work.', source: 'Patient feedback, Riverside practice' },
          { kind: 'list', items: ['Evening clinics in two practices', 'Text reminders for missed reviews'] },
          { kind: 'table', table: { caption: 'Patients reviewed by group', columns: ['Group', 'Reviewed', 'Eligible'], rows: [['Most deprived', '*', '35'], ['Least deprived', '120', '145']], numeric: [false, true, true] } },
        ],
      },
    ],
  }
}
