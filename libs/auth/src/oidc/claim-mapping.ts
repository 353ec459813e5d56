import { isRole, type Actor, type Role } from '@kom/kernel';
import { InvalidTokenError } from '../tokens/claims';
import { parseClaimPath, readClaim, type PathStep } from './claim-path';

/**
 * How an OIDC provider's token becomes the platform's Actor.
 *
 * - userId: the string at `claims.user` (e.g. `sub`; Maskinporten: `client_id`).
 * - organizationId: the string at `claims.organization`; with `organizationMap`, looked up there
 *   (e.g. `0192:974760746` → `org-pod`) and refused when absent (deny by default).
 * - role: the value at `claims.role`: a string (split on white space, so an OAuth `scope` works) or
 *   a list of strings (Entra ID `groups` / `roles`). With `roleMap` each value is looked up (group id →
 *   role); without it a value counts only when it is a platform role's name. Exactly one platform role
 *   must result: none, or two different ones, refuse the token (no guessing which one was meant).
 */
export interface ClaimMapping {
  readonly user: string;
  readonly organization: string;
  readonly role: string;
  readonly roleMap?: Readonly<Record<string, string>>;
  readonly organizationMap?: Readonly<Record<string, string>>;
}

export const DEFAULT_CLAIM_MAPPING: ClaimMapping = { user: 'sub', organization: 'kom_org', role: 'kom_role' };

export type ClaimsToActor = (payload: Record<string, unknown>) => Actor;

export function claimMapper(mapping: ClaimMapping): ClaimsToActor {
  const user = parseClaimPath(mapping.user);
  const organization = parseClaimPath(mapping.organization);
  const role = parseClaimPath(mapping.role);
  for (const [value, target] of Object.entries(mapping.roleMap ?? {})) {
    if (!isRole(target)) throw new Error(`role map: "${value}" maps to ${target}, which is not a platform role`);
  }
  return (payload) => ({
    userId: requiredString(payload, user, mapping.user),
    organizationId: organizationOf(requiredString(payload, organization, mapping.organization), mapping),
    role: roleOf(readClaim(payload, role), mapping),
  });
}

function requiredString(payload: unknown, steps: readonly PathStep[], path: string): string {
  const value = readClaim(payload, steps);
  if (typeof value !== 'string' || value.trim() === '') throw new InvalidTokenError(`token has no ${path} claim`);
  return value;
}

function organizationOf(value: string, mapping: ClaimMapping): string {
  if (!mapping.organizationMap) return value;
  const mapped = Object.prototype.hasOwnProperty.call(mapping.organizationMap, value) ? mapping.organizationMap[value] : undefined;
  if (!mapped) throw new InvalidTokenError(`token's organisation is not one this platform knows`);
  return mapped;
}

function roleOf(value: unknown, mapping: ClaimMapping): Role {
  const values =
    typeof value === 'string'
      ? value.split(/\s+/).filter(Boolean)
      : Array.isArray(value)
        ? value.filter((v): v is string => typeof v === 'string')
        : [];
  const roles = new Set<Role>();
  for (const v of values) {
    const target = mapping.roleMap
      ? Object.prototype.hasOwnProperty.call(mapping.roleMap, v) ? mapping.roleMap[v] : undefined
      : v;
    if (isRole(target)) roles.add(target);
  }
  if (roles.size === 0) throw new InvalidTokenError(`token's ${mapping.role} claim gives no platform role`);
  if (roles.size > 1) throw new InvalidTokenError(`token's ${mapping.role} claim gives more than one platform role (${[...roles].join(', ')})`);
  return [...roles][0];
}
