/** The plain-English text alternative of a driver diagram (its `<desc>`, and a caption for a page). */
import { cleanText, displayTitle, driverTree, type DriverDiagramInput, type DriverNode } from './driver-diagram-tree.ts'

/**
 * "Aim: … 4 primary drivers, 7 secondary drivers and 13 change ideas. People are found: 2 secondary
 * drivers (…; …), 3 change ideas (…; …; …). … Linked measures: X (People are found; …)." Every
 * title in diagram order; each change idea is counted with its primary driver, whether it hangs off
 * a secondary driver or the primary itself. With no items: "Aim: … No drivers yet."
 */
export function describeDriverDiagram(input: DriverDiagramInput): string {
  const tree = driverTree(input)
  const aim = cleanText(input.aim)
  const sentences = [aim === '' ? 'Aim: not written yet.' : `Aim: ${sentence(aim)}`]
  if (tree.length === 0) return [...sentences, 'No drivers yet.'].join(' ')
  const all = tree.flatMap(descendants)
  const secondaries = all.filter((n) => n.item.kind === 'secondary').length
  const ideas = all.filter((n) => n.item.kind === 'change_idea').length
  sentences.push(`${count(tree.length, 'primary driver')}, ${count(secondaries, 'secondary driver')} and ${count(ideas, 'change idea')}.`)
  sentences.push(...tree.map(primarySentence))
  const measures = linkedMeasures(all)
  if (measures !== '') sentences.push(measures)
  return sentences.join(' ')
}

/** "People are found: 2 secondary drivers (A; B), 3 change ideas (C; D; E)." */
function primarySentence(primary: DriverNode): string {
  const below = primary.children.flatMap(descendants)
  const secondaries = below.filter((n) => n.item.kind === 'secondary').map(title)
  const ideas = below.filter((n) => n.item.kind === 'change_idea').map(title)
  const name = title(primary)
  if (below.length === 0) return `${name}: no secondary drivers or change ideas yet.`
  const listed = (titles: readonly string[], noun: string): string => (titles.length === 0 ? `no ${noun}s` : `${count(titles.length, noun)} (${titles.join('; ')})`)
  return `${name}: ${listed(secondaries, 'secondary driver')}, ${listed(ideas, 'change idea')}.`
}

/** "Linked measures: Blood pressure controlled (People are found; Pharmacy checks); …", each measure once, in order of first link. */
function linkedMeasures(nodes: readonly DriverNode[]): string {
  const linked = new Map<string, string[]>()
  for (const node of nodes) {
    for (const measure of new Set(node.item.measures.map(cleanText).filter((m) => m !== ''))) {
      linked.set(measure, [...(linked.get(measure) ?? []), title(node)])
    }
  }
  if (linked.size === 0) return ''
  return `Linked measures: ${[...linked].map(([measure, titles]) => `${measure} (${titles.join('; ')})`).join('; ')}.`
}

function descendants(node: DriverNode): DriverNode[] {
  return [node, ...node.children.flatMap(descendants)]
}

function title(node: DriverNode): string {
  return displayTitle(node.item)
}

function count(n: number, noun: string): string {
  return n === 0 ? `no ${noun}s` : `${n} ${noun}${n === 1 ? '' : 's'}`
}

/** The text with a full stop, unless it already ends a sentence. */
function sentence(text: string): string {
  return /[.!?]["')\]]?$/.test(text) ? text : `${text}.`
}
