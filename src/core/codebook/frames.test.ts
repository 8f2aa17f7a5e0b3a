import { describe, expect, it } from 'vitest'
import type { ThemeSeed } from '../insight/model.ts'
import { CFIR_2 } from './cfir.ts'
import { countThemes, flattenThemes } from './codebook.ts'
import { FRAMES, findFrame } from './frames.ts'
import { PATIENT_EXPERIENCE } from './patient-experience.ts'

/** The names of the children of the theme at `path` (the top-level themes for []). */
function childNames(themes: readonly ThemeSeed[], path: readonly string[]): string[] {
  const found = path.reduce<readonly ThemeSeed[] | undefined>((level, name) => level?.find((theme) => theme.name === name)?.children, themes)
  if (found === undefined) throw new Error(`no theme at ${path.join(' > ')}`)
  return found.map((theme) => theme.name)
}

describe('FRAMES and findFrame', () => {
  it('has CFIR 2.0 and patient experience, by unique key', () => {
    expect(FRAMES.map((frame) => frame.key)).toStrictEqual(['cfir-2', 'patient-experience'])
    expect(findFrame('cfir-2')).toBe(CFIR_2)
    expect(findFrame('patient-experience')).toBe(PATIENT_EXPERIENCE)
    expect(findFrame('CFIR-2')).toBeUndefined()
    expect(findFrame('')).toBeUndefined()
  })
})

describe.each(FRAMES.map((frame) => [frame.key, frame] as const))('frame %s', (_key, frame) => {
  const flat = flattenThemes(frame.themes)

  it('has a name and says where it comes from', () => {
    expect(frame.name.trim()).not.toBe('')
    expect(frame.source.length).toBeGreaterThan(40)
  })

  it('has unique theme names among siblings, at every level', () => {
    const levels = [frame.themes, ...flat.map(({ theme }) => theme.children ?? [])]
    for (const level of levels) {
      const names = level.map((theme) => theme.name)
      expect(new Set(names).size, `duplicate names in ${JSON.stringify(names)}`).toBe(names.length)
    }
  })

  it('gives every theme a trimmed name and a definition that is a sentence', () => {
    for (const { theme, path } of flat) {
      expect(theme.name, path.join(' > ')).toBe(theme.name.trim())
      expect(theme.name, path.join(' > ')).not.toBe('')
      expect(theme.definition, path.join(' > ')).toMatch(/^\S.{10,}[.)]$/s)
    }
  })
})

describe('CFIR 2.0', () => {
  it('credits the paper and its licence', () => {
    expect(CFIR_2.source).toContain('Implementation Science 2022;17:75')
    expect(CFIR_2.source).toContain('https://doi.org/10.1186/s13012-022-01245-0')
    expect(CFIR_2.source).toContain('CC BY 4.0')
  })

  it('has the five domains, 48 constructs and 19 sub-constructs of the paper', () => {
    expect(childNames(CFIR_2.themes, [])).toStrictEqual(['Innovation', 'Outer Setting', 'Inner Setting', 'Individuals', 'Implementation Process'])
    const constructs = flattenThemes(CFIR_2.themes).filter(({ path }) => (path[0] === 'Individuals' ? path.length === 3 : path.length === 2))
    const subConstructs = flattenThemes(CFIR_2.themes).filter(({ path }) => path[0] !== 'Individuals' && path.length === 3)
    expect(constructs).toHaveLength(48)
    expect(subConstructs).toHaveLength(19)
    expect(countThemes(CFIR_2.themes)).toBe(5 + 2 + 48 + 19)
  })

  it.each([
    [['Innovation'], ['Innovation Source', 'Innovation Evidence-Base', 'Innovation Relative Advantage', 'Innovation Adaptability', 'Innovation Trialability', 'Innovation Complexity', 'Innovation Design', 'Innovation Cost']],
    [['Outer Setting'], ['Critical Incidents', 'Local Attitudes', 'Local Conditions', 'Partnerships & Connections', 'Policies & Laws', 'Financing', 'External Pressure']],
    [['Outer Setting', 'External Pressure'], ['Societal Pressure', 'Market Pressure', 'Performance-Measurement Pressure']],
    [['Inner Setting'], ['Structural Characteristics', 'Relational Connections', 'Communications', 'Culture', 'Tension for Change', 'Compatibility', 'Relative Priority', 'Incentive Systems', 'Mission Alignment', 'Available Resources', 'Access to Knowledge & Information']],
    [['Inner Setting', 'Structural Characteristics'], ['Physical Infrastructure', 'Information Technology Infrastructure', 'Work Infrastructure']],
    [['Inner Setting', 'Culture'], ['Human Equality-Centeredness', 'Recipient-Centeredness', 'Deliverer-Centeredness', 'Learning-Centeredness']],
    [['Inner Setting', 'Available Resources'], ['Funding', 'Space', 'Materials & Equipment']],
    [['Individuals'], ['Roles', 'Characteristics']],
    [['Individuals', 'Roles'], ['High-level Leaders', 'Mid-level Leaders', 'Opinion Leaders', 'Implementation Facilitators', 'Implementation Leads', 'Implementation Team Members', 'Other Implementation Support', 'Innovation Deliverers', 'Innovation Recipients']],
    [['Individuals', 'Characteristics'], ['Need', 'Capability', 'Opportunity', 'Motivation']],
    [['Implementation Process'], ['Teaming', 'Assessing Needs', 'Assessing Context', 'Planning', 'Tailoring Strategies', 'Engaging', 'Doing', 'Reflecting & Evaluating', 'Adapting']],
    [['Implementation Process', 'Assessing Needs'], ['Innovation Deliverers', 'Innovation Recipients']],
    [['Implementation Process', 'Engaging'], ['Innovation Deliverers', 'Innovation Recipients']],
    [['Implementation Process', 'Reflecting & Evaluating'], ['Implementation', 'Innovation']],
  ])('%j holds %j', (path, names) => {
    expect(childNames(CFIR_2.themes, path)).toStrictEqual(names)
  })
})

describe('patient experience', () => {
  it('has the seven common themes', () => {
    expect(childNames(PATIENT_EXPERIENCE.themes, [])).toStrictEqual(['Access', 'Communication', 'Staff attitude', 'Waiting', 'Environment', 'Information', 'Language'])
  })

  it('has the sub-themes people most often raise about access and language', () => {
    expect(childNames(PATIENT_EXPERIENCE.themes, ['Access'])).toEqual(expect.arrayContaining(['Appointment availability', 'Opening hours', 'Travel and distance', 'Cost and time off work']))
    expect(childNames(PATIENT_EXPERIENCE.themes, ['Language'])).toEqual(expect.arrayContaining(['Interpreters', 'Written information in other languages']))
  })

  it('gives every theme one or two examples, and every top-level theme sub-themes', () => {
    for (const { theme, path } of flattenThemes(PATIENT_EXPERIENCE.themes)) {
      expect(theme.examples?.length, path.join(' > ')).toBeGreaterThanOrEqual(1)
      expect(theme.examples?.length, path.join(' > ')).toBeLessThanOrEqual(2)
      for (const example of theme.examples ?? []) expect(example.trim(), path.join(' > ')).not.toBe('')
    }
    for (const theme of PATIENT_EXPERIENCE.themes) expect(theme.children?.length, theme.name).toBeGreaterThanOrEqual(3)
    expect(countThemes(PATIENT_EXPERIENCE.themes)).toBe(7 + 27)
  })
})
