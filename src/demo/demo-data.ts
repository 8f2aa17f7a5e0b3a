/** What the demo generator returns: everything needed to seed each organisation. */
import type { Measure, ObservationInput, Organisation, Programme, Rebase, Site } from '../core/model.ts'

export interface DemoProgramme {
  readonly programme: Programme
  readonly measures: Measure[]
  readonly observations: ObservationInput[]
  readonly rebases: Rebase[]
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
