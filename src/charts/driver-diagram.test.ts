import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { DRIVER_DIAGRAM_EXAMPLE } from './driver-diagram-fixtures.ts'
import { DRIVER_LAYOUT, NO_DRIVERS_NOTE } from './driver-diagram-layout.ts'
import { DRIVER_BOX_STYLES, DRIVER_LINES } from './driver-diagram-style.ts'
import { describeDriverDiagram } from './driver-diagram-text.ts'
import type { DriverDiagramInput, DriverItem } from './driver-diagram-tree.ts'
import { estimateTextWidth } from './driver-diagram-wrap.ts'
import { driverDiagramSvg } from './driver-diagram.ts'
import { contrastRatio, NHS } from './palette.ts'
import { all, parseSvg, type QueryNode } from './svg-query.ts'

const { input, title, name } = DRIVER_DIAGRAM_EXAMPLE
const markup = driverDiagramSvg(input, { title, id: 'htn' })
const svg = parseSvg(markup)

const item = (id: number, parentId: number | null, kind: DriverItem['kind'], itemTitle: string, measures: string[] = []): DriverItem => ({ id, parentId, kind, title: itemTitle, measures })
const num = (node: QueryNode | undefined, attribute: string): number => Number(node?.getAttribute(attribute))
const lines = (node: QueryNode | null | undefined): string[] => (node ? all(node, 'tspan').map((t) => t.textContent ?? '') : [])

interface Rect {
  readonly x: number
  readonly y: number
  readonly width: number
  readonly height: number
}
const rects = (root: QueryNode): Rect[] => all(root, 'g.driver-aim > rect, g.driver-box > rect').map((r) => ({ x: num(r, 'x'), y: num(r, 'y'), width: num(r, 'width'), height: num(r, 'height') }))
const overlaps = (a: Rect, b: Rect): boolean => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height

describe('driverDiagramSvg accessibility', () => {
  it('is an image labelled by its title and described by the plain-English text', () => {
    expect(svg.getAttribute('role')).toBe('img')
    expect(svg.getAttribute('aria-labelledby')).toBe('htn-title')
    expect(svg.getAttribute('aria-describedby')).toBe('htn-desc')
    expect(svg.querySelector('title#htn-title')?.textContent).toBe(title)
    expect(svg.querySelector('desc#htn-desc')?.textContent).toBe(describeDriverDiagram(input))
    expect(all(svg, ':scope > g').every((g) => g.getAttribute('aria-hidden') === 'true')).toBe(true)
  })

  it('defaults the title to "Driver diagram" and the id to driver-diagram, or one from the title', () => {
    const plain = parseSvg(driverDiagramSvg(input))
    expect(plain.getAttribute('id')).toBe('driver-diagram')
    expect(plain.querySelector('title')?.textContent).toBe('Driver diagram')
    expect(parseSvg(driverDiagramSvg(input, { title: 'Diabetes drivers' })).getAttribute('id')).toBe('driver-diagram-diabetes-drivers')
  })

  it('uses colours whose text meets WCAG AA and whose edges and lines meet 3:1', () => {
    for (const style of Object.values(DRIVER_BOX_STYLES)) {
      expect(contrastRatio(style.text, style.fill)).toBeGreaterThanOrEqual(4.5)
      expect(contrastRatio(style.measures, style.fill)).toBeGreaterThanOrEqual(4.5)
      expect(contrastRatio(style.stroke, NHS.white)).toBeGreaterThanOrEqual(3)
    }
    expect(contrastRatio(DRIVER_LINES.connector.stroke, NHS.white)).toBeGreaterThanOrEqual(3)
    expect(contrastRatio(DRIVER_LINES.note, NHS.white)).toBeGreaterThanOrEqual(4.5)
  })
})

