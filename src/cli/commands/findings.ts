/** `lhs findings --programme CODE [--organisation CODE] [--json] [--signals]`: work a programme's findings out again and print them. */
import { parseArgs } from 'node:util'
import { CLI_ACTOR } from '../../app/auth/audit.ts'
import { getProgrammeScope, listOrganisations } from '../../app/catalogue.ts'
import { CONVERGENCE_LABELS, listProgrammeFindings } from '../../app/triangulate/findings.ts'
import { recomputeFindingsAudited } from '../../app/triangulate/recompute.ts'
import { readConfig } from '../config.ts'
import { EXIT_OK, UsageError, type CliIo } from '../io.ts'
import { openApp } from '../open-app.ts'

export async function findingsCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: { programme: { type: 'string' }, organisation: { type: 'string' }, json: { type: 'boolean', default: false }, signals: { type: 'boolean', default: false } }, strict: true, allowPositionals: true })
  if (positionals.length > 0) throw new UsageError(`findings: unexpected argument "${positionals[0]}".`)
  if (!values.programme) throw new UsageError('findings: give the programme with --programme CODE.')
  const deps = await openApp(readConfig(io.env, io.cwd))
  try {
    const organisations = await listOrganisations(deps)
    const organisation = values.organisation ?? (organisations.length === 1 ? organisations[0]!.code : undefined)
    if (!organisation) throw new UsageError(`findings: give the organisation with --organisation CODE (organisations: ${organisations.map((o) => o.code).join(', ') || 'none yet'}).`)
    const scope = await getProgrammeScope(deps, organisation, values.programme)
    const computed = await recomputeFindingsAudited(deps, CLI_ACTOR, scope)
    const findings = await listProgrammeFindings(deps, scope)
    if (values.json) {
      const out = {
        programme: scope.programme.code,
        computedIn: Math.round(computed.millis.compute + computed.millis.save),
        findings: findings.map((f) => ({ id: f.id, key: f.proposal.key, statement: f.statement, classification: f.classification, overall: f.proposal.overall, cells: f.proposal.cells, status: f.status, decidedBy: f.decidedBy, reason: f.decisionReason, score: f.proposal.score, signals: f.proposal.signals.map((s) => s.summary), reasons: f.proposal.reasons })),
        ...(values.signals ? { signals: computed.signals } : {}),
      }
      io.stdout(JSON.stringify(out, null, 2) + '\n')
    } else {
      io.stdout(`${scope.programme.name}: ${findings.length} findings from ${computed.signals.length} signals (worked out in ${Math.round(computed.millis.compute + computed.millis.save)} ms)\n`)
      for (const f of findings) io.stdout(`- [${CONVERGENCE_LABELS[f.proposal.overall]}] ${f.statement} (${f.classification.replaceAll('_', ' ')}; ${f.status})\n`)
    }
    return EXIT_OK
  } finally {
    await deps.store.close()
  }
}
