/**
 * Golden files that double as a gallery: each example is rendered and compared byte for byte with
 * src/charts/__gallery__/<name>.svg. Regenerate after an intended change with
 * `UPDATE_GOLDEN=1 npx vitest run src/charts/gallery.test.ts`, then look at the pictures.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { assuranceIconSvg } from './assurance-icon.ts'
import { funnelPlotSvg } from './funnel-plot.ts'
import { FUNNEL_EXAMPLE, GROUP_EXAMPLE } from './gallery-compare-fixtures.ts'
import { ANNOTATED_EXAMPLE, GALLERY, RUN_GALLERY } from './gallery-fixtures.ts'
import { groupIntervalsSvg } from './group-intervals.ts'
import { runChartSvg } from './run-chart.ts'
import { spcChartSvg } from './spc-chart.ts'
import { spcSparklineSvg } from './spc-sparkline.ts'
import { variationIconSvg } from './variation-icon.ts'

const folder = new URL('./__gallery__/', import.meta.url)
const update = process.env.UPDATE_GOLDEN === '1'

/** One element per line from each group on, so a change shows as a readable diff. */
function readable(svg: string): string {
  return `${svg.replaceAll('><g', '>\n<g')}\n`
}

function expectGolden(name: string, svg: string): void {
  const file = new URL(name, folder)
  if (update) {
    mkdirSync(folder, { recursive: true })
    writeFileSync(file, readable(svg))
  }
  expect(existsSync(file), `missing golden ${name}: run with UPDATE_GOLDEN=1`).toBe(true)
  expect(readable(svg), `${name} changed: look at it, then run with UPDATE_GOLDEN=1`).toBe(readFileSync(file, 'utf8'))
}

describe('gallery', () => {
  for (const example of GALLERY) {
    const common = { title: example.title, valueFormat: example.valueFormat, id: example.name, ...(example.unit === undefined ? {} : { unit: example.unit }) }
    it(`${example.name} chart matches its golden`, () => {
      expectGolden(`${example.name}.svg`, spcChartSvg(example.result, common))
    })
    it(`${example.name} sparkline matches its golden`, () => {
      expectGolden(`${example.name}-sparkline.svg`, spcSparklineSvg(example.result, { ...common, id: `${example.name}-sparkline` }))
    })
  }

  for (const example of RUN_GALLERY) {
    it(`${example.name} run chart matches its golden`, () => {
      const unit = example.unit === undefined ? {} : { unit: example.unit }
      expectGolden(`${example.name}.svg`, runChartSvg(example.result, { title: example.title, valueFormat: example.valueFormat, id: example.name, ...unit }))
    })
  }

  it(`${ANNOTATED_EXAMPLE.name} chart with notes matches its golden`, () => {
    const { name, title, valueFormat, result, annotations } = ANNOTATED_EXAMPLE
    expectGolden(`${name}.svg`, spcChartSvg(result, { title, valueFormat, id: name, annotations }))
  })

  it(`${FUNNEL_EXAMPLE.name} funnel plot matches its golden`, () => {
    const { name, title, highlight, labels, result } = FUNNEL_EXAMPLE
    expectGolden(`${name}.svg`, funnelPlotSvg(result, { title, valueFormat: 'percent', id: name, highlight, labels }))
  })

  it(`${GROUP_EXAMPLE.name} group intervals match their golden`, () => {
    const { name, title, result } = GROUP_EXAMPLE
    expectGolden(`${name}.svg`, groupIntervalsSvg(result, { title, valueFormat: 'percent', id: name }))
  })

  it('icons match their golden', () => {
    const icons = [
      variationIconSvg('common_cause', 'increase'),
      variationIconSvg('improvement', 'increase'),
      variationIconSvg('concern', 'increase'),
      variationIconSvg('neutral_high', 'neutral'),
      variationIconSvg(null, 'increase'),
      assuranceIconSvg('pass'),
      assuranceIconSvg('fail'),
      assuranceIconSvg('hit_or_miss'),
      assuranceIconSvg(null),
    ]
    const sheet = icons.map((icon, i) => `<g transform="translate(${8 + i * 48},8)">${icon}</g>`).join('')
    expectGolden('icons.svg', `<svg xmlns="http://www.w3.org/2000/svg" width="${16 + icons.length * 48}" height="56" viewBox="0 0 ${16 + icons.length * 48} 56">${sheet}</svg>`)
  })
})
