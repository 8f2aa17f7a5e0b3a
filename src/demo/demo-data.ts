/** What the demo generator returns: everything needed to seed each organisation. */
import type { DemoInsight } from './insight-data.ts'
import type { Measure, ObservationInput, Organisation, Programme, Rebase, Site } from '../core/model.ts'

export interface DemoProgramme {
  readonly programme: Programme
  readonly measures: Measure[]
  readonly observations: ObservationInput[]
  readonly rebases: Rebase[]
  /** What people said, with the codebook and codings (Riverside only). */
  readonly insight: DemoInsight | null
}

export interface DemoOrganisation {
  readonly organisation: Organisation
  /** Root (kind `system`, code = organisation code) first, then parents before their children. */
  readonly sites: Site[]
  readonly programmes: DemoProgramme[]
}

export interface DemoData {
  readonly organisations: DemoOrganisation[]
}
