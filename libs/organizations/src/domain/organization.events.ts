import { z } from 'zod';
import { defineEvent } from '@kom/kernel';

export const ORGANIZATION_KINDS = ['AGENCY', 'POLICE', 'PROSECUTION', 'NGO', 'SECRETARIAT', 'MINISTRY', 'OTHER'] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

const organizationId = z.string().min(1).max(100);
const name = z.string().min(1).max(200);
const shortName = z.string().min(1).max(40).nullable();

export const OrganizationRegistered = defineEvent(
  'OrganizationRegistered',
  1,
  z.object({ organizationId, name, shortName, kind: z.enum(ORGANIZATION_KINDS) }),
);

export const OrganizationRenamed = defineEvent(
  'OrganizationRenamed',
  1,
  z.object({ organizationId, name, shortName }),
);

export type OrganizationEvent =
  | { type: 'OrganizationRegistered'; data: z.infer<typeof OrganizationRegistered.data> }
  | { type: 'OrganizationRenamed'; data: z.infer<typeof OrganizationRenamed.data> };

export const organizationEventSchemas = [OrganizationRegistered, OrganizationRenamed];