describe('driverDiagramSvg structure', () => {
  it('draws the aim and one box per item, in diagram order, by kind', () => {
    expect(all(svg, 'g.driver-aim')).toHaveLength(1)
    const boxes = all(svg, 'g.driver-box')
    expect(boxes).toHaveLength(input.items.length)
    expect(boxes.map((b) => Number(b.getAttribute('data-id')))).toEqual(input.items.map((i) => i.id))
    expect(all(svg, 'g.driver-primary')).toHaveLength(4)
    expect(all(svg, 'g.driver-secondary')).toHaveLength(7)
    expect(all(svg, 'g.driver-change-idea')).toHaveLength(13)
    expect(lines(svg.querySelector('g.driver-box[data-id="1"] text.driver-box-title'))).toEqual(['People are found'])
  })

  it('draws one connector per item, from its parent (or the aim) to it', () => {
    const connectors = all(svg, 'path.driver-connector')
    expect(connectors).toHaveLength(input.items.length)
    expect(connectors.map((c) => [c.getAttribute('data-from'), c.getAttribute('data-to')])).toEqual(input.items.map((i) => [String(i.parentId ?? 'aim'), String(i.id)]))
  })

  it('joins each parent’s right edge to its child’s left edge', () => {
    const box = (id: string): Rect => rects(svg.querySelector(id === 'aim' ? 'g.driver-aim' : `g.driver-box[data-id="${id}"]`) as QueryNode)[0] as Rect
    for (const connector of all(svg, 'path.driver-connector')) {
      const d = connector.getAttribute('d') ?? ''
      const [, x0, y0] = /^M([\d.]+),([\d.]+)/.exec(d) ?? []
      const [, x1] = /H([\d.]+)$/.exec(d) ?? []
      const parent = box(connector.getAttribute('data-from') ?? '')
      const child = box(connector.getAttribute('data-to') ?? '')
      // Rects are inset by half their stroke, so a box's edge is within a pixel of its rect's.
      expect(Math.abs(Number(x0) - (parent.x + parent.width))).toBeLessThanOrEqual(1)
      expect(Number(y0)).toBeGreaterThan(parent.y)
      expect(Number(y0)).toBeLessThan(parent.y + parent.height)
      expect(Math.abs(Number(x1) - child.x)).toBeLessThanOrEqual(1)
    }
  })

  it('has the four column headings', () => {
    expect(all(svg, 'text.driver-heading').map((t) => t.textContent)).toEqual(['Aim', 'Primary drivers', 'Secondary drivers', 'Change ideas'])
  })

  it('keeps every box inside the picture, below the headings, with no two boxes overlapping', () => {
    const boxes = rects(svg)
    const [width, height] = [num(svg, 'width'), num(svg, 'height')]
    for (const b of boxes) {
      expect(b.x).toBeGreaterThanOrEqual(0)
      expect(b.y).toBeGreaterThanOrEqual(DRIVER_LAYOUT.margin + DRIVER_LAYOUT.headingRuleY)
      expect(b.x + b.width).toBeLessThanOrEqual(width)
      expect(b.y + b.height).toBeLessThanOrEqual(height)
    }
    boxes.forEach((a, i) => boxes.slice(i + 1).forEach((b) => expect(overlaps(a, b), JSON.stringify([a, b])).toBe(false)))
  })

  it('shows linked measures in small text under the title', () => {
    const box = svg.querySelector('g.driver-box[data-id="21"]')
    const measures = box?.querySelector('text.driver-box-measures')
    expect(measures?.getAttribute('font-size')).toBe(String(DRIVER_LAYOUT.measureSize))
    expect(lines(measures).join(' ')).toBe('Measure: Home blood-pressure monitors lent')
    expect(Math.min(...all(measures as QueryNode, 'tspan').map((t) => num(t, 'y')))).toBeGreaterThan(Math.max(...all(box as QueryNode, 'text.driver-box-title tspan').map((t) => num(t, 'y'))))
    expect(svg.querySelector('g.driver-box[data-id="42"] text.driver-box-measures')).toBeNull()
  })

  it('grows taller with the number of leaves', () => {
    const more: DriverDiagramInput = { ...input, items: [...input.items, item(999, 4, 'change_idea', 'Faith leaders talk about blood pressure')] }
    expect(num(parseSvg(driverDiagramSvg(more)), 'height')).toBeGreaterThan(num(svg, 'height'))
  })
})

describe('driverDiagramSvg text', () => {
  const long = 'Every adult registered with a practice is offered a blood pressure check at least once every five years, by text, phone or letter, in the language they prefer'
  const wrapped = parseSvg(driverDiagramSvg({ aim: 'Aim', items: [item(1, null, 'primary', long), item(2, 1, 'change_idea', 'Pneumonoultramicroscopicsilicovolcanoconiosis-screening-in-pharmacies')] }))

  it('wraps a long title onto lines that fit the box, losing no words', () => {
    const box = wrapped.querySelector('g.driver-box[data-id="1"]') as QueryNode
    const titleLines = lines(box.querySelector('text.driver-box-title'))
    expect(titleLines.length).toBeGreaterThan(3)
    expect(titleLines.join(' ')).toBe(long)
    const inner = num(box.querySelector('rect') as QueryNode, 'width') - 2 * DRIVER_LAYOUT.padX + 2
    for (const line of titleLines) expect(estimateTextWidth(line, DRIVER_LAYOUT.titleSize, 'bold')).toBeLessThanOrEqual(inner)
    const lineYs = all(box, 'text.driver-box-title tspan').map((t) => num(t, 'y'))
    expect(lineYs.at(-1)).toBeLessThan(num(box.querySelector('rect') as QueryNode, 'y') + num(box.querySelector('rect') as QueryNode, 'height'))
  })

  it('breaks a word too long for a line, after its hyphens first', () => {
    const ideaLines = lines(wrapped.querySelector('g.driver-box[data-id="2"] text.driver-box-title'))
    expect(ideaLines.join('')).toBe('Pneumonoultramicroscopicsilicovolcanoconiosis-screening-in-pharmacies')
    expect(ideaLines).toHaveLength(3)
    expect(ideaLines[1]).toMatch(/-screening-$/)
    expect(ideaLines[2]).toBe('in-pharmacies')
  })

  it('escapes every piece of text', () => {
    const hostile = '<script>alert("x")</script> & \'quoted\' ]]>'
    const out = driverDiagramSvg({ aim: hostile, items: [item(1, null, 'primary', hostile, [hostile])] }, { title: hostile })
    expect(out).not.toContain('<script>')
    expect(out).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &apos;quoted&apos; ]]&gt;')
    const parsed = parseSvg(out)
    expect(parsed.querySelector('title')?.textContent).toBe(hostile)
    expect(lines(parsed.querySelector('g.driver-box text.driver-box-title')).join(' ')).toBe(hostile)
    expect(lines(parsed.querySelector('g.driver-box text.driver-box-measures')).join(' ')).toBe(`Measure: ${hostile}`)
    expect(parsed.querySelector('desc')?.textContent).toContain(hostile)
  })

  it('removes control characters, which XML cannot carry even escaped', () => {
    const out = driverDiagramSvg({ aim: 'Raise\u0000 control\u0007', items: [item(1, null, 'primary', 'Found\u001B\tearly')] })
    // eslint-disable-next-line no-control-regex
    expect(out).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/)
    expect(lines(parseSvg(out).querySelector('g.driver-box text.driver-box-title'))).toEqual(['Found early'])
  })
})

