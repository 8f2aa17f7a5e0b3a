/**
 * One summary MeasureReport → observations: its status and type, measure, period (aligned to the
 * measure's frequency), subject (a site or the organisation itself), the "all people" cell and one
 * observation per stratum. Masked numbers cannot be imported: their cell is skipped with a warning.
 */
import { ORGANISATION_CODE_SYSTEM, SITE_CODE_SYSTEM, STRATIFIER_EXHAUSTIVE_URL } from '../core/fhir/canonical.ts'
import { dimensionOf, groupOf } from '../core/fhir/community-codes.ts'
import { periodOf } from '../core/fhir/measure.ts'
import type { MeasureKind, ObservationInput, PeriodUnit } from '../core/model.ts'
import { isPeriodStart, parseIsoDate, periodStartRule } from '../core/period.ts'
import { cellNumbers, hasContent, readCell, type CellPlace, type ReadCell } from './measure-report-cells.ts'
import { joinPath, type Json, type ResourceAt } from './fhir-resources.ts'
import type { IssueCollector } from './issue-collector.ts'
import { preview, quote } from './issue-collector.ts'
import { isRecord } from './questionnaire-response-json.ts'

/** What MeasureReports are checked against: the importing organisation, its sites and its programme's measures. */
export interface MeasureReportContext {
  readonly file: string
  readonly organisation: string
  readonly measures: ReadonlyMap<string, { readonly kind: MeasureKind; readonly period: PeriodUnit; readonly rateMultiplier: number | null }>
  /** The organisation's site codes, its root excluded. */
  readonly sites: ReadonlySet<string>
}

const STATUSES = new Set(['complete', 'pending', 'error'])
const TYPES = new Set(['individual', 'subject-list', 'summary', 'data-collection'])

export class MeasureReportReader {
  readonly #context: MeasureReportContext
  readonly #issues: IssueCollector
  readonly #resolve: (reference: string) => Json | undefined

  constructor(context: MeasureReportContext, issues: IssueCollector, resolve: (reference: string) => Json | undefined) {
    this.#context = context
    this.#issues = issues
    this.#resolve = resolve
  }

  /** The report's observations, or none after an error or when it is not complete. */
  read(at: ResourceAt): ObservationInput[] {
    const r = at.resource
    const place = { line: at.line, path: at.path }
    const before = this.#issues.errorCount
    const status = this.#choice(r.status, STATUSES, place, 'status', 'complete, pending or error')
    const type = this.#choice(r.type, TYPES, place, 'type', 'individual, subject-list, summary or data-collection')
    if (type !== undefined && type !== 'summary') this.#error('unsupported_report_type', place, 'type', type, `a ${quote(type)} MeasureReport cannot be imported`, 'type summary (counts for a site and period)')
    const code = this.#measure(r.measure, place)
    const measure = code === undefined ? undefined : this.#context.measures.get(code)
    const period = this.#period(r.period, measure?.period, place)
    const site = this.#subject(r.subject, place)
    const group = this.#group(r.group, place)
    if (code === undefined || measure === undefined || period === undefined || site === undefined || group === undefined) return []
    const rows: ObservationInput[] = []
    const rule = { code, ...measure }
    const masked: CellPlace[] = []
    const add = (cell: ReadCell, cellPlace: CellPlace, dimension: string | null, groupName: string | null) => {
      if (cell.numerator === 'masked' || cell.denominator === 'masked' || cell.score === 'masked') {
        masked.push(cellPlace)
        return
      }
      const numbers = cellNumbers(cell, rule, cellPlace, this.#issues)
      if (numbers !== undefined) rows.push({ measure: code, period, site, dimension, group: groupName, ...numbers })
    }
    if (hasContent(group.total)) add(group.total, group.place, null, null)
    for (const stratum of group.strata) add(stratum.cell, stratum.place, stratum.dimension, stratum.group)
    if (this.#issues.errorCount > before) return []
    if (status !== 'complete') {
      this.#issues.warning({ code: 'report_not_complete', line: place.line, column: joinPath(place.path, 'status'), value: String(status), problem: `a MeasureReport with status ${quote(String(status))} is skipped`, expected: 'status complete for numbers to import' })
      return []
    }
    for (const cellPlace of masked) {
      this.#issues.warning({ code: 'masked_value', line: cellPlace.line, column: cellPlace.path, value: 'masked', problem: 'these numbers were suppressed by the sender (masked) and are skipped', expected: 'counts that were not suppressed' })
    }
    return rows
  }

  #error(code: string, place: CellPlace, field: string, value: string, problem: string, expected: string): undefined {
    this.#issues.error({ code, line: place.line, column: joinPath(place.path, field), value, problem, expected })
    return undefined
  }

  #choice(value: unknown, allowed: ReadonlySet<string>, place: CellPlace, field: string, expected: string): string | undefined {
    if (typeof value === 'string' && allowed.has(value)) return value
    const problem = value === undefined ? `${field} is missing` : `${field} ${preview(value)} is not a FHIR ${field} code`
    return this.#error(value === undefined ? 'missing_value' : 'invalid_choice', place, field, value === undefined ? '' : preview(value), problem, expected)
  }

