/** Greedy placement of point labels in pixels: beside the point where nothing else is, or not at all. */
import { textWidth, TEXT_SIZE } from './chart-legend.ts'

export interface LabelRequest {
  readonly text: string
  /** Point centre in pixels. */
  readonly px: number
  readonly py: number
  /** Radius of the point's mark in pixels. */
  readonly r: number
}

export interface PlacedLabel {
  /** Anchor of the text in pixels (vertical centre of the line). */
  readonly x: number
  readonly y: number
  readonly anchor: Anchor
  readonly text: string
  /** Index into the requests. */
  readonly index: number
  /** For a label a line away from its point: where a leader line from the point's edge should end (pixels). */
  readonly leader?: { readonly x1: number; readonly y1: number; readonly x2: number; readonly y2: number }
}

export type Anchor = 'start' | 'middle' | 'end'

interface Box {
  readonly left: number
  readonly right: number
  readonly top: number
  readonly bottom: number
}

const GAP = 4
const HEIGHT = TEXT_SIZE + 2

/**
 * Place labels in the order given (put the important ones first): right of the point, left of it,
 * then above or below (on either side, then centred), then a line further up or down; a label that
 * fits nowhere inside `frame` without touching a point or a placed label is left out (it is still
 * in the point's tooltip and the text alternative).
 */
export function placeLabels(requests: readonly LabelRequest[], frame: Box): PlacedLabel[] {
  // Points keep a margin of GAP around them, so no label sits close enough to a point to seem its label.
  const taken: Box[] = requests.map((q) => ({ left: q.px - q.r - GAP, right: q.px + q.r + GAP, top: q.py - q.r - GAP, bottom: q.py + q.r + GAP }))
  const placed: PlacedLabel[] = []
  requests.forEach((q, index) => {
    const width = textWidth(q.text)
    const offset = q.r + GAP
    const candidates: { x: number; y: number; anchor: Anchor; far: boolean }[] = [
      { x: q.px + offset, y: q.py, anchor: 'start', far: false },
      { x: q.px - offset, y: q.py, anchor: 'end', far: false },
    ]
    for (const far of [false, true]) {
      const rise = offset + (far ? (3 * HEIGHT) / 2 : HEIGHT / 2)
      for (const dy of [-rise, rise]) {
        candidates.push({ x: q.px + q.r / 2, y: q.py + dy, anchor: 'start', far }, { x: q.px - q.r / 2, y: q.py + dy, anchor: 'end', far }, { x: q.px, y: q.py + dy, anchor: 'middle', far })
      }
    }
    for (const c of candidates) {
      const left = c.anchor === 'start' ? c.x : c.anchor === 'middle' ? c.x - width / 2 : c.x - width
      const box = { left, right: left + width, top: c.y - HEIGHT / 2, bottom: c.y + HEIGHT / 2 }
      const within = box.left >= frame.left && box.right <= frame.right && box.top >= frame.top && box.bottom <= frame.bottom
      const above = c.y < q.py
      const leader = { x1: q.px, y1: q.py + (above ? -q.r - GAP : q.r + GAP), x2: c.x, y2: above ? box.bottom : box.top }
      // A leader line must not cross another label or point either, or it would point at the wrong one.
      const corridor = { left: Math.min(leader.x1, leader.x2) - 1, right: Math.max(leader.x1, leader.x2) + 1, top: Math.min(leader.y1, leader.y2), bottom: Math.max(leader.y1, leader.y2) }
      const boxes = c.far ? [box, corridor] : [box]
      if (!within || boxes.some((b) => taken.some((t) => overlaps(t, b)))) continue
      taken.push(...boxes)
      placed.push({ x: c.x, y: c.y, anchor: c.anchor, text: q.text, index, ...(c.far ? { leader } : {}) })
      return
    }
  })
  return placed
}

function overlaps(a: Box, b: Box): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom
}
