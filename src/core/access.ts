/**
 * Roles and permissions: the one table that says who may do what inside an organisation.
 * Every API route and page declares one of these permissions (server/access/route-permissions.ts);
 * the README's "Roles" table is this table in words.
 */

export type Role = 'viewer' | 'contributor' | 'analyst' | 'lead' | 'decision_maker' | 'admin'

export const ROLES: readonly Role[] = ['viewer', 'contributor', 'analyst', 'lead', 'decision_maker', 'admin']

export type Permission =
  /** Aggregates, charts, the programme overview and the data behind charts. */
  | 'view'
  /** Raw free-text insight (what staff, patients and communities wrote). */
  | 'read_text'
  /** Add insight and observations one at a time. */
  | 'contribute'
  /** Import files, define measures, code text. */
  | 'analyse'
  /** Programmes, findings and actions. */
  | 'lead'
  /** Record decisions. */
  | 'decide'
  /** People, roles, settings, retention, the audit trail and whole-organisation exports. */
  | 'administer'

export const PERMISSIONS: readonly Permission[] = ['view', 'read_text', 'contribute', 'analyse', 'lead', 'decide', 'administer']

/** What each role may do. A role is not a rank: a decision maker reads and decides but does not import. */
export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  viewer: ['view'],
  contributor: ['view', 'read_text', 'contribute'],
  analyst: ['view', 'read_text', 'contribute', 'analyse'],
  lead: ['view', 'read_text', 'contribute', 'analyse', 'lead'],
  decision_maker: ['view', 'read_text', 'decide'],
  admin: ['view', 'read_text', 'contribute', 'analyse', 'lead', 'decide', 'administer'],
}

/** In words, for the README, the people page and error messages. */
export const ROLE_DESCRIPTIONS: Readonly<Record<Role, string>> = {
  viewer: 'sees aggregates and charts',
  contributor: 'also reads free text and adds insight and data',
  analyst: 'also imports files, defines measures and codes text',
  lead: 'also runs programmes, findings and actions',
  decision_maker: 'sees aggregates, charts and free text, and records decisions',
  admin: 'everything, including people, settings, retention and the audit trail',
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value)
}

export function can(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission)
}

/** The roles that hold `permission`, for messages such as "needs the analyst, lead or admin role". */
export function rolesWith(permission: Permission): Role[] {
  return ROLES.filter((role) => can(role, permission))
}
