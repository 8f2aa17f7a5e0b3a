/** The value of one observation from its numerator, denominator and value, by kind of measure. */
import type { MeasureKind } from '../core/model.ts'
import type { IssueCollector } from './issue-collector.ts'
import { quote } from './issue-collector.ts'
import { numberRangeProblem } from './number-text.ts'

/** What the checks need to know about the measure of a row. */
export interface MeasureRule {
  readonly kind: MeasureKind
  readonly rateMultiplier: number | null
}

/** The numbers of one row: null when empty, undefined when already reported as unreadable. */
export interface ObservationNumbers {
  readonly numerator: number | null | undefined
  readonly denominator: number | null | undefined
  readonly value: number | null | undefined
  /** The fields as written, for messages. */
  readonly numeratorText: string
  readonly denominatorText: string
  readonly valueText: string
}

/** Largest relative difference between a written value and the computed one that still agrees. */
export const VALUE_TOLERANCE = 1e-9

/**
 * The value to store: computed for proportions (numerator / denominator, a fraction) and rates
 * (× the multiplier, 1 when null); as written for counts and means. Undefined after reporting why not.
 */
export function observationValue(rule: MeasureRule, numbers: ObservationNumbers, line: number, issues: IssueCollector): number | undefined {
  switch (rule.kind) {
    case 'proportion':
    case 'rate':
      return computedValue(rule, numbers, line, issues)
    case 'count':
      return countValue(numbers, line, issues)
    case 'mean':
      return requiredValue('mean', numbers, line, issues)
  }
}

function requiredValue(kind: MeasureKind, numbers: ObservationNumbers, line: number, issues: IssueCollector): number | undefined {
  if (numbers.value === null) {
    const expected = `a number: a ${kind} measure needs a value`
    issues.error({ code: 'missing_value', line, column: 'value', value: '', problem: 'value is empty', expected })
  }
  return numbers.value ?? undefined
}

function countValue(numbers: ObservationNumbers, line: number, issues: IssueCollector): number | undefined {
  const value = requiredValue('count', numbers, line, issues)
  if (value === undefined) return undefined
  const raw = numbers.valueText
  let ok = true
  if (!Number.isInteger(value)) {
    const problem = `${quote(raw)} is not a whole number`
    issues.error({ code: 'not_a_whole_number', line, column: 'value', value: raw, problem, expected: 'a whole number for a count' })
    ok = false
  }
  if (value < 0) {
    issues.error({ code: 'negative_value', line, column: 'value', value: raw, problem: `${quote(raw)} is negative`, expected: 'a count of 0 or more' })
    ok = false
  }
  return ok ? value : undefined
}

function computedValue(rule: MeasureRule, numbers: ObservationNumbers, line: number, issues: IssueCollector): number | undefined {
  const { numerator, denominator } = numbers
  const expected = `a number: a ${rule.kind} measure needs a numerator and a denominator`
  if (numerator === null) issues.error({ code: 'missing_value', line, column: 'numerator', value: '', problem: 'numerator is empty', expected })
  if (denominator === null) issues.error({ code: 'missing_value', line, column: 'denominator', value: '', problem: 'denominator is empty', expected })
  if (numerator == null || denominator == null) return undefined
  if (denominator === 0) {
    const value = numbers.denominatorText
    issues.error({ code: 'zero_denominator', line, column: 'denominator', value, problem: `denominator ${quote(value)} is 0`, expected: 'a denominator above 0' })
    return undefined
  }
  if (rule.kind === 'proportion' && numerator > denominator) {
    const value = numbers.numeratorText
    const problem = `numerator ${quote(value)} is above denominator ${quote(numbers.denominatorText)}`
    const expected = 'a numerator no larger than the denominator for a proportion'
    issues.error({ code: 'numerator_above_denominator', line, column: 'numerator', value, problem, expected })
    return undefined
  }
  const computed = rule.kind === 'proportion' ? numerator / denominator : (numerator / denominator) * (rule.rateMultiplier ?? 1)
  const range = numberRangeProblem(computed)
  if (range !== undefined) {
    const value = `${numbers.numeratorText}/${numbers.denominatorText}`
    const problem = `numerator ${quote(numbers.numeratorText)} over denominator ${quote(numbers.denominatorText)} gives a value ${range} to store`
    const expected = 'a value between -1e15 and 1e15, and not smaller than 1e-300 in size unless it is 0'
    issues.error({ code: 'out_of_range', line, column: 'value', value, problem, expected })
    return undefined
  }
  return agrees(computed, numbers, rule, line, issues) ? computed : undefined
}

function agrees(computed: number, numbers: ObservationNumbers, rule: MeasureRule, line: number, issues: IssueCollector): boolean {
  const { value, valueText } = numbers
  if (value == null || Math.abs(value - computed) <= VALUE_TOLERANCE * Math.max(Math.abs(value), Math.abs(computed))) return true
  const formula = rule.kind === 'proportion' ? 'numerator / denominator' : `numerator / denominator × ${rule.rateMultiplier ?? 1}`
  issues.error({
    code: 'inconsistent_value',
    line,
    column: 'value',
    value: valueText,
    problem: `${quote(valueText)} does not match ${formula} = ${computed}`,
    expected: `${computed}, or an empty value to have it computed`,
  })
  return false
}
