/**
 * How far coders agree: Cohen's kappa per theme between two coders on the excerpts both coded
 * (core/insight `cohensKappa`), for any two people or a person and the machine coder, whose
 * suggestions are treated like any coder's codes here (and nowhere else).
 */
import { cohensKappa, coderPairs, type CoderPair, type KappaResult } from '../../core/insight/index.ts'
import { listCodings, MACHINE_CODER } from '../../storage/codings.ts'
import { listThemes, type ThemeRow } from '../../storage/themes.ts'
import { AppError } from '../../core/errors.ts'
import type { ProgrammeScope } from '../catalogue.ts'
import type { AppDeps } from '../deps.ts'

export interface AgreementReport {
  readonly pairs: readonly CoderPair[]
  /** Null when no two coders have coded the same excerpt. */
  readonly result: KappaResult | null
  readonly themes: ReadonlyMap<number, ThemeRow>
}

export { MACHINE_CODER }

/** Kappa between `coders` (default: the pair of people who coded the most excerpts in common). */
export async function agreementReport(deps: AppDeps, scope: ProgrammeScope, coders?: readonly [string, string]): Promise<AgreementReport> {
  const [org, programmeId] = [scope.organisation.id, scope.programme.id]
  const [codings, themes] = await Promise.all([listCodings(deps.store.db, org, programmeId), listThemes(deps.store.db, org, programmeId)])
  const pairs = coderPairs(codings)
  if (coders && coders[0] === coders[1]) throw new AppError('invalid_request', 'Choose two different coders to compare.')
  const ranked = [...pairs].filter((p) => p.excerpts > 0).sort((a, b) => b.excerpts - a.excerpts)
  const chosen = coders ?? ranked.find((p) => !p.coders.includes(MACHINE_CODER))?.coders ?? ranked[0]?.coders
  return { pairs, result: chosen ? cohensKappa(codings, chosen) : null, themes: new Map(themes.map((t) => [t.id, t])) }
}
