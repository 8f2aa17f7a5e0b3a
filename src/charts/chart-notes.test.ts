import { describe, expect, it } from 'vitest'
import { addPeriods } from '../core/period.ts'
import { runChart } from '../core/spc/run-chart.ts'
import { NOTE_TEXT_MAX, numberNotes, placeMarkers } from './chart-notes.ts'
import { spcFixture } from './fixtures.ts'
import { contrastRatio, NHS, NOTE_STYLE } from './palette.ts'
import { runChartSvg } from './run-chart.ts'
import { spcChartSvg, type SpcChartOptions } from './spc-chart.ts'
import { all, parseSvg, type QueryNode } from './svg-query.ts'

const flat = [60, 62, 61, 63, 62, 61, 60, 62, 63, 61, 62, 60, 61, 62, 63, 61].map((v) => v / 100)
/** 16 weeks from 6 Jan 2025 (last 21 Apr 2025), then 14 after a rebase on 28 Apr 2025 (last 28 Jul 2025). */
const rebased = spcFixture({
  start: '2025-01-06',
  unit: 'week',
  segments: [{ values: flat }, { values: flat.slice(0, 14).map((v) => v + 0.04), reason: 'New guideline' }],
})
const options: SpcChartOptions = { title: 'Blood pressure control', valueFormat: 'percent', id: 'bp' }

/** The translate(x,y) of an element. */
function translate(node: QueryNode): [number, number] {
  const match = /translate\(([-\d.]+),([-\d.]+)\)/.exec(node.getAttribute('transform') ?? '')
  if (!match) throw new Error(`no translate in ${node.getAttribute('transform')}`)
  return [Number(match[1]), Number(match[2])]
}

/** The [x, y] vertices of a path of M and L commands. */
function vertices(d: string): [number, number][] {
  return [...d.matchAll(/[ML]([-\d.]+),([-\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])])
}

function markers(svg: QueryNode): QueryNode[] {
  return all(svg, 'g.chart-notes > g.chart-note')
}

