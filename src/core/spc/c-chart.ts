/** C chart of counts. @see docs/methods/attribute-charts.md */
import { attributeChart } from './attribute-chart.ts'
import type { AttributeOptions, AttributeResult } from './attribute-types.ts'
import type { SpcInputPoint } from './types.ts'

/** C chart of counts (`value`): c̄ = mean count, limits c̄ ± 3√c̄, the lower one truncated at 0. */
export function cChart(points: readonly SpcInputPoint[], options: AttributeOptions = {}): AttributeResult {
  const counts = points.map((point) => ({ ...point, numerator: point.value, denominator: 1 }))
  return attributeChart('c', counts, options)
}
