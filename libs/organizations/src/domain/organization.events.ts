import { z } from 'zod';
import { defineEvent } from '@kom/kernel';
import { ORGANIZATION_KINDS, ORGANIZATION_ROLES } from './organization-roles';

export { ORGANIZATION_KINDS, type OrganizationKind } from './organization-roles';

const organizationId = z.string().min(1).max(100);
const name = z.string().min(1).max(200);
const shortName = z.string().min(1).max(40).nullable();
/** A calendar day in Norway, YYYY-MM-DD. */
const calendarDate = z.iso.date();
const role = z.enum(ORGANIZATION_ROLES);

/** Version 1: no date of its own; it reads as registered on the day it was recorded (organization.upcasters.ts). */
export const OrganizationRegisteredV1 = defineEvent(
  'OrganizationRegistered',
  1,
  z.object({ organizationId, name, shortName, kind: z.enum(ORGANIZATION_KINDS) }),
);

/**
 * Version 2 names the first day of the organisation in the register's history (`from`): the role its
 * kind implies (ROLE_OF_KIND) and its first name hold from that day, which may be before the day
 * it was recorded (the register keeps history, e.g. police districts of 2002).
 */
export const OrganizationRegistered = defineEvent(
  'OrganizationRegistered',
  2,
  z.object({ organizationId, name, shortName, kind: z.enum(ORGANIZATION_KINDS), from: calendarDate }),
);

/** Version 1: no date of its own; it reads as taking effect on the day it was recorded. */
export const OrganizationRenamedV1 = defineEvent('OrganizationRenamed', 1, z.object({ organizationId, name, shortName }));

/** Version 2: the name holds from `from` on; earlier names stay readable (Organization.nameAsOf). */
export const OrganizationRenamed = defineEvent('OrganizationRenamed', 2, z.object({ organizationId, name, shortName, from: calendarDate }));

/** The organisation holds `role` from `from` (inclusive) until the role is ended. */
export const OrganizationRoleGranted = defineEvent('OrganizationRoleGranted', 1, z.object({ organizationId, role, from: calendarDate }));

/** The organisation no longer holds `role` from `until` on (exclusive end of the period). */
export const OrganizationRoleEnded = defineEvent(
  'OrganizationRoleEnded',
  1,
  z.object({ organizationId, role, until: calendarDate, reason: z.string().min(1).max(500) }),
);

export type OrganizationEvent =
  | { type: 'OrganizationRegistered'; data: z.infer<typeof OrganizationRegistered.data> }
  | { type: 'OrganizationRenamed'; data: z.infer<typeof OrganizationRenamed.data> }
  | { type: 'OrganizationRoleGranted'; data: z.infer<typeof OrganizationRoleGranted.data> }
  | { type: 'OrganizationRoleEnded'; data: z.infer<typeof OrganizationRoleEnded.data> };

export const ORGANIZATION_EVENT_TYPES: readonly OrganizationEvent['type'][] = [
  'OrganizationRegistered',
  'OrganizationRenamed',
  'OrganizationRoleGranted',
  'OrganizationRoleEnded',
];

export const organizationEventSchemas = [OrganizationRegistered, OrganizationRenamed, OrganizationRoleGranted, OrganizationRoleEnded];
