/**
 * Theme counts for the theme views: distinct excerpts a person coded with each theme (or any of its
 * sub-themes), by community group, site or source type, and by period; with the sentiment mix.
 * The machine coder's suggestions count nowhere.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely'
import type { Database } from './schema.ts'

export type CountBy = { readonly kind: 'group'; readonly dimension: string } | { readonly kind: 'site' } | { readonly kind: 'source' }

export interface CountFilter {
  readonly programmeId: number
  readonly siteIds?: readonly number[]
  readonly from?: string
  readonly to?: string
}

export interface CellCount {
  /** Null on the totals row (all excerpts, coded or not). */
  readonly themeId: number | null
  /** Group label, site id as text, or source type. */
  readonly column: string
  readonly excerpts: number
  readonly negative: number
  readonly neutral: number
  readonly positive: number
}

/** Sentiment scores at or beyond ±1 are positive or negative (core/text `sentiment` labels). */
const MIX = sql`count(*) FILTER (WHERE x.sentiment <= -1)::integer AS negative,
                count(*) FILTER (WHERE x.sentiment > -1 AND x.sentiment < 1)::integer AS neutral,
                count(*) FILTER (WHERE x.sentiment >= 1)::integer AS positive`

function columnOf(by: CountBy): RawBuilder<string> {
  if (by.kind === 'site') return sql<string>`x.site_id::text`
  if (by.kind === 'source') return sql<string>`i.source`
  return sql<string>`coalesce(nullif(i.groups ->> ${by.dimension}, ''), 'Not stated')`
}

function where(organisationId: number, filter: CountFilter): RawBuilder<unknown> {
  const parts = [sql`x.organisation_id = ${organisationId}`, sql`i.programme_id = ${filter.programmeId}`]
  if (filter.siteIds) parts.push(sql`x.site_id = ANY (${[...filter.siteIds]}::integer[])`)
  if (filter.from) parts.push(sql`i.received_on >= ${filter.from}`)
  if (filter.to) parts.push(sql`i.received_on <= ${filter.to}`)
  return sql.join(parts, sql` AND `)
}

function ancestors(organisationId: number): RawBuilder<unknown> {
  return sql`WITH RECURSIVE ancestry (organisation_id, theme_id, ancestor_id) AS (
    SELECT organisation_id, id, id FROM themes WHERE organisation_id = ${organisationId}
    UNION ALL
    SELECT a.organisation_id, a.theme_id, t.parent_id FROM ancestry a JOIN themes t ON t.organisation_id = a.organisation_id AND t.id = a.ancestor_id
    WHERE t.parent_id IS NOT NULL AND t.organisation_id = ${organisationId})`
}

/** Per theme (sub-themes rolled up) and column: the excerpts coded with it; plus a totals row per column. */
export async function countThemeCells(db: Kysely<Database>, organisationId: number, filter: CountFilter, by: CountBy): Promise<CellCount[]> {
  const column = columnOf(by)
  const conditions = where(organisationId, filter)
  const result = await sql<CellCount>`${ancestors(organisationId)}
    SELECT coded.ancestor_id AS "themeId", coded.col AS "column", count(*)::integer AS excerpts, ${MIX}
    FROM (SELECT DISTINCT a.ancestor_id, x.id, x.sentiment, ${column} AS col
          FROM excerpts x
          JOIN insights i ON i.organisation_id = x.organisation_id AND i.id = x.insight_id
          JOIN codings c ON c.organisation_id = x.organisation_id AND c.excerpt_id = x.id AND NOT c.machine
          JOIN ancestry a ON a.organisation_id = c.organisation_id AND a.theme_id = c.theme_id
          WHERE ${conditions}) AS coded(ancestor_id, id, sentiment, col)
    JOIN excerpts x ON x.organisation_id = ${organisationId} AND x.id = coded.id
    GROUP BY coded.ancestor_id, coded.col
    UNION ALL
    SELECT NULL, ${column}, count(*)::integer, ${MIX}
    FROM excerpts x JOIN insights i ON i.organisation_id = x.organisation_id AND i.id = x.insight_id
    WHERE ${conditions}
    GROUP BY 2`.execute(db)
  return result.rows
}

export interface PeriodCount {
  /** First day of the month or ISO week. */
  readonly period: string
  /** Excerpts coded with the theme (or a sub-theme). */
  readonly excerpts: number
  /** Excerpts received that period that a person has coded (with any theme): the theme's denominator. */
  readonly total: number
  /** Excerpts received that period that nobody has coded yet (they count in neither). */
  readonly uncoded: number
  /** Mean sentiment score of the theme's excerpts that period; null when it has none. */
  readonly sentiment: number | null
}

/** A theme's excerpts per calendar month or ISO week, beside the coded excerpts that period; periods with no excerpts at all are absent. */
export async function countThemeByPeriod(db: Kysely<Database>, organisationId: number, filter: CountFilter, themeId: number, period: 'month' | 'week'): Promise<PeriodCount[]> {
  const unit = period === 'month' ? sql`'month'` : sql`'week'`
  const result = await sql<PeriodCount>`${ancestors(organisationId)}
    SELECT to_char(date_trunc(${unit}, x.received_on), 'YYYY-MM-DD') AS period,
           count(*) FILTER (WHERE themed)::integer AS excerpts,
           count(*) FILTER (WHERE coded)::integer AS total,
           count(*) FILTER (WHERE NOT coded)::integer AS uncoded,
           avg(x.sentiment) FILTER (WHERE themed)::float8 AS sentiment
    FROM (SELECT x.*, i.received_on, EXISTS (SELECT 1 FROM codings c WHERE c.organisation_id = x.organisation_id AND c.excerpt_id = x.id AND NOT c.machine) AS coded,
                 EXISTS (SELECT 1 FROM codings c JOIN ancestry a ON a.organisation_id = c.organisation_id AND a.theme_id = c.theme_id
                         WHERE c.organisation_id = x.organisation_id AND c.excerpt_id = x.id AND NOT c.machine AND a.ancestor_id = ${themeId}) AS themed
          FROM excerpts x JOIN insights i ON i.organisation_id = x.organisation_id AND i.id = x.insight_id
          WHERE ${where(organisationId, filter)}) x
    GROUP BY 1 ORDER BY 1`.execute(db)
  return result.rows
}
