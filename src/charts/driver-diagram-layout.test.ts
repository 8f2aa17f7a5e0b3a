import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { layoutDriverDiagram, type DriverBox } from './driver-diagram-layout.ts'
import { driverTree, type DriverDiagramInput, type DriverItem } from './driver-diagram-tree.ts'
import { estimateTextWidth, wrapText } from './driver-diagram-wrap.ts'

const words = fc.array(fc.constantFrom('people', 'are', 'found', 'blood', 'pressure', 'W', 'iii', 'monitors', 'Pneumonoultramicroscopic', 'check-ups/reviews', '<&>', 'é', '—'), { minLength: 1, maxLength: 30 }).map((w) => w.join(' '))
const measures = fc.array(words, { maxLength: 3 })

/** Random well-formed diagrams: primaries with secondaries and change ideas under either. */
const diagram: fc.Arbitrary<DriverDiagramInput> = fc
  .record({
    aim: words,
    primaries: fc.array(
      fc.record({ title: words, measures, children: fc.array(fc.record({ title: words, measures, secondary: fc.boolean(), ideas: fc.array(fc.tuple(words, measures), { maxLength: 4 }) }), { maxLength: 4 }) }),
      { maxLength: 5 },
    ),
  })
  .map(({ aim, primaries }) => {
    const items: DriverItem[] = []
    const add = (parentId: number | null, kind: DriverItem['kind'], title: string, m: string[]): number => {
      items.push({ id: items.length + 1, parentId, kind, title, measures: m })
      return items.length
    }
    for (const p of primaries) {
      const primary = add(null, 'primary', p.title, p.measures)
      for (const c of p.children) {
        if (!c.secondary) add(primary, 'change_idea', c.title, c.measures)
        else {
          const secondary = add(primary, 'secondary', c.title, c.measures)
          for (const [title, m] of c.ideas) add(secondary, 'change_idea', title, m)
        }
      }
    }
    return { aim, items }
  })

const overlaps = (a: DriverBox, b: DriverBox): boolean => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height

describe('layoutDriverDiagram', () => {
  it('never overlaps boxes, keeps them in the picture and joins every item to its parent', () => {
    fc.assert(
      fc.property(diagram, fc.integer({ min: 640, max: 1600 }), (input, width) => {
        const layout = layoutDriverDiagram(input, driverTree(input), width)
        expect(layout.boxes).toHaveLength(input.items.length + 1)
        expect(layout.connectors).toHaveLength(input.items.length)
        for (const box of layout.boxes) {
          expect(box.x + box.width).toBeLessThanOrEqual(width)
          expect(box.y + box.height).toBeLessThanOrEqual(layout.height)
        }
        layout.boxes.forEach((a, i) => layout.boxes.slice(i + 1).forEach((b) => expect(overlaps(a, b)).toBe(false)))
      }),
      { seed: 20_251_126, numRuns: 150 },
    )
  })

  it('runs a change idea’s connector under no box when it skips the secondary column', () => {
    fc.assert(
      fc.property(diagram, (input) => {
        const layout = layoutDriverDiagram(input, driverTree(input), 1000)
        const secondaries = layout.boxes.filter((b) => b.column === 'secondary')
        const kinds = new Map(input.items.map((i) => [i.id, i.kind]))
        for (const c of layout.connectors.filter((c) => c.from !== null && kinds.get(c.from) === 'primary' && kinds.get(c.to) === 'change_idea')) {
          const y = Number(/,([\d.]+)H[\d.]+$/.exec(c.d)?.[1] ?? /^M[\d.]+,([\d.]+)/.exec(c.d)?.[1])
          expect(secondaries.some((b) => y >= b.y && y <= b.y + b.height)).toBe(false)
        }
      }),
      { seed: 7, numRuns: 150 },
    )
  })
})

describe('wrapText', () => {
  it('keeps every word, in order, on lines that fit unless a single character does not', () => {
    fc.assert(
      fc.property(words, fc.integer({ min: 20, max: 300 }), fc.constantFrom('normal' as const, 'bold' as const), (text, width, weight) => {
        const lines = wrapText(text, width, 13, weight)
        expect(lines.join('').replaceAll(' ', '')).toBe(text.replaceAll(' ', ''))
        for (const line of lines) expect(line.length === 1 || estimateTextWidth(line, 13, weight) <= width).toBe(true)
      }),
      { seed: 3, numRuns: 300 },
    )
  })

  it('estimates Arial widths: a bold line is wider, capitals wider than lower case', () => {
    expect(estimateTextWidth('abc', 10)).toBeCloseTo((1.612 * 10 * 1.06), 6)
    expect(estimateTextWidth('Measuring', 13, 'bold')).toBeGreaterThan(estimateTextWidth('Measuring', 13))
    expect(estimateTextWidth('WWW', 13)).toBeGreaterThan(estimateTextWidth('iii', 13))
  })
})
