/**
 * The files `codebookToQdc` writes, checked against REFI-QDA's Codebook.xsd
 * (test/reference-data/refi-qda/, see its README for where it comes from). No XML Schema validator
 * is installed, so this file holds a small one for the parts of XML Schema that Codebook.xsd uses:
 * global elements; named complex types with a sequence of elements (minOccurs, maxOccurs) and
 * attributes (use="required"); xsd:string, xsd:boolean, and xsd:token restrictions with patterns.
 * Anything else in the schema throws, so a richer schema cannot be half-checked in silence.
 */
import { readFileSync } from 'node:fs'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { fuzzParameters } from '../../../test/fuzz/fuzz-settings.ts'
import { arbitraryCodebook } from './arbitrary-codebook.ts'
import { frameToCodebook } from './codebook.ts'
import { FRAMES } from './frames.ts'
import { codebookToQdc } from './qdc.ts'
import type { XmlElement } from './xml-tree.ts'
import { readXml } from './xml-tree.ts'

const folder = new URL('../../../test/reference-data/refi-qda/', import.meta.url)
const XSD = readFileSync(new URL('Codebook.xsd', folder), 'utf8')

interface Particle {
  readonly name: string
  readonly type: string
  readonly min: number
  readonly max: number
}

interface AttributeUse {
  readonly name: string
  readonly type: string
  readonly required: boolean
}

interface ComplexType {
  readonly sequence: readonly Particle[]
  readonly attributes: readonly AttributeUse[]
}

interface Schema {
  readonly targetNamespace: string
  readonly elements: ReadonlyMap<string, string>
  readonly complexTypes: ReadonlyMap<string, ComplexType>
  readonly simpleTypes: ReadonlyMap<string, readonly RegExp[]>
}

const XSD_NAMESPACE = 'http://www.w3.org/2001/XMLSchema'
/** Attributes from the XML Schema instance namespace, allowed on any element. */
const INSTANCE_ATTRIBUTES = new Set(['schemaLocation', 'noNamespaceSchemaLocation'])

function required(element: XmlElement, name: string): string {
  const value = element.attributes.get(name)
  if (value === undefined) throw new Error(`<xsd:${element.name}> on line ${element.line} has no ${name}`)
  return value
}

function unsupported(element: XmlElement): never {
  throw new Error(`Codebook.xsd uses <xsd:${element.name}> (line ${element.line}), which this checker does not support`)
}

function loadSchema(xsd: string): Schema {
  const read = readXml(xsd)
  if (!read.ok) throw new Error(`Codebook.xsd is not well-formed: ${read.message}`)
  const { root } = read
  if (root.name !== 'schema' || root.namespaces.get(root.prefix) !== XSD_NAMESPACE) throw new Error('Codebook.xsd is not an XML Schema')
  if (root.attributes.get('elementFormDefault') !== 'qualified' || root.attributes.get('attributeFormDefault') !== 'unqualified') unsupported(root)
  const elements = new Map<string, string>()
  const complexTypes = new Map<string, ComplexType>()
  const simpleTypes = new Map<string, readonly RegExp[]>()
  for (const child of root.children) {
    if (child.name === 'element') elements.set(required(child, 'name'), required(child, 'type'))
    else if (child.name === 'complexType') complexTypes.set(required(child, 'name'), readComplexType(child))
    else if (child.name === 'simpleType') simpleTypes.set(required(child, 'name'), readSimpleType(child))
    else if (child.name !== 'annotation') unsupported(child)
  }
  return { targetNamespace: required(root, 'targetNamespace'), elements, complexTypes, simpleTypes }
}

function readComplexType(type: XmlElement): ComplexType {
  const sequence: Particle[] = []
  const attributes: AttributeUse[] = []
  for (const child of type.children) {
    if (child.name === 'attribute') attributes.push({ name: required(child, 'name'), type: required(child, 'type'), required: child.attributes.get('use') === 'required' })
    else if (child.name === 'sequence') {
      for (const particle of child.children) {
        if (particle.name !== 'element') unsupported(particle)
        const max = particle.attributes.get('maxOccurs') ?? '1'
        sequence.push({ name: required(particle, 'name'), type: required(particle, 'type'), min: Number(particle.attributes.get('minOccurs') ?? '1'), max: max === 'unbounded' ? Infinity : Number(max) })
      }
    } else unsupported(child)
  }
  return { sequence, attributes }
}

