/** One transaction for a use case: `work` gets deps whose store is bound to it. */
import type { AppDeps } from './deps.ts'

export function inTransaction<T>(deps: AppDeps, work: (tx: AppDeps) => Promise<T>): Promise<T> {
  return deps.store.db.transaction().execute((trx) => work({ ...deps, store: { ...deps.store, db: trx } }))
}
