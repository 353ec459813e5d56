import { defineUpcaster, osloDate } from '@kom/kernel';
import { OrganizationRegistered, OrganizationRegisteredV1, OrganizationRenamed, OrganizationRenamedV1 } from './organization.events';

/**
 * The day an event of version 1 was recorded, in Norway: before version 2 the register had no
 * dates of its own, so a registration or rename took effect the day it was made. An event without
 * `occurredAt` (none is written so) reads as of 1970-01-01.
 */
export function recordedDay(metadata: Readonly<Record<string, unknown>>): string {
  const occurredAt = metadata.occurredAt;
  if (typeof occurredAt !== 'string' || Number.isNaN(new Date(occurredAt).getTime())) return '1970-01-01';
  return osloDate(occurredAt);
}

/** An organisation registered before v2 holds its kind's role (and its name) from the day it was registered. */
export const organizationRegisteredV1ToV2 = defineUpcaster(OrganizationRegisteredV1, OrganizationRegistered, (data, metadata) => ({
  ...data,
  from: recordedDay(metadata),
}));

/** A rename before v2 took effect the day it was made. */
export const organizationRenamedV1ToV2 = defineUpcaster(OrganizationRenamedV1, OrganizationRenamed, (data, metadata) => ({
  ...data,
  from: recordedDay(metadata),
}));

export const organizationUpcasters = [organizationRegisteredV1ToV2, organizationRenamedV1ToV2];
