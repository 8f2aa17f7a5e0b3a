/**
 * The briefing's print stylesheet, inlined so the HTML stands alone: NHS.UK colours and type scale,
 * A4 pages with a page break before each section, tables that repeat their header row across pages,
 * and larger type with shorter lines for plain-language briefings.
 */
export const BRIEFING_CSS = `
@page { size: A4; margin: 16mm 15mm 20mm 15mm; }
*, *::before, *::after { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; font-family: Frutiger W01, Arial, "Liberation Sans", "DejaVu Sans", sans-serif; color: #212b32; background: #fff; font-size: 11pt; line-height: 1.45; }
.briefing { max-width: 180mm; margin: 0 auto; padding: 0 4mm; }
.masthead { background: #005eb8; color: #fff; padding: 10mm 8mm 8mm; margin: 0 -4mm 6mm; }
.masthead p { margin: 0 0 2mm; }
.masthead .kicker { font-weight: 700; letter-spacing: 0.02em; }
h1 { font-size: 24pt; line-height: 1.15; margin: 2mm 0 3mm; }
h2 { font-size: 16pt; line-height: 1.2; color: #212b32; margin: 0 0 4mm; padding-bottom: 2mm; border-bottom: 2px solid #005eb8; }
h3 { font-size: 12.5pt; margin: 6mm 0 2mm; }
p { margin: 0 0 3mm; }
ul, ol { margin: 0 0 4mm; padding-left: 6mm; }
li { margin-bottom: 1.5mm; }
.disclosure { border: 2px solid #212b32; border-left: 8px solid #005eb8; background: #f0f4f5; padding: 4mm 5mm; margin: 0 0 6mm; break-inside: avoid; }
.disclosure.external { border-left-color: #007f3b; }
.disclosure h2 { font-size: 12pt; border: 0; margin: 0 0 2mm; padding: 0; }
.disclosure p { margin: 0; }
.contents h2 { font-size: 13pt; border: 0; padding: 0; margin-bottom: 2mm; }
section.part { break-before: page; padding-top: 2mm; }
section.part.first { break-before: auto; }
figure { margin: 0 0 3mm; }
.chart { break-inside: avoid; margin: 2mm 0 4mm; }
.chart svg { display: block; max-width: 100%; height: auto; }
.chart figcaption { font-size: 9.5pt; color: #4c6272; margin-top: 1mm; }
.chart-description { break-inside: avoid; background: #f0f4f5; padding: 3mm 4mm; margin: 0 0 3mm; border-left: 4px solid #768692; }
.chart-description h3 { margin-top: 0; font-size: 11pt; }
table { width: 100%; border-collapse: collapse; margin: 0 0 5mm; font-size: 9.5pt; }
caption { text-align: left; font-weight: 700; font-size: 10pt; padding-bottom: 1.5mm; caption-side: top; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
th, td { text-align: left; vertical-align: top; padding: 1.3mm 2mm; border-bottom: 1px solid #d8dde0; }
thead th { border-bottom: 2px solid #212b32; }
.num { text-align: right; font-variant-numeric: tabular-nums; }
table.short { break-inside: avoid; }
.numbers-columns { columns: 2; column-gap: 8mm; }
table.numbers { font-size: 8.5pt; }
table.numbers th, table.numbers td { padding: 0.6mm 2mm; }
table.matrix td { text-align: center; font-size: 8pt; }
table.matrix td svg { display: block; margin: 0 auto 1mm; }
table.matrix th[scope="row"] { font-size: 9pt; }
.quote { margin: 0 0 4mm; border-left: 6px solid #005eb8; padding: 2mm 4mm; break-inside: avoid; }
.quote blockquote { margin: 0; font-size: 11.5pt; }
.quote blockquote p::before { content: "\\201C"; }
.quote blockquote p::after { content: "\\201D"; }
.quote figcaption { font-size: 9.5pt; color: #4c6272; }
.colophon { border-top: 2px solid #005eb8; margin-top: 8mm; padding-top: 3mm; font-size: 9pt; color: #4c6272; break-inside: avoid; }
.plain { font-size: 14pt; line-height: 1.6; }
.plain .briefing { max-width: 165mm; }
.plain h1 { font-size: 28pt; }
.plain h2 { font-size: 20pt; }
.plain p, .plain li { max-width: 62ch; }
.plain table { font-size: 13pt; }
.plain caption { font-size: 13pt; }
.plain .quote blockquote { font-size: 14pt; }
.plain .colophon { font-size: 12pt; }
h2, h3 { break-after: avoid; }
.screen-links ul { list-style: none; padding: 3mm 0; margin: 0; display: flex; gap: 6mm; }
.screen-links a { color: #005eb8; font-weight: 700; }
@media print { .screen-links { display: none; } }
@media screen { body { background: #f0f4f5; } .briefing { background: #fff; padding: 0 8mm 8mm; margin: 6mm auto; } }
`
