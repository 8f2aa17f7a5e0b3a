import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { Issue } from '../issues.ts'
import type { Codebook, CodebookTheme } from './codebook.ts'
import { codebookToQdc, parseQdc } from './qdc.ts'

const fixture = (name: string): string => readFileSync(new URL(`../../../test/reference-data/refi-qda/${name}`, import.meta.url), 'utf8')

const G1 = '1ff58b12-6f6f-4b0c-8be5-bbdc91f55294'
const G2 = '2e4a6b8c-0d3f-4a7b-9d1f-2e4a6b8c0d3f'
const G3 = '3d5f7a9b-1c2e-4d6f-8a0b-2c4e6f8a0b1c'

const theme = (guid: string, name: string, more: Partial<CodebookTheme> = {}): CodebookTheme => ({ guid, name, definition: '', examples: [], colour: null, children: [], ...more })

/** Themes L1 > L2 > … > L`depth`, one below the other. */
function chain(depth: number): CodebookTheme {
  let node = theme(guidNumber(depth), `L${depth}`)
  for (let level = depth - 1; level >= 1; level--) node = theme(guidNumber(level), `L${level}`, { children: [node] })
  return node
}

function guidNumber(n: number): string {
  return `00000000-0000-4000-8000-${n.toString().padStart(12, '0')}`
}

/** Issues as `code@line:column` for short assertions. */
const where = (issues: readonly Issue[]): string[] => issues.map((issue) => `${issue.severity} ${issue.code}@${issue.line ?? '-'}:${issue.column ?? '-'}`)

describe('codebookToQdc', () => {
  it('writes the REFI-QDA codebook layout, examples after the definition', () => {
    const codebook: Codebook = {
      name: 'Access & waiting',
      themes: [
        theme(G1, 'Access', {
          definition: 'Getting seen.',
          examples: ['no slots'],
          colour: '#46AA00',
          children: [theme(G2, 'Opening "hours" <evenings>')],
        }),
        theme(G3, 'Waiting'),
      ],
    }
    expect(codebookToQdc(codebook)).toBe(
      [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<?lhs-codebook name="Access %26 waiting"?>',
        '<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="LHS">',
        '  <Codes>',
        `    <Code guid="${G1}" name="Access" isCodable="true" color="#46AA00">`,
        '      <Description>Getting seen.',
        '',
        'Examples:',
        '- no slots</Description>',
        `      <Code guid="${G2}" name="Opening &quot;hours&quot; &lt;evenings&gt;" isCodable="true"/>`,
        '    </Code>',
        `    <Code guid="${G3}" name="Waiting" isCodable="true"/>`,
        '  </Codes>',
        '</CodeBook>',
        '',
      ].join('\n'),
    )
  })

  it('writes an empty codebook with an empty Codes element and no name instruction', () => {
    expect(codebookToQdc({ themes: [] })).toBe('<?xml version="1.0" encoding="utf-8"?>\n<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="LHS">\n  <Codes/>\n</CodeBook>\n')
  })

  it.each([
    [{ themes: [theme('theme-1', 'A')] }, 'invalid guid for theme "A": "theme-1"'],
    [{ themes: [theme(`{${G1}}`, 'A')] }, 'invalid guid for theme "A"'],
    [{ themes: [theme(G1, 'A', { children: [theme(G1.toUpperCase(), 'B')] })] }, 'duplicate guid for theme "B"'],
    [{ themes: [theme(G1, '')] }, `empty theme name for guid ${G1}`],
    [{ themes: [theme(G1, 'A', { colour: 'red' })] }, 'invalid colour for theme "A": "red" (expected #RRGGBB or null)'],
    [{ themes: [theme(G1, 'A', { colour: '#4A0' })] }, 'invalid colour for theme "A": "#4A0"'],
    [{ themes: [chain(101)] }, 'theme "L101" is nested 101 levels deep (expected at most 100, as parseQdc reads)'],
  ])('refuses a codebook no check would let through: %#', (codebook, message) => {
    expect(() => codebookToQdc(codebook)).toThrow(message)
  })
})

