/** Analysis results → accessible SVG markup. @see ./README.md */
export { spcChartSvg, type SpcChartOptions } from './spc-chart.ts'
export { spcSparklineSvg, type SpcSparklineOptions } from './spc-sparkline.ts'
export { variationIconSvg, variationLabel } from './variation-icon.ts'
export { assuranceIconSvg, assuranceLabel } from './assurance-icon.ts'
export type { IconOptions } from './icon-svg.ts'
export { describeSpc, type DescribeSpcOptions } from './describe-spc.ts'
export { formatValue, type ValueFormat } from './format-value.ts'
export { MDC, NHS } from './palette.ts'
