/** The kinds of identifier the redactor finds. */
export type EntityType =
  | 'nhs_number'
  | 'postcode'
  | 'phone'
  | 'email'
  | 'ni_number'
  | 'date_of_birth'
  | 'address'
  | 'name'

/** One identifier found in a text: UTF-16 offsets into the original text, `end` exclusive. */
export interface Entity {
  readonly type: EntityType
  readonly start: number
  readonly end: number
}

/** The placeholder that replaces each kind of identifier in redacted text. */
export const PLACEHOLDERS: Readonly<Record<EntityType, string>> = {
  nhs_number: '[NHS_NUMBER]',
  postcode: '[POSTCODE]',
  phone: '[PHONE]',
  email: '[EMAIL]',
  ni_number: '[NI_NUMBER]',
  date_of_birth: '[DATE_OF_BIRTH]',
  address: '[ADDRESS]',
  name: '[NAME]',
}

/**
 * Which kind wins when two overlapping spans have the same length (earlier wins): the most
 * specific, checkable patterns first, names last.
 */
export const ENTITY_PRIORITY: readonly EntityType[] = [
  'email',
  'nhs_number',
  'ni_number',
  'phone',
  'postcode',
  'date_of_birth',
  'address',
  'name',
]