describe('parseQdc reads what other tools write', () => {
  it('reads a QualCoder-style file: byte-order mark, categories, empty descriptions, examples', () => {
    const { value, issues } = parseQdc(fixture('qualcoder-style.qdc'), 'qualcoder-style.qdc')
    expect(issues).toStrictEqual([])
    expect(value).toStrictEqual({
      themes: [
        theme('6f1c2a7e-3b8d-4c2e-9a51-0d4e7b9c1f20', 'Access', {
          definition: 'Getting to appointments & getting through',
          children: [
            theme('9b0e4d3c-2a1f-4e6b-8c7d-5f3a2b1c0e9d', 'Opening hours', { definition: 'Evening and weekend times', examples: ['closed by the time I finish work', 'please open on Saturdays'], colour: '#F4A460' }),
            theme('0c2d6e8f-4a1b-4c3d-9e5f-7a8b9c0d1e2f', 'Travel', { colour: '#87CEEB' }),
          ],
        }),
        theme('3d5f7a9b-1c2e-4d6f-8a0b-2c4e6f8a0b1c', 'Langue & interprètes', { definition: 'Interprètes, traduction — 通訳 <2 jours>', colour: '#9ACD32' }),
      ],
    })
  })

  it('reads an ATLAS.ti-style file: CRLF, attribute order, upper-case and braced GUIDs, sets ignored with a warning', () => {
    const { value, issues } = parseQdc(fixture('atlas-style.qdc'), 'atlas-style.qdc')
    expect(value).toStrictEqual({
      themes: [
        theme('1FF58B12-6F6F-4B0C-8BE5-BBDC91F55294', 'Waiting: on the day', { definition: 'Delays after arriving on time.\nIncludes the waiting room and the ward.', colour: '#46AA00' }),
        theme('A3C1E5F7-9B2D-4F6A-8C0E-1D3F5A7B9C2E', 'Staff: kindness', { colour: '#FF8C00' }),
        theme('B4D2F6A8-0C3E-4A7B-9D1F-2E4A6B8C0D3F', 'Environment: privacy'),
      ],
    })
    expect(issues).toStrictEqual([
      {
        severity: 'warning',
        code: 'sets_ignored',
        message: 'atlas-style.qdc:11:Sets: 1 set of codes (a code group) was not read: LHS codebooks have no sets (expected only Codes; group codes under a parent code instead).',
        file: 'atlas-style.qdc',
        line: 11,
        column: 'Sets',
        expected: 'only Codes; group codes under a parent code instead',
      },
    ])
  })

  it('ignores namespace prefixes, and reads a file without a namespace', () => {
    const prefixed = `<qdc:CodeBook xmlns:qdc="urn:QDA-XML:codebook:1.0" origin="x"><qdc:Codes><qdc:Code name="A" guid="${G1}"><qdc:Description>d</qdc:Description></qdc:Code></qdc:Codes></qdc:CodeBook>`
    expect(parseQdc(prefixed)).toStrictEqual({ value: { themes: [theme(G1, 'A', { definition: 'd' })] }, issues: [] })
    const bare = `<CodeBook><Codes><Code guid="${G1}" name="A"/></Codes></CodeBook>`
    expect(parseQdc(bare)).toStrictEqual({ value: { themes: [theme(G1, 'A')] }, issues: [] })
  })

  it('widens a three-digit colour and keeps CDATA text as written', () => {
    const xml = `<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes><Code guid="${G1}" name="A" color="#4a0" isCodable="false"><Description><![CDATA[a &amp; <b>]]> &amp; c</Description></Code></Codes></CodeBook>`
    expect(parseQdc(xml).value.themes).toStrictEqual([theme(G1, 'A', { colour: '#44aa00', definition: 'a &amp; <b> & c' })])
  })

  it('never expands entities declared in a DOCTYPE', () => {
    const xml = `<!DOCTYPE CodeBook [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><CodeBook><Codes><Code guid="${G1}" name="&b;"/></Codes></CodeBook>`
    expect(parseQdc(xml).value.themes).toStrictEqual([theme(G1, '&b;')])
  })
})

