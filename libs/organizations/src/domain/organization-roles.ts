/** What kind of body an organisation is: its primary classification (re-exported by organization.events). */
export const ORGANIZATION_KINDS = ['AGENCY', 'POLICE', 'PROSECUTION', 'NGO', 'SECRETARIAT', 'MINISTRY', 'OTHER'] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

/**
 * What an organisation is to KOM, over time. One organisation may hold several roles, each for
 * periods of calendar days `[from, until)`: the Police Directorate hosts the secretariat and is
 * police; a police district is police until it merges into another.
 */
export const ORGANIZATION_ROLES = ['MEMBER_AGENCY', 'NGO', 'POLICE', 'SECRETARIAT_HOST', 'PROSECUTION', 'MINISTRY'] as const;
export type OrganizationRole = (typeof ORGANIZATION_ROLES)[number];

/** The role an organisation's kind implies from its registration: `kind` stays its primary classification. */
export const ROLE_OF_KIND: Readonly<Record<OrganizationKind, OrganizationRole | null>> = {
  AGENCY: 'MEMBER_AGENCY',
  POLICE: 'POLICE',
  PROSECUTION: 'PROSECUTION',
  NGO: 'NGO',
  SECRETARIAT: 'SECRETARIAT_HOST',
  MINISTRY: 'MINISTRY',
  OTHER: null,
};

/** One period of a role: held from `from` (inclusive) until `until` (exclusive; null: still held). */
export interface RolePeriod {
  readonly role: OrganizationRole;
  readonly from: string;
  readonly until: string | null;
  /** Why the role ended; null while held. */
  readonly endReason: string | null;
}

/** The period implied by the kind an organisation was registered with, from its registration day. */
export function rolePeriodOfKind(kind: OrganizationKind, from: string): RolePeriod[] {
  const role = ROLE_OF_KIND[kind];
  return role === null ? [] : [{ role, from, until: null, endReason: null }];
}

/** True when a period of `role` covers the calendar day `day`. */
export function holdsRoleOn(periods: readonly Pick<RolePeriod, 'role' | 'from' | 'until'>[], role: OrganizationRole | string, day: string): boolean {
  return periods.some((p) => p.role === role && p.from <= day && (p.until === null || day < p.until));
}

/** The roles held on a day, in the order of ORGANIZATION_ROLES. */
export function rolesOn(periods: readonly RolePeriod[], day: string): OrganizationRole[] {
  return ORGANIZATION_ROLES.filter((role) => holdsRoleOn(periods, role, day));
}

/** The day before a calendar day (YYYY-MM-DD). */
export function dayBefore(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - 1);
  return date.toISOString().slice(0, 10);
}
