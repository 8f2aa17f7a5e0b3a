import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { decodeXmlEntities, escapeXmlAttribute, escapeXmlText, isXmlText, toXmlCharacters } from './xml-text.ts'

describe('toXmlCharacters', () => {
  it.each([
    ['plain text', 'plain text'],
    ['tab\tline\nreturn\r', 'tab\tline\nreturn\r'],
    ['nul\u0000 bell\u0007 vt\u000B', 'nul\uFFFD bell\uFFFD vt\uFFFD'],
    ['lone high \uD800 and low \uDC00', 'lone high \uFFFD and low \uFFFD'],
    ['pair 😀 kept', 'pair 😀 kept'],
    ['\uFFFE\uFFFF', '\uFFFD\uFFFD'],
    ['next line \u0085 and delete \u007F are allowed', 'next line \u0085 and delete \u007F are allowed'],
  ])('%j → %j', (input, expected) => {
    expect(toXmlCharacters(input)).toBe(expected)
    expect(isXmlText(expected)).toBe(true)
  })

  it('says which text needs replacing', () => {
    expect(isXmlText('ok 😀 \t\n\r')).toBe(true)
    expect(isXmlText('bad \u0001')).toBe(false)
    expect(isXmlText('bad \uDFFF')).toBe(false)
  })
})

describe('escaping', () => {
  it('escapes element content so that ]]> and carriage returns survive', () => {
    expect(escapeXmlText('a & b < c > d ]]> "e" \'f\'\r\n\t')).toBe('a &amp; b &lt; c &gt; d ]]&gt; "e" \'f\'&#13;\n\t')
  })

  it('escapes attribute values for double quotes, keeping tabs and line ends', () => {
    expect(escapeXmlAttribute('a & "b" <c> \'d\'\t\n\r')).toBe('a &amp; &quot;b&quot; &lt;c&gt; \'d\'&#9;&#10;&#13;')
  })

  it('replaces characters XML cannot hold while escaping', () => {
    expect(escapeXmlText('x\u0000y')).toBe('x\uFFFDy')
    expect(escapeXmlAttribute('x\uD83Dy')).toBe('x\uFFFDy')
  })
})

describe('decodeXmlEntities', () => {
  it.each([
    ['no entities', 'no entities'],
    ['&amp;&lt;&gt;&quot;&apos;', '&<>"\''],
    ['&amp;lt; stays one level', '&lt; stays one level'],
    ['&#10;&#x9;&#X41;&#x1F600;', '\n\tA😀'],
    ['&#0; &#xD800; &#1114112; &#xFFFE;', '\uFFFD \uFFFD \uFFFD \uFFFD'],
    ['&nbsp; &unknown; & alone', '&nbsp; &unknown; & alone'],
  ])('%j → %j', (raw, decoded) => {
    expect(decodeXmlEntities(raw)).toBe(decoded)
  })

  it('undoes escapeXmlAttribute for any text XML can hold', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (text) => {
        const safe = toXmlCharacters(text)
        expect(decodeXmlEntities(escapeXmlAttribute(text))).toBe(safe)
        expect(decodeXmlEntities(escapeXmlText(text))).toBe(safe)
      }),
      { seed: 20_250_602 },
    )
  })
})