describe('notes on the SPC chart', () => {
  const annotations = [
    { date: '2025-03-03', text: 'Evening clinic started' },
    { date: '2025-01-20', text: 'Practice closed for a flood' },
  ]
  const svg = parseSvg(spcChartSvg(rebased, { ...options, annotations }))

  it('draws a numbered marker per note, numbered in date order, with a hover title', () => {
    const drawn = markers(svg)
    expect(drawn).toHaveLength(2)
    expect(drawn.map((m) => m.querySelector('text')?.textContent)).toEqual(['1', '2'])
    expect(drawn.map((m) => m.querySelector('title')?.textContent)).toEqual(['Note 1, 20 Jan 2025: Practice closed for a flood', 'Note 2, 3 Mar 2025: Evening clinic started'])
    expect(drawn.map((m) => m.getAttribute('id'))).toEqual(['bp-note-1', 'bp-note-2'])
    const [first, second] = drawn.map(translate)
    expect(first![0]).toBeLessThan(second![0])
  })

  it('places each marker at its period, inside the top of the frame, with a dotted guide down to the point', () => {
    const points = all(svg, 'g.spc-points > path').map(translate)
    const guides = all(svg, 'g.chart-note-guides > path').map((p) => vertices(p.getAttribute('d') ?? ''))
    expect(svg.querySelector('g.chart-note-guides')?.getAttribute('stroke-dasharray')).toBe(NOTE_STYLE.guide.dash)
    expect(guides).toHaveLength(2)
    const topGrid = Math.min(...all(svg, 'g[aria-label="y-grid"] line').map((l) => Number(l.getAttribute('y1') ?? translate(l)[1])))
    markers(svg).forEach((marker, i) => {
      const [x, y] = translate(marker)
      const point = points.find(([px]) => Math.abs(px - x) < 0.01)
      expect(point, `a point under marker ${i + 1}`).toBeDefined()
      expect(y).toBeLessThan(topGrid)
      const guide = guides[i]!
      expect(guide.every(([gx]) => Math.abs(gx - x) < 0.01)).toBe(true)
      expect(guide[0]![1]).toBeGreaterThan(y)
      expect(guide.at(-1)![1]).toBeLessThan(point![1])
      expect(guide.at(-1)![1]).toBeGreaterThan(point![1] - 20)
    })
  })

  it('draws the guides under the data and the rebase rule, and the markers on top', () => {
    const children = [...svg.querySelectorAll(':scope > g')].map((g) => g.getAttribute('class'))
    expect(children.indexOf('chart-note-guides')).toBeLessThan(children.indexOf('spc-rebase'))
    expect(children.indexOf('spc-rebase')).toBeLessThan(children.indexOf('spc-points'))
    expect(children.indexOf('chart-notes')).toBeGreaterThan(children.indexOf('spc-line-labels'))
  })

  it('moves the rebase label below the markers', () => {
    const label = svg.querySelector('g.spc-rebase-label')!
    const labelTop = translate(label)[1] + translate(label.querySelector('text')!)[1]
    const markerBottom = Math.max(...markers(svg).map((m) => translate(m)[1])) + 9
    expect(labelTop).toBeGreaterThan(markerBottom)
  })

  it('ends the desc with the notes', () => {
    const desc = svg.querySelector('desc')?.textContent ?? ''
    expect(desc).toMatch(/ Notes: 1 \(20 Jan 2025\) Practice closed for a flood; 2 \(3 Mar 2025\) Evening clinic started\.$/)
  })

  it('adds the legend entry only when there are notes', () => {
    const legend = (s: QueryNode): (string | null)[] => all(s, 'g.legend-item > text').map((i) => i.textContent)
    expect(legend(svg)).toContain('Note (numbered)')
    expect(legend(parseSvg(spcChartSvg(rebased, options)))).not.toContain('Note (numbered)')
  })

  it('draws nothing new without notes', () => {
    const plain = spcChartSvg(rebased, options)
    expect(spcChartSvg(rebased, { ...options, annotations: [] })).toBe(plain)
    expect(plain).not.toContain('chart-note')
  })

  it('offsets markers that would overlap, so both numbers stay readable', () => {
    const close = [
      { date: '2025-02-03', text: 'First' },
      { date: '2025-02-10', text: 'Second, a week later' },
      { date: '2025-02-10', text: 'Third, the same week' },
      { date: '2025-02-10', text: 'Fourth, the same week' },
      { date: '2025-02-10', text: 'Fifth, the same week' },
    ]
    const svg = parseSvg(spcChartSvg(rebased, { ...options, annotations: close }))
    const drawn = markers(svg).map(translate)
    expect(drawn).toHaveLength(5)
    // One guide per period (two here), so dotted lines on the same period do not add up to a solid one.
    expect(all(svg, 'g.chart-note-guides > path')).toHaveLength(2)
    for (const [i, a] of drawn.entries()) {
      for (const b of drawn.slice(i + 1)) expect(Math.hypot(a[0] - b[0], a[1] - b[1])).toBeGreaterThanOrEqual(18)
    }
    expect(new Set(drawn.map(([, y]) => y)).size).toBeGreaterThan(1)
  })

  it('lists a note outside the chart dates in the desc, numbered in date order, without drawing it', () => {
    const svgOut = parseSvg(
      spcChartSvg(rebased, {
        ...options,
        annotations: [
          { date: '2025-03-03', text: 'Evening clinic started' },
          { date: '2024-12-02', text: 'Before the chart' },
          { date: '2025-08-04', text: 'After the last week' },
        ],
      }),
    )
    expect(markers(svgOut).map((m) => m.querySelector('text')?.textContent)).toEqual(['2'])
    expect(svgOut.querySelector('desc')?.textContent).toMatch(/Notes: 1 \(2 Dec 2024\) Before the chart; 2 \(3 Mar 2025\) Evening clinic started; 3 \(4 Aug 2025\) After the last week\.$/)
    const none = parseSvg(spcChartSvg(rebased, { ...options, annotations: [{ date: '2020-01-01', text: 'Long ago' }] }))
    expect(markers(none)).toHaveLength(0)
    expect(all(none, 'g.legend-item').map((i) => i.textContent)).not.toContain('Note (numbered)')
    expect(none.querySelector('desc')?.textContent).toMatch(/Notes: 1 \(1 Jan 2020\) Long ago\.$/)
  })

  it('keeps every id prefixed by the chart id, escapes the text and is deterministic', () => {
    const tricky = [{ date: '2025-03-03', text: 'A&E <closed> "all day"' }]
    const markup = spcChartSvg(rebased, { ...options, id: 'chart-a', annotations: tricky })
    expect(spcChartSvg(rebased, { ...options, id: 'chart-a', annotations: tricky })).toBe(markup)
    const parsed = parseSvg(markup)
    expect(all(parsed, '[id]').every((n) => n.getAttribute('id')?.startsWith('chart-a'))).toBe(true)
    expect(markers(parsed)[0]?.querySelector('title')?.textContent).toBe('Note 1, 3 Mar 2025: A&E <closed> "all day"')
  })

  it('lists the notes of an empty chart', () => {
    const empty = { ...rebased, points: [], segments: [], variation: null, assurance: null }
    const svgEmpty = parseSvg(spcChartSvg(empty, { ...options, annotations: [{ date: '2025-03-03', text: 'Evening clinic started' }] }))
    expect(markers(svgEmpty)).toHaveLength(0)
    expect(svgEmpty.querySelector('desc')?.textContent).toBe('Statistical process control chart of Blood pressure control: no data yet. Notes: 1 (3 Mar 2025) Evening clinic started.')
  })
})