describe('parseQdc reports problems as issues', () => {
  it('reports malformed XML with the line and character the parser gives', () => {
    const { value, issues } = parseQdc('<CodeBook>\n  <Codes>\n  </CodeBook>', 'bad.qdc')
    expect(value).toStrictEqual({ themes: [] })
    expect(issues).toHaveLength(1)
    expect(issues[0]).toMatchObject({ severity: 'error', code: 'malformed_xml', file: 'bad.qdc', line: 3, column: '3' })
    expect(issues[0]?.message).toMatch(/^bad\.qdc:3:3: the file is not well-formed XML: .*Codes.* \(expected a REFI-QDA codebook \(\.qdc\) file\)\.$/)
  })

  it.each([
    ['', 'the file is empty'],
    ['just text', 'the file is not well-formed XML'],
    [`<CodeBook><Codes/></CodeBook><CodeBook/>`, 'second root element <CodeBook>'],
  ])('reports %j as malformed', (xml, message) => {
    const { issues } = parseQdc(xml)
    expect(issues.map((issue) => issue.code)).toStrictEqual(['malformed_xml'])
    expect(issues[0]?.message).toContain(message)
  })

  it('refuses a file whose root is not CodeBook, such as a project file', () => {
    const { value, issues } = parseQdc('<?xml version="1.0"?>\n<Project xmlns="urn:QDA-XML:project:1.0" name="p"><CodeBook><Codes/></CodeBook></Project>', 'p.qde')
    expect(value).toStrictEqual({ themes: [] })
    expect(issues).toMatchObject([{ severity: 'error', code: 'unexpected_root', line: 2, value: 'Project' }])
  })

  it('reports each bad Code with its line and attribute, and leaves it out with what is below it', () => {
    const xml = [
      '<CodeBook xmlns="urn:QDA-XML:codebook:1.0">',
      '<Codes>',
      `<Code guid="${G1}" name="Kept" color="red"/>`,
      '<Code name="No guid"><Code guid="9b0e4d3c-2a1f-4e6b-8c7d-5f3a2b1c0e9d" name="Child of a bad code"/></Code>',
      '<Code guid="theme-7" name="Bad guid"/>',
      `<Code guid="${G1.toUpperCase()}" name="Same guid"/>`,
      `<Code guid="${G2}"/>`,
      `<Code guid="${G3}" name=""/>`,
      `<Code guid="0c2d6e8f-4a1b-4c3d-9e5f-7a8b9c0d1e2f" name="Kept"><Description>a</Description><Description>b</Description><NoteRef targetGUID="${G1}"/></Code>`,
      '<Memo/>',
      '</Codes>',
      '<Extra/>',
      '</CodeBook>',
    ].join('\n')
    const { value, issues } = parseQdc(xml, 'codes.qdc')
    expect(value.themes.map((t) => [t.name, t.colour, t.definition])).toStrictEqual([
      ['Kept', null, ''],
      ['Kept', null, 'a'],
    ])
    expect(where(issues)).toStrictEqual([
      'warning invalid_colour@3:color',
      'error missing_guid@4:guid',
      'error invalid_guid@5:guid',
      'error duplicate_guid@6:guid',
      'error missing_name@7:name',
      'error missing_name@8:name',
      'warning unknown_element@9:NoteRef',
      'warning extra_description@9:Description',
      'warning duplicate_name@9:name',
      'warning unknown_element@10:Memo',
      'warning unknown_element@12:Extra',
    ])
    expect(issues.find((issue) => issue.code === 'duplicate_guid')?.message).toBe(
      `codes.qdc:6:guid: the guid "${G1.toUpperCase()}" was already used by the Code on line 3; this one was left out with everything below it (expected a different GUID for every code).`,
    )
  })

  it('reports a Code without a guid', () => {
    const { issues } = parseQdc('<CodeBook><Codes><Code name="A"/></Codes></CodeBook>')
    expect(issues).toMatchObject([{ severity: 'error', code: 'missing_guid', line: 1, column: 'guid', message: '1:guid: this Code has no guid and was left out with everything below it (expected a GUID such as 1ff58b12-6f6f-4b0c-8be5-bbdc91f55294).' }])
  })

  it('warns about another namespace and a codebook without Codes', () => {
    const { issues } = parseQdc('<CodeBook xmlns="urn:QDA-XML:codebook:1:0"/>')
    expect(where(issues)).toStrictEqual(['warning unexpected_namespace@1:xmlns', 'warning missing_codes@1:-'])
  })

  it('stops at codes nested more than 100 deep', () => {
    const depth = 150
    const xml = `<CodeBook><Codes>${Array.from({ length: depth }, (_, i) => `<Code guid="${guidNumber(i)}" name="L${i}">`).join('')}${'</Code>'.repeat(depth)}</Codes></CodeBook>`
    const { value, issues } = parseQdc(xml)
    expect(where(issues)).toStrictEqual(['error too_deep@1:-'])
    let level = value.themes
    let levels = 0
    while (level[0] !== undefined) {
      levels++
      level = level[0].children
    }
    expect(levels).toBe(100)
  })

  it('caps the issues of a file full of mistakes with one summary', () => {
    const xml = `<CodeBook><Codes>${'<Code name="x"/>'.repeat(1500)}</Codes></CodeBook>`
    const { issues } = parseQdc(xml)
    expect(issues).toHaveLength(1001)
    expect(issues.at(-1)).toMatchObject({ severity: 'error', code: 'too_many_issues', message: '500 more issues were found but not listed after the first 1,000 (expected fix the issues listed and read the file again to see the rest).' })
  })
})

describe('round trip', () => {
  it('reads back exactly what it writes, name included', () => {
    const codebook: Codebook = {
      name: ' Café "ünïcode" & <50%> ?> \n',
      themes: [
        theme(G1, ' a & "b" <c>\n\t\r ', {
          definition: ' leading and trailing \r\n\n\nExamples:\n- not an example ',
          examples: ['two\n\nparagraphs', '', '- dash'],
          colour: '#aaBB00',
          children: [theme(G2, '通訳 😀', { children: [theme(G3.toUpperCase(), ']]> &amp;')] })],
        }),
      ],
    }
    expect(parseQdc(codebookToQdc(codebook))).toStrictEqual({ value: codebook, issues: [] })
  })
})
