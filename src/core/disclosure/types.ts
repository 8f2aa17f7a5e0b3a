/** A count in a table to publish; a total lists the ids of the cells it adds up (it must equal their sum). */
export interface TableCell {
  readonly id: string
  readonly value: number
  readonly childIds?: readonly string[]
}

/** One cell as it may leave the organisation. */
export interface PublishedCell {
  readonly id: string
  /** The number to print or compute with; null when suppressed. */
  readonly value: number | null
  /** '*' when suppressed, else the (possibly rounded) number as text. */
  readonly text: string
  /** exact: shown as it is; rounded: shown rounded by the policy; primary: hidden as too small; secondary: hidden so a primary cell cannot be worked out. */
  readonly reason: 'exact' | 'rounded' | 'primary' | 'secondary'
}

/** A total and the cells it adds up: the unit that secondary suppression protects. */
export interface TableGroup {
  readonly totalId: string
  readonly childIds: readonly string[]
}