describe('notes on the run chart', () => {
  const weekly = [5, 7, 6, 8, 5, 7, 6, 8, 5, 7, 6, 8, 9, 11, 10, 12, 9, 11, 10, 12].map((value, i) => ({ period: addPeriods('2025-01-06', 'week', i), value }))
  const result = runChart(weekly, { rebases: [{ date: addPeriods('2025-01-06', 'week', 12), reason: 'New pathway' }] })
  const runOptions = { title: 'Median wait', valueFormat: 'number', unit: 'days', id: 'wait' } as const

  it('draws the markers, the legend entry and the notes in the desc', () => {
    const svg = parseSvg(runChartSvg(result, { ...runOptions, annotations: [{ date: '2025-04-02', text: 'New pathway went live midweek' }] }))
    const drawn = markers(svg)
    expect(drawn).toHaveLength(1)
    expect(drawn[0]?.querySelector('title')?.textContent).toBe('Note 1, 2 Apr 2025: New pathway went live midweek')
    const x = translate(drawn[0]!)[0]
    const week = all(svg, 'g.run-points > path').map(translate).find(([px]) => Math.abs(px - x) < 0.01)
    expect(week, 'the marker is over the week of 31 Mar 2025').toBeDefined()
    expect(all(svg, 'g.legend-item > text').map((i) => i.textContent)).toContain('Note (numbered)')
    expect(svg.querySelector('desc')?.textContent).toMatch(/Notes: 1 \(2 Apr 2025\) New pathway went live midweek\.$/)
  })

  it('draws nothing new without notes', () => {
    expect(runChartSvg(result, { ...runOptions, annotations: [] })).toBe(runChartSvg(result, runOptions))
  })
})

describe('numberNotes', () => {
  const periods = ['2025-01-06', '2025-01-13', '2025-01-20']

  it('finds the period of each date, up to the end of the last period', () => {
    const notes = numberNotes(
      [
        { date: '2025-01-26', text: 'last day of the last week' },
        { date: '2025-01-27', text: 'after it' },
        { date: '2025-01-05', text: 'before the first' },
        { date: '2025-01-08', text: 'midweek' },
      ],
      periods,
      'week',
    )
    expect(notes.map((n) => [n.number, n.text, n.point])).toEqual([
      [1, 'before the first', null],
      [2, 'midweek', 0],
      [3, 'last day of the last week', 2],
      [4, 'after it', null],
    ])
  })

  it('keeps the given order on the same date and tidies white space', () => {
    const notes = numberNotes(
      [
        { date: '2025-01-13', text: 'b' },
        { date: '2025-01-13', text: '  a \n on two lines ' },
      ],
      periods,
      undefined,
    )
    expect(notes.map((n) => n.text)).toEqual(['b', 'a on two lines'])
  })

  it('rejects a bad date, an empty text and a text over 500 characters, quoting them', () => {
    expect(() => numberNotes([{ date: '2025-02-30', text: 'x' }], periods, 'week')).toThrow('invalid annotation date: "2025-02-30"')
    expect(() => numberNotes([{ date: '2025-01-13', text: '  ' }], periods, 'week')).toThrow('annotation on 2025-01-13 has no text')
    expect(numberNotes([{ date: '2025-01-13', text: 'x'.repeat(NOTE_TEXT_MAX) }], periods, 'week')).toHaveLength(1)
    expect(() => numberNotes([{ date: '2025-01-13', text: 'x'.repeat(NOTE_TEXT_MAX + 1) }], periods, 'week')).toThrow('is too long: 501 characters (expected at most 500)')
  })
})

describe('placeMarkers', () => {
  it('keeps apart markers in one row, and stacks close ones in the next rows', () => {
    expect(placeMarkers([0, 30, 60], 3)).toEqual([
      { x: 0, row: 0 },
      { x: 30, row: 0 },
      { x: 60, row: 0 },
    ])
    expect(placeMarkers([0, 10, 15, 40], 3)).toEqual([
      { x: 0, row: 0 },
      { x: 10, row: 1 },
      { x: 15, row: 2 },
      { x: 40, row: 0 },
    ])
  })

  it('moves a marker right along a row when every row is taken', () => {
    expect(placeMarkers([0, 0, 0], 2)).toEqual([
      { x: 0, row: 0 },
      { x: 0, row: 1 },
      { x: 20, row: 0 },
    ])
  })
})

describe('note colours', () => {
  it('meet WCAG 2.2 AA: the number against its disc, the disc and guide against white', () => {
    expect(contrastRatio(NOTE_STYLE.number, NOTE_STYLE.fill)).toBeGreaterThanOrEqual(4.5)
    expect(contrastRatio(NOTE_STYLE.fill, NHS.white)).toBeGreaterThanOrEqual(3)
    expect(contrastRatio(NOTE_STYLE.guide.stroke, NHS.white)).toBeGreaterThanOrEqual(3)
  })
})
