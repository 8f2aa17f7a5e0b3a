/**
 * Briefing generation for the demo programme (issue 8): the board and community briefings, internal
 * and external, timed as a web page (assembling the briefing from the live evidence, then HTML), as
 * PDF (the same HTML printed by Chromium) and as Word (docx). Beside them, in the same run, the
 * floors: the programme overview the home page shows (the same summary matrix, read the same way),
 * Chromium printing a one-line page, and docx writing a one-line document. Each figure is the
 * median of several runs after one warm-up run, on PGlite.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { CLI_ACTOR } from '../src/app/auth/audit.ts'
import { getProgrammeOverview } from '../src/app/analyse/programme-overview.ts'
import { seedDemo } from '../src/app/seed/seed-demo.ts'
import { generateBriefing } from '../src/app/share/generate-briefing.ts'
import { briefingToDocx } from '../src/reports/docx.ts'
import { briefingToHtml } from '../src/reports/html.ts'
import type { Audience, Briefing, BriefingKind } from '../src/reports/model.ts'
import { closePdfRenderer, htmlToPdf } from '../src/reports/pdf.ts'
import { openDatabase } from '../src/storage/database.ts'
import { migrateToLatest } from '../src/storage/migrate.ts'

export interface BriefingBenchRow {
  readonly operation: string
  /** Median seconds of one run. */
  readonly seconds: number
  readonly runs: number
  readonly note: string
}

const RUNS = Number(process.env.LHS_BENCH_BRIEFING_RUNS ?? 5)

async function median(runs: number, fn: () => Promise<unknown>): Promise<number> {
  await fn()
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const start = performance.now()
    await fn()
    times.push((performance.now() - start) / 1000)
  }
  times.sort((a, b) => a - b)
  return times[Math.floor(times.length / 2)]!
}

const ONE_LINE: Briefing = {
  kind: 'board', title: 'One line', subtitle: '', generatedOn: '2026-11-26', audience: 'internal', disclosureStatement: 'Exact numbers.', plainLanguage: false,
  sections: [{ heading: 'One', blocks: [{ kind: 'paragraph', text: 'One line.' }] }],
}

export async function benchBriefings(log: (line: string) => void): Promise<BriefingBenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'lhs-bench-briefings-'))
  const store = await openDatabase({ databaseUrl: undefined, dataDir: dir })
  const rows: BriefingBenchRow[] = []
  try {
    await migrateToLatest(store.db)
    const deps = { store, clock: () => new Date('2026-11-26T09:00:00Z') }
    log('Seeding the demo for the briefings…')
    await seedDemo(deps)
    const reader = { actor: CLI_ACTOR, canReadText: true }
    const scope = { organisation: 'riverside', programme: 'htn' }
    const add = (operation: string, seconds: number, note: string) => {
      rows.push({ operation, seconds, runs: RUNS, note })
      log(`  ${operation}: ${(seconds * 1000).toFixed(0)} ms`)
    }

    add('programme overview (baseline)', await median(RUNS, () => getProgrammeOverview(deps, 'riverside', 'htn')), 'the summary matrix as the home page reads it')
    for (const kind of ['board', 'community'] as const satisfies readonly BriefingKind[]) {
      for (const audience of ['internal', 'external'] as const satisfies readonly Audience[]) {
        const make = () => generateBriefing(deps, reader, scope, kind, audience)
        const briefing = await make()
        const html = briefingToHtml(briefing)
        const assemble = await median(RUNS, make)
        add(`${kind} briefing, ${audience}: web page`, assemble + (await median(RUNS, async () => briefingToHtml(briefing))), `${(html.length / 1024).toFixed(0)} KB of HTML`)
        const pdf = await htmlToPdf(html)
        add(`${kind} briefing, ${audience}: PDF`, assemble + (await median(RUNS, () => htmlToPdf(html))), `${(pdf.byteLength / 1024).toFixed(0)} KB; assembly + HTML + Chromium print`)
        const docx = await briefingToDocx(briefing)
        add(`${kind} briefing, ${audience}: Word`, assemble + (await median(RUNS, () => briefingToDocx(briefing))), `${(docx.byteLength / 1024).toFixed(0)} KB; assembly + docx (charts to PNG)`)
      }
    }
    const oneLine = briefingToHtml(ONE_LINE)
    add('Chromium prints a one-line page (PDF floor)', await median(RUNS, () => htmlToPdf(oneLine)), 'browser already running')
    add('docx writes a one-line document (Word floor)', await median(RUNS, () => briefingToDocx(ONE_LINE)), '')
  } finally {
    await closePdfRenderer()
    await store.close()
    rmSync(dir, { recursive: true, force: true })
  }
  return rows
}
