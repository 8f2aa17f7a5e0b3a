/**
 * FHIR R4 summary MeasureReports (a collection or transaction Bundle, one resource, or NDJSON) as
 * observations. Every issue names the place as a JSON path in `column` (`entry[4].resource.group[0]…`)
 * and, in NDJSON, the line. Beyond what a generic validator checks, the importer's rules from
 * STANDARDS.md: status and type codes, mrp-2, numerator ≤ denominator, the score agreeing with the
 * counts, strata unique and adding up when exhaustive, periods aligned to the measure's frequency,
 * subjects of the importing organisation, every `urn:uuid:` reference resolving inside the Bundle.
 * Narrative (`text`) is never read. Masked (suppressed) numbers are skipped with a warning.
 * Callers should write nothing when any issue is an error.
 */
import type { Parsed } from '../core/issues.ts'
import type { ObservationInput } from '../core/model.ts'
import { joinPath, readFhirResources, type Json, type ResourceAt } from './fhir-resources.ts'
import { IssueCollector, preview, quote } from './issue-collector.ts'
import { MeasureReportReader, type MeasureReportContext } from './measure-report-reader.ts'
import { isRecord } from './questionnaire-response-json.ts'

export type { MeasureReportContext } from './measure-report-reader.ts'

/** Resources that may travel with the reports (they are read through references, not imported). */
const COMPANIONS = new Set(['Measure', 'Location', 'Organization'])
const UUID = /^urn:uuid:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/
/** How deep references are looked for: deeper than any MeasureReport needs, shallow enough to be safe. */
const MAX_DEPTH = 32

export function parseMeasureReportBundle(input: string | Uint8Array, context: MeasureReportContext): Parsed<ObservationInput[]> {
  const issues = new IssueCollector(context.file)
  const resources = readFhirResources(input, issues)
  const byUrl = indexFullUrls(resources, issues)
  for (const at of resources) checkReferences(at.resource, at, byUrl, issues)
  const reader = new MeasureReportReader(context, issues, (reference) => byUrl.get(reference))
  const rows: ObservationInput[] = []
  const seen = new Map<string, string>()
  let reports = 0
  for (const at of resources) {
    const type = at.resource.resourceType as string
    if (!at.usable) continue
    if (type !== 'MeasureReport') {
      if (!COMPANIONS.has(type)) issues.warning({ code: 'ignored_resource', line: at.line, column: joinPath(at.path, 'resourceType'), value: type, problem: `a ${quote(type)} resource is skipped`, expected: 'MeasureReport resources (with their Measure, Location and Organization)' })
      continue
    }
    reports++
    for (const row of reader.read(at)) {
      const key = [row.measure, row.site ?? '', row.period, row.dimension ?? '', row.group ?? ''].join('\u0000')
      const first = seen.get(key)
      if (first !== undefined) {
        const what = `${row.measure} at ${row.site ?? 'the whole organisation'} for ${row.period}${row.dimension === null ? '' : ` (${row.dimension} ${row.group ?? ''})`}`
        issues.error({ code: 'duplicate_row', line: at.line, column: at.path, value: what, problem: `the numbers for ${what} were already given at ${first}`, expected: 'one report per measure, site and period' })
        continue
      }
      seen.set(key, at.path === '' ? `line ${at.line ?? 1}` : at.path)
      rows.push(row)
    }
  }
  if (reports === 0 && issues.errorCount === 0) issues.error({ code: 'empty_file', problem: 'the file holds no MeasureReport resources', expected: 'one or more summary MeasureReport resources' })
  return { value: rows, issues: issues.toArray() }
}

/** fullUrl → resource; a urn:uuid fullUrl must be a well-formed UUID, and each fullUrl is used once. */
function indexFullUrls(resources: readonly ResourceAt[], issues: IssueCollector): Map<string, Json> {
  const byUrl = new Map<string, Json>()
  for (const at of resources) {
    if (at.fullUrl === undefined) continue
    const column = at.path.replace(/\.resource$/, '.fullUrl')
    if (at.fullUrl.startsWith('urn:uuid:') && !UUID.test(at.fullUrl)) {
      issues.error({ code: 'bad_reference', column, value: at.fullUrl, problem: `${quote(at.fullUrl)} is not a well-formed urn:uuid`, expected: 'urn:uuid: followed by a UUID (8-4-4-4-12 hexadecimal digits)' })
      continue
    }
    if (byUrl.has(at.fullUrl)) {
      issues.error({ code: 'duplicate_full_url', column, value: at.fullUrl, problem: `the fullUrl ${quote(at.fullUrl)} is used by more than one entry`, expected: 'a different fullUrl for each entry' })
      continue
    }
    byUrl.set(at.fullUrl, at.resource)
  }
  return byUrl
}

/** Every `reference` that is a urn:uuid must name an entry of the Bundle. */
function checkReferences(value: unknown, at: ResourceAt, byUrl: ReadonlyMap<string, Json>, issues: IssueCollector, path = at.path, depth = 0): void {
  if (depth > MAX_DEPTH || typeof value !== 'object' || value === null) return
  if (Array.isArray(value)) {
    value.forEach((item: unknown, i) => checkReferences(item, at, byUrl, issues, `${path}[${i}]`, depth + 1))
    return
  }
  if (!isRecord(value)) return
  for (const [key, child] of Object.entries(value)) {
    const childPath = joinPath(path, key)
    if (key === 'reference' && typeof child === 'string' && child.startsWith('urn:uuid:') && !byUrl.has(child)) {
      issues.error({ code: 'unresolved_reference', line: at.line, column: childPath, value: child, problem: `the reference ${quote(child)} names no entry of the Bundle`, expected: 'a urn:uuid: that is the fullUrl of an entry in the same Bundle' })
    } else if (key !== 'text' && typeof child === 'object') checkReferences(child, at, byUrl, issues, childPath, depth + 1)
    else if (key === 'reference' && typeof child !== 'string') issues.error({ code: 'wrong_type', line: at.line, column: childPath, value: preview(child), problem: `the reference is ${preview(child)}`, expected: 'a reference as text' })
  }
}
