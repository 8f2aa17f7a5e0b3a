/**
 * The columns a definition names, what each is used for, and whether the file's column types allow
 * it: a date column must hold dates (or text), a number compared or averaged must be numeric (or text).
 */
import { conditionColumns, type ColumnUse } from './condition.ts'
import type { ExtractDefinition } from './definition.ts'

/** What a column of the file holds, as far as the compiler cares. */
export type ColumnKind = 'text' | 'number' | 'boolean' | 'date' | 'timestamp' | 'other'

export interface ColumnInfo {
  readonly kind: ColumnKind
  /** The file's own type name, for messages (e.g. VARCHAR, BIGINT, DATE). */
  readonly type: string
}

/** A role a column plays in a definition; `field` is where it is named (e.g. `extract.where`). */
export type ColumnRole = { readonly field: string; readonly use: 'date' | 'site' | 'group' | 'mean' | ColumnUse }

/** Every column of the definition with its roles, in order of first mention. */
export function definitionColumns(definition: ExtractDefinition): Map<string, ColumnRole[]> {
  const columns = new Map<string, ColumnRole[]>()
  const add = (column: string, role: ColumnRole) => columns.set(column, [...(columns.get(column) ?? []), role])
  add(definition.date, { field: 'extract.date', use: 'date' })
  if (definition.site !== null) add(definition.site, { field: 'extract.site', use: 'site' })
  for (const group of definition.groups) add(group.column, { field: `extract.groups.${group.dimension}`, use: 'group' })
  const fromCondition = (field: string, condition: Parameters<typeof conditionColumns>[0] | null) => {
    if (condition === null) return
    for (const [column, uses] of conditionColumns(condition)) for (const use of uses) add(column, { field, use })
  }
  fromCondition('extract.where', definition.where)
  const { value } = definition
  if (value.kind === 'ratio') {
    fromCondition('extract.numerator', value.numerator)
    fromCondition('extract.denominator', value.denominator)
  }
  if (value.kind === 'mean') add(value.column, { field: 'extract.mean', use: 'mean' })
  return columns
}

const ALLOWED: Record<ColumnRole['use'], { readonly kinds: readonly ColumnKind[]; readonly expected: string }> = {
  date: { kinds: ['text', 'date', 'timestamp'], expected: 'dates: a DATE or TIMESTAMP column, or text such as 2024-03-05' },
  site: { kinds: ['text', 'number'], expected: 'site codes as text' },
  group: { kinds: ['text', 'number', 'boolean'], expected: 'group labels as text or numbers' },
  mean: { kinds: ['text', 'number'], expected: 'numbers, to be averaged' },
  text: { kinds: ['text', 'number', 'boolean', 'date', 'timestamp'], expected: 'values that can be compared as text' },
  number: { kinds: ['text', 'number'], expected: 'numbers, to be compared with a number' },
  boolean: { kinds: ['text', 'boolean'], expected: 'true or false values, to be compared with true or false' },
  null: { kinds: ['text', 'number', 'boolean', 'date', 'timestamp', 'other'], expected: 'any values' },
}

export interface ColumnProblem {
  readonly code: 'missing_column' | 'wrong_column_type'
  readonly column: string
  readonly field: string
  /** For a missing column: a column of the file that differs only in case, if any. */
  readonly suggestion?: string
  /** For a wrong type: the file's type and what the role needs. */
  readonly type?: string
  readonly expected?: string
}

/** Columns the definition names that the file lacks, or whose type does not fit their role; each column reported once. */
export function checkColumns(definition: ExtractDefinition, columns: ReadonlyMap<string, ColumnInfo>): ColumnProblem[] {
  const problems: ColumnProblem[] = []
  for (const [column, roles] of definitionColumns(definition)) {
    const info = columns.get(column)
    const first = roles[0] as ColumnRole
    if (info === undefined) {
      const suggestion = [...columns.keys()].find((name) => name.toLowerCase() === column.toLowerCase())
      problems.push({ code: 'missing_column', column, field: first.field, ...(suggestion === undefined ? {} : { suggestion }) })
      continue
    }
    const misfit = roles.find((role) => !ALLOWED[role.use].kinds.includes(info.kind))
    if (misfit !== undefined) problems.push({ code: 'wrong_column_type', column, field: misfit.field, type: info.type, expected: ALLOWED[misfit.use].expected })
  }
  return problems
}
