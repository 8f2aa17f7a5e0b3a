/**
 * Disclosure control: each organisation chooses the suppression policy applied to everything it
 * shares outside (external briefings, community shares, FHIR exports); see core/disclosure and
 * docs/methods/disclosure.md. Existing organisations get the NHS Digital convention.
 */
import { sql, type Kysely } from 'kysely'

/** The policy ids of core/disclosure, repeated here so the database refuses anything else. */
const POLICY_IDS = ['nhs-digital', 'fft', 'gpps', 'research'] as const

export async function up(db: Kysely<unknown>): Promise<void> {
  const ids = POLICY_IDS.map((id) => `'${id}'`).join(', ')
  await sql
    .raw(`ALTER TABLE organisations ADD COLUMN disclosure_policy text NOT NULL DEFAULT 'nhs-digital' CONSTRAINT organisations_disclosure_policy_check CHECK (disclosure_policy IN (${ids}))`)
    .execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw(`ALTER TABLE organisations DROP COLUMN disclosure_policy`).execute(db)
}