  /** The measure's code: the last segment of the canonical URL (without a `|version`). */
  #measure(value: unknown, place: CellPlace): string | undefined {
    const known = [...this.#context.measures.keys()].sort().join(', ')
    if (typeof value !== 'string' || value.trim() === '') return this.#error('missing_value', place, 'measure', preview(value ?? ''), 'the report names no measure', `the canonical URL of one of the programme's measures (${known})`)
    const segment = value.split('|')[0]?.split('/').pop() ?? ''
    let code: string
    try {
      code = decodeURIComponent(segment)
    } catch {
      code = segment
    }
    if (this.#context.measures.has(code)) return code
    return this.#error('unknown_measure', place, 'measure', value, `the measure ${quote(code)} (from ${quote(value)}) is not one of the programme's measures`, `a Measure URL ending in one of: ${known}`)
  }

  #period(value: unknown, unit: PeriodUnit | undefined, place: CellPlace): string | undefined {
    const start = isRecord(value) ? value.start : undefined
    const end = isRecord(value) ? value.end : undefined
    const rule = unit === undefined ? 'an ISO date (YYYY-MM-DD)' : periodStartRule(unit)
    if (typeof start !== 'string' || parseIsoDate(start) === undefined) return this.#error(start === undefined ? 'missing_value' : 'bad_date', place, 'period.start', preview(start ?? ''), `period.start ${preview(start ?? '')} is not a date`, rule)
    if (unit === undefined) return undefined
    if (!isPeriodStart(start, unit)) return this.#error('misaligned_period', place, 'period.start', start, `${quote(start)} is not the start of a ${unit}`, rule)
    const expectedEnd = periodOf(start, unit).end
    if (end !== expectedEnd) return this.#error('misaligned_period', place, 'period.end', preview(end ?? ''), `period.end ${preview(end ?? '')} does not end the ${unit} starting ${start}`, `${expectedEnd}, the last day of that ${unit}`)
    return start
  }

