/** What every use case needs, passed in by the entry points (server, CLI, tests). */
import type { Store } from '../storage/database.ts'

export interface AppDeps {
  readonly store: Store
  /** The current time; tests pass a fixed clock. */
  readonly clock: () => Date
}
