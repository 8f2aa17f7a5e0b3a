import { describe, expect, it } from 'vitest'
import { findingScore } from './rank.ts'
import type { Convergence, EvidenceSource } from './types.ts'

const cells = (staff: Convergence, patients: Convergence, community: Convergence): Record<EvidenceSource, Convergence | null> => ({ numbers: null, staff, patients, community, peers: 'silence' })

describe('findingScore', () => {
  it('worked example of docs/methods/triangulation.md: 40·0.5 + 30·0.8 + 20·0.8356 + 10·0.6', () => {
    // agreement (1) + partial (½) + silence (0) = 1.5 / 3 = 0.5; latest evidence 2025-01-01 in the
    // window 2024-03-31 → 2025-03-31 (365 days): 276 / 365; 999 people: log10(1000) / log10(100001).
    const parts = findingScore({ cells: cells('agreement', 'partial_agreement', 'silence'), strength: 0.8, latest: '2025-01-01', from: '2024-03-31', today: '2025-03-31', people: 999 })
    expect(parts.agreement).toBeCloseTo(0.5, 12)
    expect(parts.recency).toBeCloseTo(276 / 365, 12)
    expect(parts.people).toBeCloseTo(3 / Math.log10(100_001), 12)
    expect(parts.score).toBeCloseTo(20 + 24 + (20 * 276) / 365 + (10 * 3) / Math.log10(100_001), 10)
  })

  it('is 0 with nothing, caps each part at 1, and ignores unknown or non-positive people', () => {
    expect(findingScore({ cells: cells('silence', 'silence', 'dissonance'), strength: 0, latest: null, from: '2024-01-01', today: '2025-01-01', people: null }).score).toBe(0)
    const full = findingScore({ cells: cells('agreement', 'agreement', 'agreement'), strength: 1, latest: '2026-01-01', from: '2024-01-01', today: '2025-01-01', people: 10_000_000 })
    expect(full).toMatchObject({ agreement: 1, strength: 1, recency: 1, people: 1, score: 100 })
    expect(findingScore({ cells: cells('silence', 'silence', 'silence'), strength: 0, latest: '2023-01-01', from: '2024-01-01', today: '2025-01-01', people: -5 })).toMatchObject({ recency: 0, people: 0 })
  })
})
