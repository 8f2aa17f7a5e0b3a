/** The FHIR R4 validator from the `fhir` package (CommonJS), for tests that check exported resources. */
import { createRequire } from 'node:module'

interface ValidationResult {
  readonly valid: boolean
  readonly messages: readonly { readonly location?: string; readonly severity?: string; readonly message?: string }[]
}

const require = createRequire(import.meta.url)
const { Fhir } = require('fhir') as { Fhir: new () => { validate(resource: unknown): ValidationResult } }
const fhir = new Fhir()

/** The validator's verdict on one resource. */
export function validateFhir(resource: unknown): ValidationResult {
  return fhir.validate(resource)
}

/** The error messages for one resource (warnings left out), as `location: message` lines. */
export function fhirErrors(resource: unknown): string[] {
  return validateFhir(resource).messages.filter((m) => m.severity === 'error').map((m) => `${m.location ?? ''}: ${m.message ?? ''}`)
}
