/** The roles a verified identity can carry. */
export const ROLES = ['SECRETARIAT', 'AGENCY_MEMBER', 'NGO_REPRESENTATIVE', 'AUDITOR'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/**
 * Who acts: always taken from the verified request identity (or the platform itself for
 * reference data and reactors), never from client input.
 */
export interface Actor {
  readonly userId: string;
  readonly organizationId: string;
  readonly role: Role | 'SYSTEM';
}

export const SYSTEM_ACTOR: Actor = { userId: 'system', organizationId: 'kom-platform', role: 'SYSTEM' };
