import { z } from 'zod';
import { defineEvent } from '@kom/kernel';

const organizationId = z.string().min(1).max(100);
/** The name's key (@kom/kernel nameKeyDigest): 32 hex digits, so the stream's name does not spell the name. */
const nameKey = z.string().regex(/^[0-9a-f]{32}$/);

/**
 * An organisation's current name has this key: no other organisation may take a name that looks the
 * same. On the key's own stream (`organization_name-<nameKey>`), appended in one atomic append with
 * the organisation's OrganizationRegistered or OrganizationRenamed: of two organisations taking
 * look-alike names at once, one wins the stream's revision.
 */
export const OrganizationNameClaimed = defineEvent('OrganizationNameClaimed', 1, z.object({ nameKey, organizationId }));

/** The organisation was renamed to a name with another key: this one is free again. */
export const OrganizationNameReleased = defineEvent('OrganizationNameReleased', 1, z.object({ nameKey, organizationId }));

export type OrganizationNameEvent =
  | { type: 'OrganizationNameClaimed'; data: z.infer<typeof OrganizationNameClaimed.data> }
  | { type: 'OrganizationNameReleased'; data: z.infer<typeof OrganizationNameReleased.data> };

export const organizationNameEventSchemas = [OrganizationNameClaimed, OrganizationNameReleased];
