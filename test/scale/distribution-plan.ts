/**
 * How every table would be placed on a Citus cluster distributed by `organisation_id`, and the
 * rules that make that placement possible, checked against the live catalog of a migrated store.
 * docs/scaling.md explains the plan; this file is its checkable half, so a migration that breaks
 * the plan fails `schema-distribution.test.ts` instead of surfacing on the day a cluster is built.
 *
 * Citus's own rules, which the checks restate (each cited where it is checked):
 * - a distributed table's primary key and unique constraints must include the distribution column
 *   (the house rule is stricter: it comes first, so every key lookup names the shard);
 * - a foreign key between two distributed tables must include the distribution column on both
 *   sides at the same position; distributed → reference is allowed, reference → distributed is not;
 * - ON DELETE SET NULL / SET DEFAULT is refused on a foreign key that includes the distribution
 *   column, even in PostgreSQL 15's column-list form `SET NULL (col)`;
 * - a row-level-security policy with a subquery is refused on any Citus table (distributed,
 *   reference, or local table added to the metadata);
 * - triggers on distributed tables need `citus.enable_unsafe_triggers`.
 */
import { sql, type Kysely } from 'kysely'

/** Where a table goes; each entry says why (the reasons are repeated in docs/scaling.md). */
export interface DistributionPlan {
  /** Hash-distributed by organisation_id, all in one colocation group. */
  readonly distributed: readonly string[]
  /** Replicated to every node. */
  readonly reference: Readonly<Record<string, string>>
  /** Stay on the coordinator only. */
  readonly coordinator: Readonly<Record<string, string>>
}

export const DISTRIBUTION_PLAN: DistributionPlan = {
  distributed: [
    'sites', 'programmes', 'measures', 'observations', 'rebases', 'imports', 'point_notes', 'series_analysis',
    'insight_events', 'insights', 'excerpts', 'themes', 'codings', 'measure_theme_links', 'findings',
    'drivers', 'driver_measures', 'decision_groups', 'decision_group_members', 'meetings', 'meeting_items', 'meeting_attendance',
    'decisions', 'decision_versions', 'actions', 'action_sites', 'predictions', 'pdsa_cycles', 'action_reviews', 'verdict_changes',
    'alerts', 'alert_recipients', 'webhooks', 'briefing_schedules', 'briefing_issues',
  ],
  reference: {
    organisations: 'the tenant itself: every tenant table refers to it, and a distributed table may only refer to a reference table or a colocated one',
    users: 'people belong to several organisations; tenant tables refer to them (owners, members, recipients)',
    memberships: 'read by user on every request, across organisations (which organisations may this person open?)',
    networks: 'community: shared by every member organisation',
    network_members: 'community: read across organisations by every row-level-security check of the community tables',
    shared_measures: 'community: belongs to a network, not to an organisation',
    lessons: 'community: read across organisations; addressed by id alone (UNIQUE (id)), which only a reference table can keep unique',
    lesson_comments: 'community: a comment and its lesson may belong to different organisations',
    shared_aggregates: 'community: read across organisations by the network funnel',
  },
  coordinator: {
    sessions: 'looked up by token hash on every request and touched on each; a local table (added to the metadata through its key to users) keeps that off the workers',
    api_tokens: 'looked up by token hash on every request, like sessions',
    sign_in_attempts: 'rate limiting by email and address, not by organisation',
    audit_log: 'one hash chain over every organisation, appended under one advisory lock: it needs one node',
    lhs_migrations: 'the migrator’s own record',
    lhs_migrations_lock: 'the migrator’s own lock',
  },
}

/** Departures from the rules that are known, each with the reason it is there or the fix planned (docs/scaling.md). */
export interface KnownExceptions {
  /** Tables with an organisation_id column that do not lead their keys with it. */
  readonly keys: Readonly<Record<string, string>>
  /** Foreign keys `table (columns) → referenced` that Citus refuses as they stand. */
  readonly foreignKeys: Readonly<Record<string, string>>
  /** Policies `table.policy` with a subquery. */
  readonly policies: Readonly<Record<string, string>>
  /** Triggers `table.trigger` on distributed tables. */
  readonly triggers: Readonly<Record<string, string>>
}

const SET_NULL_FIX = 'ON DELETE SET NULL (col) with the distribution key in the key; fix: NO ACTION and null the column in the delete path'
const SUBQUERY_FIX = 'subquery in a policy; fix: a STABLE function returning the organisation’s networks (docs/scaling.md)'
const ANALYSIS_TRIGGER = 'marks series_analysis stale; writes only rows of the same organisation (colocated); needs citus.enable_unsafe_triggers'

