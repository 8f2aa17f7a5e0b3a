/**
 * Precomputed analysis: one row per series (measure × site × community group) holding its SPC
 * result, so pages read stored results instead of analysing a whole programme on request.
 *
 * Freshness is kept by the database, not by each write path: `version` counts the changes to the
 * series' inputs and `computed_version` is the version its stored result was computed from; the
 * result is stale whenever the two differ. Triggers bump `version` (and create the row for a new
 * series) on every insert, update or delete of observations, on every change to a rebase or an
 * exclusion, and on a change to a measure's direction, target or period, whichever code path made
 * it. The refresh job (app/analyse/refresh-analysis.ts) recomputes exactly the stale rows and writes
 * a result back only if the version it read is still current.
 */
import { sql, type Kysely } from 'kysely'

const ORG = `nullif(current_setting('lhs.organisation_id', true), '')::integer`
const SITES = `nullif(current_setting('lhs.site_ids', true), '')`

const KEY = 'organisation_id, measure_id, site_id, dimension, group_name'

const statements = [
  `CREATE TABLE series_analysis (
     organisation_id integer NOT NULL,
     measure_id integer NOT NULL,
     site_id integer NOT NULL,
     dimension text NOT NULL,
     group_name text NOT NULL,
     version bigint NOT NULL DEFAULT 1,
     computed_version bigint,
     computed_at timestamptz,
     points integer,
     latest_period date,
     latest_value double precision,
     variation text,
     assurance text,
     signals integer,
     value_n integer,
     value_mean double precision,
     value_sd double precision,
     spc jsonb,
     PRIMARY KEY (${KEY}),
     FOREIGN KEY (organisation_id, measure_id) REFERENCES measures (organisation_id, id) ON DELETE CASCADE,
     FOREIGN KEY (organisation_id, site_id) REFERENCES sites (organisation_id, id) ON DELETE CASCADE)`,
  // An import's own rows, for its data-quality checks (gaps, outliers) and the series it touched.
  `CREATE INDEX observations_import ON observations (organisation_id, import_id) WHERE import_id IS NOT NULL`,
  `CREATE INDEX series_analysis_stale ON series_analysis (organisation_id) WHERE computed_version IS DISTINCT FROM version`,
  // Observations: one statement-level trigger per event (a trigger with transition tables has one event).
  `CREATE FUNCTION lhs_observations_changed() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN
     INSERT INTO series_analysis AS a (${KEY})
       SELECT DISTINCT ${KEY} FROM changed ORDER BY ${KEY}
       ON CONFLICT (${KEY}) DO UPDATE SET version = a.version + 1;
     RETURN NULL;
   END $$`,
  ...['INSERT', 'UPDATE', 'DELETE'].map(
    (event) =>
      `CREATE TRIGGER observations_${event.toLowerCase()}_marks_analysis AFTER ${event} ON observations
         REFERENCING ${event === 'DELETE' ? 'OLD' : 'NEW'} TABLE AS changed
         FOR EACH STATEMENT EXECUTE FUNCTION lhs_observations_changed()`,
  ),
  // Rebases (site null: every site) and exclusions change the analysis of every group of a measure at a site.
  `CREATE FUNCTION lhs_mark_measure_site(org integer, measure integer, site integer) RETURNS void LANGUAGE sql AS $$
     UPDATE series_analysis SET version = version + 1
      WHERE organisation_id = org AND measure_id = measure AND (site IS NULL OR site_id = site)
   $$`,
  `CREATE FUNCTION lhs_series_inputs_changed() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN
     IF TG_OP <> 'INSERT' THEN PERFORM lhs_mark_measure_site(OLD.organisation_id, OLD.measure_id, OLD.site_id); END IF;
     IF TG_OP <> 'DELETE' THEN PERFORM lhs_mark_measure_site(NEW.organisation_id, NEW.measure_id, NEW.site_id); END IF;
     RETURN NULL;
   END $$`,
  `CREATE TRIGGER rebases_mark_analysis AFTER INSERT OR UPDATE OR DELETE ON rebases FOR EACH ROW EXECUTE FUNCTION lhs_series_inputs_changed()`,
  `CREATE TRIGGER point_notes_mark_analysis AFTER INSERT OR UPDATE OR DELETE ON point_notes FOR EACH ROW EXECUTE FUNCTION lhs_series_inputs_changed()`,
  `CREATE FUNCTION lhs_measure_changed() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN
     UPDATE series_analysis SET version = version + 1 WHERE organisation_id = NEW.organisation_id AND measure_id = NEW.id;
     RETURN NULL;
   END $$`,
  `CREATE TRIGGER measures_mark_analysis AFTER UPDATE ON measures FOR EACH ROW
     WHEN ((OLD.direction, OLD.target, OLD.period) IS DISTINCT FROM (NEW.direction, NEW.target, NEW.period))
     EXECUTE FUNCTION lhs_measure_changed()`,
  // Every series already stored starts stale; the server's refresh job computes them.
  `INSERT INTO series_analysis (${KEY}) SELECT DISTINCT ${KEY} FROM observations`,
  `GRANT SELECT, INSERT, UPDATE, DELETE ON series_analysis TO lhs_app`,
  `ALTER TABLE series_analysis ENABLE ROW LEVEL SECURITY`,
  `CREATE POLICY organisation_boundary ON series_analysis USING (organisation_id = ${ORG} AND (${SITES} IS NULL OR site_id = ANY (string_to_array(${SITES}, ',')::integer[])))`,
]

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const event of ['insert', 'update', 'delete']) await sql.raw(`DROP TRIGGER observations_${event}_marks_analysis ON observations`).execute(db)
  await sql.raw(`DROP TRIGGER rebases_mark_analysis ON rebases`).execute(db)
  await sql.raw(`DROP TRIGGER point_notes_mark_analysis ON point_notes`).execute(db)
  await sql.raw(`DROP TRIGGER measures_mark_analysis ON measures`).execute(db)
  await sql.raw(`DROP TABLE series_analysis`).execute(db)
  await sql.raw(`DROP INDEX observations_import`).execute(db)
  for (const fn of ['lhs_observations_changed()', 'lhs_series_inputs_changed()', 'lhs_measure_changed()', 'lhs_mark_measure_site(integer, integer, integer)']) await sql.raw(`DROP FUNCTION ${fn}`).execute(db)
}