  /** The site code (null for the organisation itself) the subject names; undefined after an error. */
  #subject(value: unknown, place: CellPlace): string | null | undefined {
    const expected = `a reference (urn:uuid: in this Bundle) to a Location identified by one of this organisation's site codes (${SITE_CODE_SYSTEM}), or to the Organization ${quote(this.#context.organisation)}`
    if (!isRecord(value)) return this.#error('missing_value', place, 'subject', preview(value ?? ''), 'the report has no subject', expected)
    let target: Json | undefined
    if (typeof value.reference === 'string') {
      if (!value.reference.startsWith('urn:uuid:')) return this.#error('bad_reference', place, 'subject.reference', value.reference, `the subject ${quote(value.reference)} is not a urn:uuid: reference inside the Bundle`, expected)
      target = this.#resolve(value.reference)
      if (target === undefined) return undefined // reported once, as unresolved_reference
    } else if (isRecord(value.identifier)) {
      const system = value.identifier.system
      target = { resourceType: system === ORGANISATION_CODE_SYSTEM ? 'Organization' : 'Location', identifier: [value.identifier] }
    }
    const identifier = (Array.isArray(target?.identifier) ? target.identifier : []).find((i: unknown) => isRecord(i) && (i.system === SITE_CODE_SYSTEM || i.system === ORGANISATION_CODE_SYSTEM)) as Json | undefined
    const code = typeof identifier?.value === 'string' ? identifier.value : undefined
    if (target?.resourceType === 'Organization' && identifier?.system === ORGANISATION_CODE_SYSTEM && code === this.#context.organisation) return null
    if (target?.resourceType === 'Location' && identifier?.system === SITE_CODE_SYSTEM && code !== undefined && this.#context.sites.has(code)) return code
    const named = code === undefined ? 'a subject without a site or organisation code' : `${target?.resourceType ?? 'subject'} ${quote(code)}`
    return this.#error('subject_not_in_organisation', place, 'subject', code ?? preview(value), `${named} does not belong to the importing organisation ${quote(this.#context.organisation)}`, expected)
  }

  #group(value: unknown, place: CellPlace): { total: ReadCell; place: CellPlace; strata: { dimension: string; group: string; cell: ReadCell; place: CellPlace }[] } | undefined {
    if (!Array.isArray(value) || value.length !== 1 || !isRecord(value[0])) {
      return this.#error('bad_group', place, 'group', preview(value ?? ''), `the report has ${Array.isArray(value) ? `${value.length} groups` : 'no group list'}`, 'exactly one group (an LHS measure has one)')
    }
    const groupPlace = { line: place.line, path: joinPath(place.path, 'group[0]') }
    const total = readCell(value[0], groupPlace, this.#issues)
    const strata = this.#strata(value[0].stratifier, groupPlace, total)
    return total === undefined || strata === undefined ? undefined : { total, place: groupPlace, strata }
  }

  #strata(value: unknown, place: CellPlace, total: ReadCell | undefined) {
    if (value === undefined) return []
    if (!Array.isArray(value)) return this.#error('wrong_type', place, 'stratifier', preview(value), `stratifier is ${preview(value)}`, 'a list of stratifiers')
    const dimensions = new Set<string>()
    const out: { dimension: string; group: string; cell: ReadCell; place: CellPlace }[] = []
    value.forEach((stratifier: unknown, i) => {
      const sPlace = { line: place.line, path: joinPath(place.path, `stratifier[${i}]`) }
      const code = isRecord(stratifier) && Array.isArray(stratifier.code) && isRecord(stratifier.code[0]) ? stratifier.code[0] : undefined
      const dimension = code === undefined ? undefined : dimensionOf(code)
      if (!isRecord(stratifier) || dimension === undefined) return this.#error('missing_value', sPlace, 'code', preview(code ?? ''), 'the stratifier names no community-group dimension', 'a code such as imd_quintile, ethnicity, sex or age_band')
      if (dimensions.has(dimension)) return this.#error('duplicate_stratifier', sPlace, 'code', dimension, `the dimension ${quote(dimension)} has two stratifiers`, 'one stratifier per dimension')
      dimensions.add(dimension)
      const errorsBefore = this.#issues.errorCount
      const cells = this.#stratumCells(stratifier.stratum, dimension, sPlace)
      out.push(...cells)
      if (this.#issues.errorCount === errorsBefore) this.#checkSums(stratifier, total, cells.map((c) => c.cell), dimension, sPlace)
    })
    return out
  }

  #stratumCells(value: unknown, dimension: string, place: CellPlace): { dimension: string; group: string; cell: ReadCell; place: CellPlace }[] {
    if (!Array.isArray(value)) return this.#error('wrong_type', place, 'stratum', preview(value ?? ''), 'the stratifier has no list of strata', 'a list of strata') ?? []
    const groups = new Set<string>()
    const out: { dimension: string; group: string; cell: ReadCell; place: CellPlace }[] = []
    value.forEach((stratum: unknown, i) => {
      const sPlace = { line: place.line, path: joinPath(place.path, `stratum[${i}]`) }
      if (!isRecord(stratum)) return this.#error('wrong_type', sPlace, '', preview(stratum), `the stratum is ${preview(stratum)}`, 'an object with a value and populations')
      if (stratum.value !== undefined && stratum.component !== undefined) return this.#error('mrp_2', sPlace, 'component', preview(stratum.component), 'the stratum has both a value and components (invariant mrp-2)', 'either value or component, never both')
      if (stratum.component !== undefined) return this.#error('unsupported_component', sPlace, 'component', preview(stratum.component), 'a stratum of two or more dimensions cannot be imported', 'a stratum with one value (one community group)')
      const group = isRecord(stratum.value) ? groupOf(dimension, stratum.value) : undefined
      if (group === undefined) return this.#error('missing_value', sPlace, 'value', preview(stratum.value ?? ''), 'the stratum names no group', `a CodeableConcept naming a ${dimension} group`)
      if (groups.has(group)) return this.#error('duplicate_stratum', sPlace, 'value', group, `the group ${quote(group)} appears twice in the ${dimension} stratifier`, 'each group once per stratifier')
      groups.add(group)
      const cell = readCell(stratum, sPlace, this.#issues)
      if (cell !== undefined) out.push({ dimension, group, cell, place: sPlace })
    })
    return out
  }

  /** Exhaustive strata (flagged by the sender) must add up to the total; others must not exceed it. */
  #checkSums(stratifier: Json, total: ReadCell | undefined, cells: readonly ReadCell[], dimension: string, place: CellPlace): void {
    if (total === undefined) return
    const exhaustive = Array.isArray(stratifier.extension) && stratifier.extension.some((e: unknown) => isRecord(e) && e.url === STRATIFIER_EXHAUSTIVE_URL && e.valueBoolean === true)
    for (const field of ['numerator', 'denominator'] as const) {
      const whole = total[field]
      if (typeof whole !== 'number' || cells.some((c) => typeof c[field] !== 'number')) continue
      const sum = cells.reduce((s, c) => s + (c[field] as number), 0)
      if (exhaustive && sum !== whole) this.#error('strata_do_not_sum', place, 'stratum', String(sum), `the ${dimension} strata's ${field}s add up to ${sum}, not the total ${whole}, though the stratifier is marked exhaustive`, `${field}s adding up to ${whole}`)
      else if (!exhaustive && sum > whole) {
        this.#issues.warning({ code: 'strata_exceed_total', line: place.line, column: joinPath(place.path, 'stratum'), value: String(sum), problem: `the ${dimension} strata's ${field}s add up to ${sum}, more than the total ${whole}`, expected: `groups that do not overlap, adding up to at most ${whole}` })
      }
    }
  }
}