export const KNOWN_EXCEPTIONS: KnownExceptions = {
  keys: {
    audit_log: 'coordinator table: keyed by the global chain position seq; organisation_id is null for entries of no organisation',
    lessons: 'reference table: UNIQUE (id), because a lesson is addressed by id alone from every member organisation',
  },
  foreignKeys: {
    'programmes (organisation_id, aim_measure_id) → measures': SET_NULL_FIX,
    'actions (organisation_id, driver_id) → drivers': SET_NULL_FIX,
    'briefing_issues (organisation_id, schedule_id) → briefing_schedules': SET_NULL_FIX,
  },
  policies: {
    'shared_measures.community_read': SUBQUERY_FIX,
    'lessons.community_read': SUBQUERY_FIX,
    'lesson_comments.community_read': SUBQUERY_FIX,
    'lesson_comments.organisation_boundary': SUBQUERY_FIX,
    'shared_aggregates.organisation_boundary': SUBQUERY_FIX,
    'shared_aggregates.community_read': SUBQUERY_FIX,
  },
  triggers: {
    'observations.observations_insert_marks_analysis': ANALYSIS_TRIGGER,
    'observations.observations_update_marks_analysis': ANALYSIS_TRIGGER,
    'observations.observations_delete_marks_analysis': ANALYSIS_TRIGGER,
    'rebases.rebases_mark_analysis': ANALYSIS_TRIGGER,
    'point_notes.point_notes_mark_analysis': ANALYSIS_TRIGGER,
    'measures.measures_mark_analysis': ANALYSIS_TRIGGER,
  },
}

export interface Catalog {
  readonly tables: readonly string[]
  readonly columns: readonly { table: string; column: string; type: string; nullable: boolean }[]
  /** Primary keys (p), unique constraints (u) and foreign keys (f), columns in key order. */
  readonly constraints: readonly {
    name: string
    type: 'p' | 'u' | 'f'
    table: string
    columns: string[]
    references: string | null
    referencedColumns: string[]
    /** pg_constraint.confdeltype / confupdtype: a no action, r restrict, c cascade, n set null, d set default. */
    onDelete: string
    onUpdate: string
  }[]
  /** Unique indexes that back no constraint; `(expression)` stands for an expression column. */
  readonly uniqueIndexes: readonly { name: string; table: string; columns: string[] }[]
  readonly policies: readonly { table: string; name: string; qual: string | null; withCheck: string | null }[]
  readonly triggers: readonly { table: string; name: string }[]
}

/** The parts of the live catalog (schema public) the rules need. */
export async function readCatalog<DB>(db: Kysely<DB>): Promise<Catalog> {
  const names = (keys: string, relation: string) =>
    sql.raw(`ARRAY(SELECT a.attname::text FROM unnest(${keys}) WITH ORDINALITY k(attnum, n) JOIN pg_attribute a ON a.attrelid = ${relation} AND a.attnum = k.attnum ORDER BY k.n)`)
  const tables = await sql<{ name: string }>`
    SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition ORDER BY 1`.execute(db)
  const columns = await sql<Catalog['columns'][number]>`
    SELECT table_name AS "table", column_name AS "column", data_type AS type, is_nullable = 'YES' AS nullable
    FROM information_schema.columns WHERE table_schema = 'public' ORDER BY 1, ordinal_position`.execute(db)
  const constraints = await sql<Catalog['constraints'][number]>`
    SELECT c.conname AS name, c.contype AS type, t.relname AS "table", r.relname AS "references",
           ${names('c.conkey', 'c.conrelid')} AS columns, ${names('c.confkey', 'c.confrelid')} AS "referencedColumns",
           c.confdeltype AS "onDelete", c.confupdtype AS "onUpdate"
    FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid JOIN pg_namespace n ON n.oid = t.relnamespace
    LEFT JOIN pg_class r ON r.oid = c.confrelid
    WHERE n.nspname = 'public' AND c.contype IN ('p', 'u', 'f') ORDER BY 3, 1`.execute(db)
  const uniqueIndexes = await sql<Catalog['uniqueIndexes'][number]>`
    SELECT i.relname AS name, t.relname AS "table",
           ARRAY(SELECT coalesce(a.attname::text, '(expression)') FROM unnest(x.indkey::int2[]) WITH ORDINALITY k(attnum, n)
                 LEFT JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = k.attnum ORDER BY k.n) AS columns
    FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid JOIN pg_namespace n ON n.oid = t.relnamespace
    WHERE n.nspname = 'public' AND x.indisunique
      AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid AND c.contype IN ('p', 'u', 'x')) ORDER BY 2, 1`.execute(db)
  const policies = await sql<Catalog['policies'][number]>`
    SELECT tablename AS "table", policyname AS name, qual, with_check AS "withCheck" FROM pg_policies WHERE schemaname = 'public' ORDER BY 1, 2`.execute(db)
  const triggers = await sql<Catalog['triggers'][number]>`
    SELECT c.relname AS "table", g.tgname AS name FROM pg_trigger g JOIN pg_class c ON c.oid = g.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND NOT g.tgisinternal ORDER BY 1, 2`.execute(db)
  return {
    tables: tables.rows.map((r) => r.name),
    columns: columns.rows,
    constraints: constraints.rows,
    uniqueIndexes: uniqueIndexes.rows,
    policies: policies.rows,
    triggers: triggers.rows,
  }
}

