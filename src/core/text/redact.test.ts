import { describe, expect, it } from 'vitest'
import { ENTITY_PRIORITY, PLACEHOLDERS } from './entity.ts'
import { redact } from './redact.ts'

describe('redact', () => {
  it('replaces each kind of identifier with its placeholder', () => {
    const text =
      'My name is John Smith, NHS number 999 000 0018, born 12/03/1956, NI AB 12 34 56 C. ' +
      'I live at 12 Oak Road, Leeds, LS1 4AB (postcode LS6 2QB at work). Call 07700 900123 or email j.smith@example.com.'
    expect(redact(text).text).toBe(
      'My name is [NAME], NHS number [NHS_NUMBER], born [DATE_OF_BIRTH], NI [NI_NUMBER]. ' +
        'I live at [ADDRESS], [POSTCODE] (postcode [POSTCODE] at work). Call [PHONE] or email [EMAIL].',
    )
  })

  it('gives offsets into the original text, sorted and not overlapping', () => {
    const text = 'Dr Patel rang 01632 960123 about 9990000026.'
    const { entities } = redact(text)
    expect(entities.map((e) => [e.type, text.slice(e.start, e.end)])).toEqual([
      ['name', 'Patel'],
      ['phone', '01632 960123'],
      ['nhs_number', '9990000026'],
    ])
    for (let i = 1; i < entities.length; i++) expect(entities[i]!.start).toBeGreaterThanOrEqual(entities[i - 1]!.end)
  })

  it('keeps offsets right after emoji and other surrogate pairs', () => {
    const text = '😀👍🏽 great care from Nurse Amina 🙏, call 07700 900123'
    const { entities, text: redacted } = redact(text)
    expect(entities.map((e) => text.slice(e.start, e.end))).toEqual(['Amina', '07700 900123'])
    expect(redacted).toBe('😀👍🏽 great care from Nurse [NAME] 🙏, call [PHONE]')
  })

  it('resolves overlaps: the email swallows its name; the postcode after an address stays its own entity', () => {
    const text = 'Write to sarah.jones@example.org or 4 Mill Lane, York YO1 7HH'
    expect(redact(text).entities.map((e) => e.type)).toEqual(['email', 'address', 'postcode'])
    expect(redact(text).text).toBe('Write to [EMAIL] or [ADDRESS] [POSTCODE]')
  })

  it('gives "[ADDRESS], [POSTCODE]" for lower-case and unspaced postcodes after an address or a town', () => {
    expect(redact('we moved to 8 wren close, yt31pa last year').text).toBe('we moved to [ADDRESS], [POSTCODE] last year')
    expect(redact('Flat 2, Otter House, Quay Street, Bramley dw7h3aj').text).toBe('[ADDRESS] [POSTCODE]')
  })

  it('returns empty text unchanged', () => {
    expect(redact('')).toEqual({ text: '', entities: [] })
    expect(redact('   \n')).toEqual({ text: '   \n', entities: [] })
  })

  it('leaves the tricky negatives alone', () => {
    const text =
      'Ward 10, 10 mg, Nurse led clinic, NHS 111, call 111, 999, A&E, paracetamol, 10:30, seen on 3 March, ' +
      'Room 12, Bed 4, 2 weeks, £20, Sister ward.'
    expect(redact(text)).toEqual({ text, entities: [] })
  })

  it('handles a very long text quickly and consistently', () => {
    const piece = 'Thanks to Sarah on reception. My number is 07700 900123 and I was seen on Ward 10. '
    const text = piece.repeat(5_000)
    const started = performance.now()
    const { entities, text: redacted } = redact(text)
    expect(performance.now() - started).toBeLessThan(10_000)
    expect(entities).toHaveLength(10_000)
    expect(redacted).toBe('Thanks to [NAME] on reception. My number is [PHONE] and I was seen on Ward 10. '.repeat(5_000))
  })

  it('is deterministic', () => {
    const text = 'Dr Okafor and Priya on reception, DOB 1/2/1960, 07700 900999, flat 2, 9 Elm Grove'
    expect(redact(text)).toEqual(redact(text))
  })

  it('has a placeholder and a priority for every entity type', () => {
    expect(Object.keys(PLACEHOLDERS).sort()).toEqual([...ENTITY_PRIORITY].sort())
  })
})
