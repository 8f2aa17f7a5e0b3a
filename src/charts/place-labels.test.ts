import { describe, expect, it } from 'vitest'
import { textWidth } from './chart-legend.ts'
import { placeLabels, type LabelRequest } from './place-labels.ts'

const frame = { left: 0, right: 400, top: 0, bottom: 300 }

function box(label: { x: number; y: number; anchor: 'start' | 'middle' | 'end'; text: string }) {
  const width = textWidth(label.text)
  const left = label.anchor === 'start' ? label.x : label.anchor === 'middle' ? label.x - width / 2 : label.x - width
  return { left, right: left + width, top: label.y - 7, bottom: label.y + 7 }
}

describe('placeLabels', () => {
  it('puts a lone label right of its point', () => {
    expect(placeLabels([{ text: 'Ashby', px: 100, py: 100, r: 5 }], frame)).toEqual([{ x: 109, y: 100, anchor: 'start', text: 'Ashby', index: 0 }])
  })

  it('goes left at the right edge of the frame', () => {
    const [label] = placeLabels([{ text: 'Ashby', px: 395, py: 100, r: 5 }], frame)
    expect(label).toMatchObject({ x: 386, anchor: 'end' })
  })

  it('never overlaps two labels, nor a label and another point, in a crowd; the rest are left out', () => {
    const crowd: LabelRequest[] = Array.from({ length: 40 }, (_, i) => ({ text: `Practice ${i}`, px: 100 + (i % 8) * 12, py: 100 + Math.floor(i / 8) * 9, r: 4 }))
    const placed = placeLabels(crowd, frame)
    expect(placed.length).toBeGreaterThan(3)
    expect(placed.length).toBeLessThan(40)
    const boxes = placed.map(box)
    boxes.forEach((a, i) => {
      boxes.slice(i + 1).forEach((b) => expect(a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom).toBe(false))
      crowd.forEach((q, j) => {
        if (j === placed[i]!.index) return
        expect(a.left < q.px + q.r && q.px - q.r < a.right && a.top < q.py + q.r && q.py - q.r < a.bottom, `label ${i} over point ${j}`).toBe(false)
      })
    })
  })

  it('puts a label a line away, with a leader line, when the places beside its point are taken', () => {
    // Four points around the first block its right, left and near-above and near-below places.
    const blockers = [
      [215, 138],
      [185, 138],
      [215, 162],
      [185, 162],
    ].map(([px, py]) => ({ text: 'x', px: px!, py: py!, r: 5 }))
    const [label] = placeLabels([{ text: 'Middle point', px: 200, py: 150, r: 5 }, ...blockers], frame)
    expect(label).toMatchObject({ index: 0, anchor: 'start', x: 202.5, y: 120 })
    expect(label?.leader).toEqual({ x1: 200, y1: 141, x2: 202.5, y2: 127 })
  })
})