type Kind = 'distributed' | 'reference' | 'coordinator'

const ORG = 'organisation_id'
const ACTIONS: Readonly<Record<string, string>> = { a: 'NO ACTION', r: 'RESTRICT', c: 'CASCADE', n: 'SET NULL', d: 'SET DEFAULT' }

/** Every way the catalog departs from the plan and Citus's rules, one sentence each (empty when it can be distributed as planned). */
export function distributionProblems(catalog: Catalog, plan: DistributionPlan = DISTRIBUTION_PLAN, known: KnownExceptions = KNOWN_EXCEPTIONS): string[] {
  const kinds = new Map<string, Kind>()
  const problems: string[] = []
  const place = (table: string, kind: Kind) => {
    const earlier = kinds.get(table)
    if (earlier) problems.push(`table "${table}" is planned twice, as ${earlier} and as ${kind} (expected one place in the distribution plan)`)
    kinds.set(table, kind)
  }
  for (const table of plan.distributed) place(table, 'distributed')
  for (const table of Object.keys(plan.reference)) place(table, 'reference')
  for (const table of Object.keys(plan.coordinator)) place(table, 'coordinator')
  for (const table of catalog.tables) {
    if (!kinds.has(table)) problems.push(`table "${table}" is not in the distribution plan (expected it under distributed, reference or coordinator in test/scale/distribution-plan.ts, and in docs/scaling.md)`)
  }
  for (const table of kinds.keys()) {
    if (!catalog.tables.includes(table)) problems.push(`table "${table}" is in the distribution plan but not in the schema (expected every planned table to exist)`)
  }
  const found = { keys: new Set<string>(), foreignKeys: new Set<string>(), policies: new Set<string>(), triggers: new Set<string>() }
  problems.push(...keyProblems(catalog, kinds, known, found.keys))
  problems.push(...foreignKeyProblems(catalog, kinds, known, found.foreignKeys))
  problems.push(...policyProblems(catalog, kinds, known, found.policies))
  problems.push(...triggerProblems(catalog, kinds, known, found.triggers))
  for (const [group, listed] of Object.entries(known) as [keyof KnownExceptions, Record<string, string>][]) {
    for (const name of Object.keys(listed)) {
      if (!found[group].has(name)) problems.push(`known exception ${group} "${name}" no longer occurs (expected it removed from KNOWN_EXCEPTIONS and docs/scaling.md)`)
    }
  }
  return problems
}

function keyProblems(catalog: Catalog, kinds: Map<string, Kind>, known: KnownExceptions, found: Set<string>): string[] {
  const problems: string[] = []
  const withOrg = new Set(catalog.columns.filter((c) => c.column === ORG).map((c) => c.table))
  for (const table of kinds.keys()) {
    if (kinds.get(table) !== 'distributed' || !catalog.tables.includes(table)) continue
    const column = catalog.columns.find((c) => c.table === table && c.column === ORG)
    if (!column) problems.push(`distributed table "${table}" has no ${ORG} column (expected one to distribute by)`)
    else if (column.type !== 'integer' || column.nullable) {
      problems.push(`distributed table "${table}": ${ORG} is ${column.type}${column.nullable ? ', nullable' : ''} (expected integer NOT NULL, the type of organisations.id, so all tables colocate)`)
    }
  }
  for (const table of withOrg) {
    const keys = [
      ...catalog.constraints.filter((c) => c.table === table && (c.type === 'p' || c.type === 'u')).map((c) => ({ what: c.type === 'p' ? 'primary key' : 'unique constraint', ...c })),
      ...catalog.uniqueIndexes.filter((i) => i.table === table).map((i) => ({ what: 'unique index', ...i })),
    ]
    const bad = keys
      .filter((k) => k.columns[0] !== ORG)
      .map((k) => `${table}: ${k.what} ${k.name} (${k.columns.join(', ')}) does not start with ${ORG} (expected ${ORG} first in every key of a table that holds it)`)
    if (!keys.some((k) => k.what === 'primary key')) bad.push(`${table}: no primary key (expected one that starts with ${ORG})`)
    if (bad.length === 0) continue
    // An exception covers a table that is not distributed; a distributed one must lead every key with organisation_id.
    if (known.keys[table] !== undefined && kinds.get(table) !== 'distributed') found.add(table)
    else problems.push(...bad)
  }
  return problems
}

