/** One briefing block as HTML: every text escaped; chart SVG and icons inserted as `charts/` drew them. */
import { escapeHtml as e } from './html-escape.ts'
import type { BriefingBlock, BriefingChart, BriefingMatrix, BriefingTable } from './model.ts'

export function blockHtml(block: BriefingBlock, id: string): string {
  switch (block.kind) {
    case 'paragraph':
      return `<p>${e(block.text)}</p>`
    case 'list':
      return `<ul>${block.items.map((item) => `<li>${e(item)}</li>`).join('')}</ul>`
    case 'quote':
      return `<figure class="quote"><blockquote><p>${e(block.text)}</p></blockquote><figcaption>${e(block.source)}</figcaption></figure>`
    case 'chart':
      return chartHtml(block, id)
    case 'table':
      return tableHtml(block.table)
    case 'matrix':
      return matrixHtml(block)
  }
}

/** The chart, then its description in words, then the numbers behind it. */
function chartHtml(chart: BriefingChart, id: string): string {
  return [
    `<figure class="chart" aria-labelledby="${e(id)}-caption"><div style="max-width:${chart.width}px">${chart.svg}</div><figcaption id="${e(id)}-caption">Chart: ${e(chart.title)}</figcaption></figure>`,
    `<div class="chart-description"><h3>What the chart shows</h3><p>${e(chart.description)}</p></div>`,
    `<div class="numbers-columns">${tableHtml(chart.table, 'numbers')}</div>`,
  ].join('\n')
}

/** Tables with at most this many rows and characters are kept on one page. */
export const SHORT_TABLE_ROWS = 20
export const SHORT_TABLE_CHARACTERS = 1200

export function tableHtml(table: BriefingTable, className = ''): string {
  const cls = (i: number) => (table.numeric[i] ? ' class="num"' : '')
  const head = table.columns.map((c, i) => `<th scope="col"${cls(i)}>${e(c)}</th>`).join('')
  const body = table.rows.map((row) => `<tr>${row.map((cell, i) => (i === 0 ? `<th scope="row">${e(cell)}</th>` : `<td${cls(i)}>${e(cell)}</td>`)).join('')}</tr>`).join('\n')
  // A short table stays on one page; a long one flows on, repeating its header row.
  const short = table.rows.length <= SHORT_TABLE_ROWS && table.rows.flat().join('').length <= SHORT_TABLE_CHARACTERS
  const classes = [className, short ? 'short' : ''].filter(Boolean).join(' ')
  return `<table${classes ? ` class="${classes}"` : ''}><caption>${e(table.caption)}</caption><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`
}

/** Measures down, groups across; each cell its icon and the icon's meaning in words. */
function matrixHtml(matrix: BriefingMatrix): string {
  const head = ['Measure', ...matrix.columns].map((c) => `<th scope="col">${e(c)}</th>`).join('')
  const body = matrix.rows
    .map((row) => `<tr><th scope="row">${e(row.label)}</th>${row.cells.map((cell) => `<td><span aria-hidden="true">${cell.svg}</span>${e(cell.label)}</td>`).join('')}</tr>`)
    .join('\n')
  return `<table class="matrix"><caption>${e(matrix.caption)}</caption><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`
}
