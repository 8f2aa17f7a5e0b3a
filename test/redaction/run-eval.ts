/**
 * Scores a redactor module against the labelled set and prints the table.
 *
 *   npx tsx test/redaction/run-eval.ts <path to module> [export name] [--seed N] [--errors N]
 *
 * The export must be a function (text) => { entities: { type, start, end }[] } (sync or async).
 * Exit code 1 when a target of evaluate.ts TARGETS is not met.
 */
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { errorsFromPredictions, evaluatePredictions, formatErrors, formatReport, unmetTargets, type PredictedEntity } from './evaluate.ts'
import { labelledTexts } from './labelled-texts.ts'

type AnyRedactor = (text: string) => { entities: readonly PredictedEntity[] } | Promise<{ entities: readonly PredictedEntity[] }>

async function main(argv: readonly string[]): Promise<number> {
  const args = [...argv]
  const option = (name: string, fallback: number): number => {
    const i = args.indexOf(name)
    if (i < 0) return fallback
    const value = Number(args[i + 1])
    args.splice(i, 2)
    return value
  }
  const seed = option('--seed', 1)
  const shown = option('--errors', 10)
  const [modulePath, exportName = 'redact'] = args
  if (!modulePath) {
    console.error('usage: run-eval.ts <module> [export] [--seed N] [--errors N]')
    return 2
  }
  const mod = (await import(pathToFileURL(resolve(modulePath)).href)) as Record<string, unknown>
  const redactor = mod[exportName]
  if (typeof redactor !== 'function') {
    console.error(`${modulePath} has no function export "${exportName}"`)
    return 2
  }
  const texts = labelledTexts(seed)
  const predictions: (readonly PredictedEntity[])[] = []
  for (const t of texts) predictions.push((await (redactor as AnyRedactor)(t.text)).entities)
  const report = evaluatePredictions(texts, predictions)
  console.log(`labelled set seed ${seed}: ${texts.length} texts`)
  console.log(formatReport(report))
  if (report.unknownTypePredictions || report.invalidSpanPredictions) {
    console.log(`unknown types: ${report.unknownTypePredictions}, broken spans: ${report.invalidSpanPredictions}`)
  }
  const errors = errorsFromPredictions(texts, predictions)
  if (errors.length > 0) console.log(`\n${formatErrors(errors, shown)}`)
  const unmet = unmetTargets(report)
  console.log(unmet.length === 0 ? '\nall targets met' : `\ntargets not met:\n  ${unmet.join('\n  ')}`)
  return unmet.length === 0 ? 0 : 1
}

process.exitCode = await main(process.argv.slice(2))