describe('driverDiagramSvg with no drivers', () => {
  const empty = parseSvg(driverDiagramSvg({ aim: input.aim, items: [] }, { id: 'empty' }))

  it('draws just the aim, its heading and a sentence saying there are no drivers yet', () => {
    expect(all(empty, 'g.driver-aim')).toHaveLength(1)
    expect(all(empty, 'g.driver-box')).toHaveLength(0)
    expect(all(empty, 'path.driver-connector')).toHaveLength(0)
    expect(all(empty, 'text.driver-heading').map((t) => t.textContent)).toEqual(['Aim'])
    expect(lines(empty.querySelector('g.driver-note')).join(' ')).toBe(NO_DRIVERS_NOTE)
    expect(lines(empty.querySelector('g.driver-aim text.driver-box-title')).join(' ')).toBe(input.aim)
    expect(empty.querySelector('desc')?.textContent).toBe(`Aim: ${input.aim} No drivers yet.`)
  })

  it('says so when the aim is not written either', () => {
    const blank = parseSvg(driverDiagramSvg({ aim: '  ', items: [] }))
    expect(lines(blank.querySelector('g.driver-aim text.driver-box-title')).join(' ')).toBe('No aim written yet')
    expect(blank.querySelector('desc')?.textContent).toBe('Aim: not written yet. No drivers yet.')
  })
})

describe('driverDiagramSvg refuses', () => {
  it.each([
    [[item(1, null, 'primary', 'A'), item(1, null, 'primary', 'B')], 'invalid driver 1: the id is used twice'],
    [[item(1, 7, 'primary', 'A')], 'invalid driver 1 ("A"): a primary driver hangs off the aim (expected parentId null, got 7)'],
    [[item(2, null, 'secondary', 'S')], 'invalid driver 2 ("S"): a secondary driver needs a parent (expected the id of a primary driver)'],
    [[item(2, 9, 'change_idea', 'C')], 'invalid driver 2 ("C"): parentId 9 is not an item of the diagram'],
    [[item(1, null, 'primary', 'A'), item(2, 1, 'change_idea', 'C'), item(3, 2, 'secondary', 'S')], 'invalid driver 3 ("S"): a secondary driver cannot hang off a change idea (parentId 2; expected a primary driver)'],
    [[{ ...item(1, null, 'primary', 'A'), kind: 'tertiary' as DriverItem['kind'] }], 'invalid driver 1: kind "tertiary" (expected primary, secondary or change_idea)'],
  ])('a badly formed tree (%#)', (items, message) => {
    expect(() => driverDiagramSvg({ aim: 'Aim', items })).toThrow(message)
  })

  it('a width under 640 or an id that is not a name', () => {
    expect(() => driverDiagramSvg(input, { width: 500 })).toThrow('invalid width: 500 (expected at least 640)')
    expect(() => driverDiagramSvg(input, { id: 'a" onload="x' })).toThrow('invalid id: "a\\" onload=\\"x"')
  })
})

describe('driverDiagramSvg output', () => {
  it('is the same bytes for the same input', () => {
    expect(driverDiagramSvg(structuredClone(input), { title, id: 'htn' })).toBe(markup)
  })

  it('matches its gallery golden', () => {
    const file = new URL(`./__gallery__/${name}.svg`, import.meta.url)
    const readable = `${driverDiagramSvg(input, { title, id: name }).replaceAll('><g', '>\n<g')}\n`
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(file, readable)
    expect(existsSync(file), `missing golden ${name}.svg: run with UPDATE_GOLDEN=1`).toBe(true)
    expect(readable, `${name}.svg changed: look at it, then run with UPDATE_GOLDEN=1`).toBe(readFileSync(file, 'utf8'))
  })
})
