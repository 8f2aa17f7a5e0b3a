import { describe, expect, it } from 'vitest'
import type { Codebook } from './codebook.ts'
import { QDE_NAMESPACE, refiQdaProject, type QdpxInput } from './qdpx.ts'
import { readXml, type XmlElement } from './xml-tree.ts'

function descendants(element: XmlElement, name: string): XmlElement[] {
  return element.children.flatMap((child) => [...(child.name === name ? [child] : []), ...descendants(child, name)])
}

const ACCESS = '0f8fad5b-d9cb-469f-a165-70867728950e'
const LETTERS = '7c9e6679-7425-40de-944b-e07fc1f90ae7'
const codebook: Codebook = { themes: [{ guid: ACCESS, name: 'Access & "time"', definition: 'Getting care', examples: [], colour: '#1D70B8', children: [{ guid: LETTERS, name: 'Letters', definition: '', examples: [], colour: null, children: [] }] }] }
const at = '2025-06-02T09:00:00.000Z'

function input(overrides: Partial<QdpxInput> = {}): QdpxInput {
  return {
    name: 'HTN <coded>',
    codebook,
    createdAt: at,
    sources: [
      { key: 'x/1', name: 'Excerpt 1', text: 'Evening clinics 😀 please.', codings: [{ themeGuid: ACCESS, coder: 'a@example.org', start: 19, end: 26, createdAt: at }, { themeGuid: LETTERS, coder: 'b@example.org', start: null, end: null, createdAt: at }] },
      { key: 'x/2', name: 'Excerpt 2', text: 'Letters in English only.', codings: [{ themeGuid: LETTERS, coder: 'a@example.org', start: null, end: null, createdAt: at }] },
    ],
    ...overrides,
  }
}

describe('refiQdaProject', () => {
  it('writes well-formed XML listing the users, the codebook and each coding against its source file', () => {
    const project = refiQdaProject(input())
    const read = readXml(project.xml)
    if (!read.ok) throw new Error(`not well-formed: ${read.message}`)
    expect(read.root.name).toBe('Project')
    expect(read.root.namespaces.get('')).toBe(QDE_NAMESPACE)
    expect(read.root.attributes.get('name')).toBe('HTN <coded>')
    expect(read.root.children.map((c) => c.name)).toEqual(['Users', 'CodeBook', 'Sources'])
    expect(descendants(read.root, 'Code')[0]?.attributes.get('name')).toBe('Access & "time"')
    expect(descendants(read.root, 'User')).toHaveLength(3)
    expect(descendants(read.root, 'PlainTextSelection')).toHaveLength(3)
    expect(descendants(read.root, 'CodeRef').map((r) => r.attributes.get('targetGUID'))).toEqual([ACCESS, LETTERS, LETTERS])
    expect(project.files.map((f) => f.text)).toEqual(['Evening clinics 😀 please.', 'Letters in English only.'])
    for (const file of project.files) expect(project.xml).toContain(`plainTextPath="internal://${file.path.slice('sources/'.length)}"`)
  })

  it('counts positions in code points, so the emoji is one character', () => {
    const xml = refiQdaProject(input()).xml
    expect(xml).toContain('startPosition="18" endPosition="25"')
    expect(xml).toContain(`startPosition="0" endPosition="${[...'Evening clinics 😀 please.'].length}"`)
  })

  it('is the same for the same input and refuses a coding of a theme the codebook lacks', () => {
    expect(refiQdaProject(input()).xml).toBe(refiQdaProject(input()).xml)
    const stray = input({ sources: [{ key: 'x/3', name: 'E', text: 'T', codings: [{ themeGuid: '00000000-0000-4000-8000-000000000000', coder: 'a', start: null, end: null, createdAt: at }] }] })
    expect(() => refiQdaProject(stray)).toThrow(/not in the codebook/)
  })
})
