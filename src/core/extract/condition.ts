/**
 * The condition language of extract definitions, as a syntax tree: comparisons of a column with a
 * literal, IN lists, IS [NOT] NULL, combined with AND, OR and NOT. @see docs/methods/extracts.md
 */

export type ComparisonOperator = '=' | '!=' | '<' | '<=' | '>' | '>='

export type Literal =
  | { readonly type: 'text'; readonly value: string }
  | { readonly type: 'number'; readonly value: number }
  | { readonly type: 'boolean'; readonly value: boolean }

export type LiteralType = Literal['type']

export type Condition =
  | { readonly kind: 'compare'; readonly column: string; readonly operator: ComparisonOperator; readonly literal: Literal }
  | { readonly kind: 'in'; readonly column: string; readonly negated: boolean; readonly literals: readonly Literal[] }
  | { readonly kind: 'null'; readonly column: string; readonly negated: boolean }
  | { readonly kind: 'and' | 'or'; readonly left: Condition; readonly right: Condition }
  | { readonly kind: 'not'; readonly operand: Condition }

/** How a condition uses a column: compared with text, a number or true/false, or only tested for being empty. */
export type ColumnUse = LiteralType | 'null'

/** Each column a condition names, with every way it is used, in order of first mention. */
export function conditionColumns(condition: Condition, into: Map<string, Set<ColumnUse>> = new Map()): Map<string, Set<ColumnUse>> {
  const add = (column: string, use: ColumnUse) => {
    const uses = into.get(column) ?? new Set<ColumnUse>()
    uses.add(use)
    into.set(column, uses)
  }
  switch (condition.kind) {
    case 'compare':
      add(condition.column, condition.literal.type)
      break
    case 'in':
      add(condition.column, condition.literals[0]?.type ?? 'text')
      break
    case 'null':
      add(condition.column, 'null')
      break
    case 'and':
    case 'or':
      conditionColumns(condition.left, into)
      conditionColumns(condition.right, into)
      break
    case 'not':
      conditionColumns(condition.operand, into)
      break
  }
  return into
}
