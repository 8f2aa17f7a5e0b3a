/** The community groups every demo measure is broken down by (codes fixed by docs/DEMO.md). */

export type DimensionCode = 'imd_quintile' | 'ethnicity' | 'sex' | 'age_band'

/** Groups of each dimension, in display order; quintile 1 is the most deprived fifth (Core20). */
export const GROUPS = {
  imd_quintile: ['1', '2', '3', '4', '5'],
  ethnicity: ['White British', 'Asian or Asian British', 'Black or Black British', 'Mixed', 'Other', 'Not stated'],
  sex: ['Female', 'Male'],
  age_band: ['18-39', '40-59', '60-79', '80+'],
} as const satisfies Record<DimensionCode, readonly string[]>

export const DIMENSIONS: readonly DimensionCode[] = ['imd_quintile', 'ethnicity', 'sex', 'age_band']

export type Quintile = (typeof GROUPS.imd_quintile)[number]
export type Ethnicity = (typeof GROUPS.ethnicity)[number]
export type Sex = (typeof GROUPS.sex)[number]
export type AgeBand = (typeof GROUPS.age_band)[number]

/** One person's community groups: the finest cell the demo generates numbers for. */
export interface Strata {
  readonly imd_quintile: Quintile
  readonly ethnicity: Ethnicity
  readonly sex: Sex
  readonly age_band: AgeBand
}

/** Shares of each group (same order as GROUPS); they need not sum exactly to 1. */
export type Mix = { readonly [D in DimensionCode]: readonly number[] }