function foreignKeyProblems(catalog: Catalog, kinds: Map<string, Kind>, known: KnownExceptions, found: Set<string>): string[] {
  const problems: string[] = []
  for (const fk of catalog.constraints.filter((c) => c.type === 'f')) {
    const from = kinds.get(fk.table)
    const to = fk.references === null ? undefined : kinds.get(fk.references)
    if (!from || !to) continue
    const label = `${fk.table} (${fk.columns.join(', ')}) → ${fk.references}`
    const allowed = (from === 'distributed' && to !== 'coordinator') || (from === 'reference' && to === 'reference') || (from === 'coordinator' && to !== 'distributed')
    if (!allowed) {
      problems.push(`foreign key ${fk.name}, ${label}: a ${from} table may not refer to a ${to} table on Citus (expected distributed → distributed or reference, reference → reference, coordinator → reference or coordinator)`)
      continue
    }
    if (from === 'distributed' && to === 'distributed') {
      const at = fk.columns.indexOf(ORG)
      if (at < 0 || fk.referencedColumns[at] !== ORG) {
        problems.push(`foreign key ${fk.name}, ${label} (${fk.referencedColumns.join(', ')}): ${ORG} does not match ${ORG} at the same position (expected both keys to carry it, so the rows sit on one shard)`)
      }
    }
    const keyed = from === 'distributed' && fk.columns.includes(ORG)
    const badDelete = fk.onDelete === 'n' || fk.onDelete === 'd'
    const badUpdate = fk.onUpdate === 'n' || fk.onUpdate === 'd' || fk.onUpdate === 'c'
    if (keyed && (badDelete || badUpdate)) {
      if (known.foreignKeys[label] !== undefined) found.add(label)
      else problems.push(`foreign key ${fk.name}, ${label}: ON DELETE ${ACTIONS[fk.onDelete]} ON UPDATE ${ACTIONS[fk.onUpdate]} (expected NO ACTION, RESTRICT or ON DELETE CASCADE: Citus refuses SET NULL, SET DEFAULT and ON UPDATE CASCADE on a key that holds the distribution column)`)
    }
  }
  return problems
}

/** Tables Citus will manage: distributed, reference, and coordinator tables tied to a reference table by a foreign key. */
function citusTables(catalog: Catalog, kinds: Map<string, Kind>): Set<string> {
  const tables = new Set([...kinds].filter(([, kind]) => kind !== 'coordinator').map(([table]) => table))
  for (const fk of catalog.constraints.filter((c) => c.type === 'f')) {
    if (fk.references && kinds.get(fk.references) === 'reference') tables.add(fk.table)
    if (fk.references && kinds.get(fk.table) === 'reference') tables.add(fk.references)
  }
  return tables
}

function policyProblems(catalog: Catalog, kinds: Map<string, Kind>, known: KnownExceptions, found: Set<string>): string[] {
  const managed = citusTables(catalog, kinds)
  const problems: string[] = []
  for (const policy of catalog.policies) {
    if (!managed.has(policy.table)) continue
    const name = `${policy.table}.${policy.name}`
    const subquery = [policy.qual, policy.withCheck].find((e): e is string => e !== null && /\bselect\b/i.test(e))
    if (subquery === undefined) continue
    if (known.policies[name] !== undefined) found.add(name)
    else problems.push(`policy ${name} has a subquery: ${subquery.replace(/\s+/g, ' ')} (expected none: Citus refuses subqueries in policies on its tables)`)
  }
  return problems
}

function triggerProblems(catalog: Catalog, kinds: Map<string, Kind>, known: KnownExceptions, found: Set<string>): string[] {
  const problems: string[] = []
  for (const trigger of catalog.triggers) {
    if (kinds.get(trigger.table) !== 'distributed') continue
    const name = `${trigger.table}.${trigger.name}`
    if (known.triggers[name] !== undefined) found.add(name)
    else problems.push(`trigger ${name} on a distributed table (expected none beyond KNOWN_EXCEPTIONS.triggers: each needs citus.enable_unsafe_triggers and must write only rows of the same organisation)`)
  }
  return problems
}
