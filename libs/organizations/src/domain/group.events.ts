import { z } from 'zod';
import { defineEvent } from '@kom/kernel';
import { ORGANIZATION_KINDS } from './organization.events';

/** KOM's two groups: the agencies' project group and the open reference group. */
export const GROUP_KINDS = ['PROJECT_GROUP', 'REFERENCE_GROUP'] as const;
export type GroupKind = (typeof GROUP_KINDS)[number];

/** A calendar date, YYYY-MM-DD (Norwegian local date; membership changes take effect on a day). */
export const calendarDate = z.iso.date();

const organizationId = z.string().min(1).max(100);

export const OrganizationAdmittedToGroup = defineEvent(
  'OrganizationAdmittedToGroup',
  1,
  z.object({
    groupKind: z.enum(GROUP_KINDS),
    organizationId,
    organizationKind: z.enum(ORGANIZATION_KINDS),
    /** The first day of membership. */
    effectiveFrom: calendarDate,
  }),
);

export const OrganizationLeftGroup = defineEvent(
  'OrganizationLeftGroup',
  1,
  z.object({
    groupKind: z.enum(GROUP_KINDS),
    organizationId,
    /** The first day the organisation is no longer a member (membership periods are [from, to)). */
    effectiveFrom: calendarDate,
    reason: z.string().min(1).max(500),
  }),
);

export type GroupEvent =
  | { type: 'OrganizationAdmittedToGroup'; data: z.infer<typeof OrganizationAdmittedToGroup.data> }
  | { type: 'OrganizationLeftGroup'; data: z.infer<typeof OrganizationLeftGroup.data> };

export const groupEventSchemas = [OrganizationAdmittedToGroup, OrganizationLeftGroup];