function readSimpleType(type: XmlElement): RegExp[] {
  const [restriction, ...rest] = type.children
  if (restriction?.name !== 'restriction' || rest.length > 0 || required(restriction, 'base') !== 'xsd:token') return unsupported(restriction ?? type)
  return restriction.children.map((facet) => (facet.name === 'pattern' ? new RegExp(`^(?:${required(facet, 'value')})$`, 'u') : unsupported(facet)))
}

/** Every way `xml` breaks the schema, as readable lines ([] when it is valid). */
function validate(xml: string, schema: Schema): string[] {
  const read = readXml(xml)
  if (!read.ok) return [`not well-formed: ${read.message}`]
  const errors: string[] = []
  const type = schema.elements.get(read.root.name)
  if (type === undefined) return [`<${read.root.name}> is not a root element of the schema`]
  checkElement(read.root, type, new Map(), schema, errors)
  return errors
}

function checkElement(element: XmlElement, typeName: string, inScope: ReadonlyMap<string, string>, schema: Schema, errors: string[]): void {
  const namespaces = new Map([...inScope, ...element.namespaces])
  const at = `<${element.name}> on line ${element.line}`
  if (namespaces.get(element.prefix) !== schema.targetNamespace) errors.push(`${at} is not in the namespace ${schema.targetNamespace}`)
  const declared = typeName === 'xsd:string' ? { sequence: [], attributes: [] } : schema.complexTypes.get(typeName)
  if (declared === undefined) throw new Error(`Codebook.xsd refers to an unknown type ${typeName}`)
  for (const name of element.attributes.keys()) {
    if (!INSTANCE_ATTRIBUTES.has(name) && !declared.attributes.some((use) => use.name === name)) errors.push(`${at} has an attribute ${name} the schema does not declare`)
  }
  for (const use of declared.attributes) {
    const value = element.attributes.get(use.name)
    if (value === undefined) {
      if (use.required) errors.push(`${at} lacks the required attribute ${use.name}`)
    } else if (!simpleValueIsValid(value, use.type, schema)) errors.push(`${at} has ${use.name}=${JSON.stringify(value)}, not a valid ${use.type}`)
  }
  if (typeName === 'xsd:string') {
    if (element.children.length > 0) errors.push(`${at} holds elements but is declared as text`)
    return
  }
  if (element.text.trim() !== '') errors.push(`${at} holds text ${JSON.stringify(element.text.trim())} but its type has element-only content`)
  checkSequence(element, declared.sequence, namespaces, schema, errors)
}

function checkSequence(element: XmlElement, sequence: readonly Particle[], namespaces: ReadonlyMap<string, string>, schema: Schema, errors: string[]): void {
  let next = 0
  for (const particle of sequence) {
    let count = 0
    for (let child = element.children[next]; child?.name === particle.name && count < particle.max; child = element.children[next]) {
      checkElement(child, particle.type, namespaces, schema, errors)
      next++
      count++
    }
    if (count < particle.min) errors.push(`<${element.name}> on line ${element.line} has ${count} <${particle.name}> where at least ${particle.min} must be`)
  }
  for (const extra of element.children.slice(next)) errors.push(`<${extra.name}> on line ${extra.line} is not allowed there inside <${element.name}>`)
}

function simpleValueIsValid(value: string, type: string, schema: Schema): boolean {
  const collapsed = value.replace(/[\t\n\r ]+/g, ' ').trim()
  if (type === 'xsd:string') return true
  if (type === 'xsd:boolean') return ['true', 'false', '1', '0'].includes(collapsed)
  const patterns = schema.simpleTypes.get(type)
  if (patterns === undefined) throw new Error(`Codebook.xsd refers to an unknown simple type ${type}`)
  return patterns.some((pattern) => pattern.test(collapsed))
}

const SCHEMA = loadSchema(XSD)
const G1 = '1ff58b12-6f6f-4b0c-8be5-bbdc91f55294'

