/** The few FHIR R4 data types and resources LHS writes, typed only as far as the builders need. */

export interface Coding {
  readonly system?: string
  readonly code?: string
  readonly display?: string
}

export interface CodeableConcept {
  readonly coding?: readonly Coding[]
  readonly text?: string
}

export interface Identifier {
  readonly system: string
  readonly value: string
}

export interface Reference {
  readonly reference?: string
  readonly identifier?: Identifier
  readonly display?: string
}

export interface Extension {
  readonly url: string
  readonly valueCode?: string
  readonly valueBoolean?: boolean
  readonly valueDecimal?: number
  readonly valueString?: string
}

export interface Period {
  readonly start: string
  readonly end: string
}

/** Any resource: its type and the rest of its fields. */
export interface Resource {
  readonly resourceType: string
  readonly id?: string
  readonly [field: string]: unknown
}

export interface BundleEntry {
  readonly fullUrl: string
  readonly resource: Resource
}

export interface Bundle extends Resource {
  readonly resourceType: 'Bundle'
  readonly type: 'collection'
  readonly entry: readonly BundleEntry[]
}
