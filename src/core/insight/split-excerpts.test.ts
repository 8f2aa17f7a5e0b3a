import { describe, expect, it } from 'vitest'
import { prepareText } from './prepare.ts'
import { splitExcerpts } from './split-excerpts.ts'

describe('splitExcerpts', () => {
  it('keeps a short comment whole and trims it', () => {
    expect(splitExcerpts('  The nurse was lovely.  ')).toEqual(['The nurse was lovely.'])
  })

  it('splits paragraphs, bullets and speaker turns', () => {
    const notes = 'Evening clinics would help.\n\n- letters only in English\n- no interpreter\nFacilitator: what else?\nParticipant: the pharmacy machine is easier'
    expect(splitExcerpts(notes)).toEqual([
      'Evening clinics would help.',
      'letters only in English',
      'no interpreter',
      'Facilitator: what else?',
      'Participant: the pharmacy machine is easier',
    ])
  })

  it('joins a paragraph wrapped over several lines', () => {
    expect(splitExcerpts('we could not\nget to the clinic\r\nin time')).toEqual(['we could not get to the clinic in time'])
  })

  it('cuts a long paragraph at sentence ends, never beyond the limit', () => {
    const sentence = 'The waiting room was full and nobody told us why. '
    const parts = splitExcerpts(sentence.repeat(10), 120)
    expect(parts.length).toBeGreaterThan(3)
    for (const part of parts) expect(part.length).toBeLessThanOrEqual(120)
    expect(parts[0]).toBe('The waiting room was full and nobody told us why. The waiting room was full and nobody told us why.')
  })

  it('cuts a paragraph without sentence ends at spaces', () => {
    const parts = splitExcerpts('word '.repeat(100), 50)
    for (const part of parts) expect(part.length).toBeLessThanOrEqual(50)
    expect(parts.join(' ').split(' ').length).toBe(100)
  })

  it('gives nothing for blank text', () => {
    expect(splitExcerpts(' \n\n \t')).toEqual([])
  })
})

describe('prepareText', () => {
  it('redacts before splitting and counts what it replaced, never keeping the originals', () => {
    const prepared = prepareText('My name is Mrs Patel and my NHS number is 999 000 0018.\n\nThe staff were kind.')
    expect(prepared.excerpts.map((e) => e.text)).toEqual(['My name is Mrs [NAME] and my NHS number is [NHS_NUMBER].', 'The staff were kind.'])
    expect(prepared.redacted).toEqual({ name: 1, nhs_number: 1 })
    expect(JSON.stringify(prepared)).not.toContain('999 000 0018')
    expect(JSON.stringify(prepared)).not.toContain('Patel')
    expect(prepared.excerpts[1]!.sentiment).toBeGreaterThan(0)
  })

  it('keeps a comment whole when asked', () => {
    expect(prepareText('one\n\ntwo', { split: false }).excerpts.map((e) => e.text)).toEqual(['one\n\ntwo'])
  })
})