describe('the vendored Codebook.xsd, as read by the checker', () => {
  it('declares CodeBook as the root and what a Code must have', () => {
    expect(SCHEMA.targetNamespace).toBe('urn:QDA-XML:codebook:1.0')
    expect([...SCHEMA.elements]).toStrictEqual([['CodeBook', 'CodeBookType']])
    expect(SCHEMA.complexTypes.get('CodeType')).toStrictEqual({
      sequence: [
        { name: 'Description', type: 'xsd:string', min: 0, max: 1 },
        { name: 'Code', type: 'CodeType', min: 0, max: Infinity },
      ],
      attributes: [
        { name: 'guid', type: 'GUIDType', required: true },
        { name: 'name', type: 'xsd:string', required: true },
        { name: 'isCodable', type: 'xsd:boolean', required: true },
        { name: 'color', type: 'RGBType', required: false },
      ],
    })
    expect(SCHEMA.simpleTypes.get('RGBType')?.map(String)).toStrictEqual(['/^(?:#([A-Fa-f0-9]{6}|[A-Fa-f0-9]{3}))$/u'])
  })
})

describe('the checker', () => {
  const codebook = (codes: string): string => `<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="test"><Codes>${codes}</Codes></CodeBook>`

  it('accepts the sample files written in the style of QualCoder and ATLAS.ti', () => {
    expect(validate(readFileSync(new URL('qualcoder-style.qdc', folder), 'utf8'), SCHEMA)).toStrictEqual([])
    expect(validate(readFileSync(new URL('atlas-style.qdc', folder), 'utf8'), SCHEMA)).toStrictEqual([])
  })

  it.each([
    [codebook(`<Code name="A" isCodable="true"/>`), 'lacks the required attribute guid'],
    [codebook(`<Code guid="${G1}" name="A"/>`), 'lacks the required attribute isCodable'],
    [codebook(`<Code guid="theme-1" name="A" isCodable="true"/>`), 'guid="theme-1", not a valid GUIDType'],
    [codebook(`<Code guid="${G1}" name="A" isCodable="yes"/>`), 'not a valid xsd:boolean'],
    [codebook(`<Code guid="${G1}" name="A" isCodable="true" color="red"/>`), 'not a valid RGBType'],
    [codebook(`<Code guid="${G1}" name="A" isCodable="true" colour="#000000"/>`), 'an attribute colour the schema does not declare'],
    [codebook(`<Code guid="${G1}" name="A" isCodable="true"><Code guid="${G1}" name="B" isCodable="true"/><Description>late</Description></Code>`), '<Description> on line 1 is not allowed there'],
    [codebook(`<Code guid="${G1}" name="A" isCodable="true"><Description><b>bold</b></Description></Code>`), 'holds elements but is declared as text'],
    [codebook(`<Code guid="${G1}" name="A" isCodable="true">stray text</Code>`), 'holds text "stray text"'],
    [codebook(''), 'has 0 <Code> where at least 1 must be'],
    [`<CodeBook origin="x"><Codes><Code guid="${G1}" name="A" isCodable="true"/></Codes></CodeBook>`, 'is not in the namespace urn:QDA-XML:codebook:1.0'],
    [`<Codes xmlns="urn:QDA-XML:codebook:1.0"/>`, 'is not a root element of the schema'],
  ])('rejects a broken document: %#', (xml, error) => {
    expect(validate(xml, SCHEMA).join('\n')).toContain(error)
  })
})

describe('codebookToQdc output against Codebook.xsd', () => {
  const guid = (() => {
    let n = 0
    return () => `00000000-0000-4000-8000-${(n++).toString(16).padStart(12, '0')}`
  })()

  it.each(FRAMES.map((frame) => [frame.key, frame] as const))('is valid for the %s frame', (_key, frame) => {
    expect(validate(codebookToQdc(frameToCodebook(frame, guid)), SCHEMA)).toStrictEqual([])
  })

  it('is valid for any codebook with at least one theme', () => {
    fc.assert(
      fc.property(arbitraryCodebook({ minThemes: 1, hostile: true }), (codebook) => {
        expect(validate(codebookToQdc(codebook), SCHEMA)).toStrictEqual([])
      }),
      fuzzParameters(),
    )
  })

  it('is not valid for an empty codebook, which the schema does not allow (documented)', () => {
    expect(validate(codebookToQdc({ themes: [] }), SCHEMA)).toStrictEqual(['<Codes> on line 3 has 0 <Code> where at least 1 must be'])
  })
})
