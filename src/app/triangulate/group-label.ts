/** A community group as a finding's statement names it: "the most deprived fifth", "Black or Black British people". */
export function groupLabel(dimension: string, group: string): string {
  if (dimension === 'imd_quintile') return group === '1' ? 'the most deprived fifth' : group === '5' ? 'the least deprived fifth' : `deprivation quintile ${group}`
  if (dimension === 'ethnicity') return `${group} people`
  if (dimension === 'age_band') return `people aged ${group}`
  if (dimension === 'sex') return group === 'Female' ? 'women' : group === 'Male' ? 'men' : group
  return group
}
