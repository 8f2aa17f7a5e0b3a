/** The funnel plot and group-intervals examples of the gallery, computed by the core on small hand-made data. */
import { funnelPlot } from '../core/compare/funnel.ts'
import type { FunnelResult } from '../core/compare/funnel-types.ts'
import { groupDifferences, type GroupDifferences } from '../core/compare/group-differences.ts'

/** Fourteen practices' patients with a statin, one well above the funnel and one well below. */
export const FUNNEL_EXAMPLE: { readonly name: string; readonly title: string; readonly highlight: string; readonly labels: Readonly<Record<string, string>>; readonly result: FunnelResult } = {
  name: 'funnel-one-above-one-below',
  title: 'Eligible patients on a statin, by practice',
  highlight: 'P07',
  labels: {
    P01: 'Abbey Road',
    P02: 'Brookside',
    P03: 'Castle Street',
    P04: 'Dale View',
    P05: 'Elm Grove',
    P06: 'Fairfield',
    P07: 'Green Lane',
    P08: 'Highfield',
    P09: 'Ivy House',
    P10: 'Jubilee',
    P11: 'Kingsway',
    P12: 'Larch Close',
    P13: 'Meadowbank',
    P14: 'Northgate',
  },
  result: funnelPlot(
    [
      { unit: 'P01', numerator: 52, denominator: 160 },
      { unit: 'P02', numerator: 118, denominator: 390 },
      { unit: 'P03', numerator: 465, denominator: 1220 },
      { unit: 'P04', numerator: 90, denominator: 310 },
      { unit: 'P05', numerator: 250, denominator: 820 },
      { unit: 'P06', numerator: 178, denominator: 560 },
      { unit: 'P07', numerator: 300, denominator: 1010 },
      { unit: 'P08', numerator: 197, denominator: 900 },
      { unit: 'P09', numerator: 71, denominator: 240 },
      { unit: 'P10', numerator: 420, denominator: 1450 },
      { unit: 'P11', numerator: 139, denominator: 470 },
      { unit: 'P12', numerator: 212, denominator: 690 },
      { unit: 'P13', numerator: 505, denominator: 1700 },
      { unit: 'P14', numerator: 36, denominator: 110 },
    ],
    { type: 'proportion', direction: 'increase' },
  ),
}

/** Five deprivation quintiles and "Not stated" (small), the least deprived first as the reference. */
export const GROUP_EXAMPLE: { readonly name: string; readonly title: string; readonly result: GroupDifferences } = {
  name: 'group-intervals-quintiles',
  title: 'Blood pressure controlled, by deprivation quintile',
  result: groupDifferences(
    [
      { group: 'Q1 (least deprived)', numerator: 412, denominator: 600 },
      { group: 'Q2', numerator: 380, denominator: 580 },
      { group: 'Q3', numerator: 331, denominator: 540 },
      { group: 'Q4', numerator: 300, denominator: 530 },
      { group: 'Q5 (most deprived)', numerator: 262, denominator: 510 },
      { group: 'Not stated', numerator: 3, denominator: 7 },
    ],
    { measure: 'proportion' },
  ),
}
