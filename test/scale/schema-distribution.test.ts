/**
 * The schema stays ready to be distributed by organisation on Citus (docs/scaling.md): every table
 * has a place in the distribution plan, every key of a table holding organisation_id starts with
 * it, foreign keys stay within what Citus allows, and the known exceptions are exactly those
 * listed with their reasons — on PGlite and on PostgreSQL. The second test shows the rules catch a
 * violation of each kind, on tables made for the purpose inside a transaction that is rolled back.
 */
import { sql, type Kysely } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Store } from '../../src/storage/database.ts'
import { enginesUnderTest } from '../support/engines.ts'
import { DISTRIBUTION_PLAN, KNOWN_EXCEPTIONS, distributionProblems, readCatalog, type Catalog, type DistributionPlan, type KnownExceptions } from './distribution-plan.ts'

/** Tables that break one rule each, planned as the probe plan says. */
const PROBES = [
  `CREATE TABLE probe_unplanned (id integer PRIMARY KEY)`,
  `CREATE TABLE probe_parent (organisation_id integer NOT NULL, id integer NOT NULL, code text, PRIMARY KEY (organisation_id, id), UNIQUE (id, organisation_id))`,
  `CREATE TABLE probe_child (
     organisation_id bigint NOT NULL, id integer NOT NULL, parent_id integer, code text,
     PRIMARY KEY (id, organisation_id),
     FOREIGN KEY (parent_id, organisation_id) REFERENCES probe_parent (organisation_id, id),
     FOREIGN KEY (organisation_id, parent_id) REFERENCES probe_parent (organisation_id, id) ON DELETE SET NULL (parent_id))`,
  `CREATE UNIQUE INDEX probe_child_code ON probe_child (lower(code))`,
  `CREATE TABLE probe_reference (id integer PRIMARY KEY, organisation_id integer NOT NULL, site_id integer NOT NULL,
     UNIQUE (organisation_id, site_id), FOREIGN KEY (organisation_id, site_id) REFERENCES sites (organisation_id, id))`,
  `ALTER TABLE probe_child ENABLE ROW LEVEL SECURITY`,
  `CREATE POLICY probe_policy ON probe_child USING (organisation_id IN (SELECT id FROM organisations))`,
  `CREATE FUNCTION probe_touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$`,
  `CREATE TRIGGER probe_trigger BEFORE INSERT ON probe_child FOR EACH ROW EXECUTE FUNCTION probe_touch()`,
  // A known exception that is gone must be noticed too.
  `DROP POLICY community_read ON lesson_comments`,
]

const PROBE_PLAN: DistributionPlan = {
  ...DISTRIBUTION_PLAN,
  distributed: [...DISTRIBUTION_PLAN.distributed, 'probe_parent', 'probe_child', 'probe_missing'],
  reference: { ...DISTRIBUTION_PLAN.reference, probe_reference: 'breaks the reference rule' },
}

/** An exception for the keys of a distributed table, which no exception may cover. */
const PROBE_EXCEPTIONS: KnownExceptions = { ...KNOWN_EXCEPTIONS, keys: { ...KNOWN_EXCEPTIONS.keys, probe_parent: 'a distributed table' } }

/** The catalog as it is with the probes created, read inside a transaction that is then rolled back. */
async function catalogWithProbes<DB>(db: Kysely<DB>): Promise<Catalog> {
  return db.connection().execute(async (connection) => {
    await sql`BEGIN`.execute(connection)
    try {
      for (const statement of PROBES) await sql.raw(statement).execute(connection)
      return await readCatalog(connection)
    } finally {
      await sql`ROLLBACK`.execute(connection)
    }
  })
}

for (const engine of enginesUnderTest()) {
  describe(`the schema can be distributed by organisation, on ${engine.engine}`, () => {
    let store: Store

    beforeAll(async () => {
      store = await engine.open()
    })

    afterAll(async () => {
      await store.close()
      await engine.cleanUp()
    })

    it('places every table and breaks no rule beyond the known exceptions', async () => {
      const catalog = await readCatalog(store.db)
      expect(catalog.tables.length).toBeGreaterThanOrEqual(50)
      expect(distributionProblems(catalog)).toEqual([])
    })

    it('catches each kind of violation, naming the table, the key and what was expected', async () => {
      const problems = distributionProblems(await catalogWithProbes(store.db), PROBE_PLAN, PROBE_EXCEPTIONS)
      const expected = [
        /^table "probe_unplanned" is not in the distribution plan/,
        /^table "probe_missing" is in the distribution plan but not in the schema/,
        /^distributed table "probe_child": organisation_id is bigint \(expected integer NOT NULL/,
        /^probe_child: primary key probe_child_pkey \(id, organisation_id\) does not start with organisation_id/,
        /^probe_child: unique index probe_child_code \(\(expression\)\) does not start with organisation_id/,
        /^probe_parent: unique constraint probe_parent_id_organisation_id_key \(id, organisation_id\) does not start with organisation_id/,
        /^probe_reference: primary key probe_reference_pkey \(id\) does not start with organisation_id/,
        /^foreign key probe_child_parent_id_organisation_id_fkey, probe_child \(parent_id, organisation_id\) → probe_parent \(organisation_id, id\): organisation_id does not match/,
        /^foreign key probe_child_organisation_id_parent_id_fkey, probe_child \(organisation_id, parent_id\) → probe_parent: ON DELETE SET NULL ON UPDATE NO ACTION/,
        /^foreign key probe_reference_organisation_id_site_id_fkey, probe_reference \(organisation_id, site_id\) → sites: a reference table may not refer to a distributed table/,
        /^policy probe_child\.probe_policy has a subquery: \(organisation_id IN \( ?SELECT/,
        /^trigger probe_child\.probe_trigger on a distributed table/,
        /^known exception policies "lesson_comments\.community_read" no longer occurs/,
        /^known exception keys "probe_parent" no longer occurs/,
      ]
      for (const pattern of expected) expect(problems, `no problem matches ${pattern}`).toContainEqual(expect.stringMatching(pattern))
      expect(problems).toHaveLength(expected.length)
      // The transaction was rolled back: the live schema is as it was.
      expect(distributionProblems(await readCatalog(store.db))).toEqual([])
    })
  })
}
