import { z } from 'zod';
import { defineEvent } from '@kom/kernel';

const organizationId = z.string().min(1).max(100);
/** A calendar day in Norway, YYYY-MM-DD. */
const calendarDate = z.iso.date();

/** An organisation holding the POLICE role is a police district from `from` on. */
export const PoliceDistrictRegistered = defineEvent('PoliceDistrictRegistered', 1, z.object({ organizationId, from: calendarDate }));

/**
 * Police districts merge (the police reform went from 27 districts to 12): from `on`, the merged
 * districts are no longer districts and `intoOrganizationId` holds their place (their agreements,
 * their history). The successor is a district from `on` if it was not one before.
 */
export const PoliceDistrictsMerged = defineEvent(
  'PoliceDistrictsMerged',
  1,
  z.object({ intoOrganizationId: organizationId, mergedOrganizationIds: z.array(organizationId).min(1).max(30), on: calendarDate }),
);

export type PoliceDistrictEvent =
  | { type: 'PoliceDistrictRegistered'; data: z.infer<typeof PoliceDistrictRegistered.data> }
  | { type: 'PoliceDistrictsMerged'; data: z.infer<typeof PoliceDistrictsMerged.data> };

export const POLICE_DISTRICT_EVENT_TYPES: readonly PoliceDistrictEvent['type'][] = ['PoliceDistrictRegistered', 'PoliceDistrictsMerged'];

export const policeDistrictEventSchemas = [PoliceDistrictRegistered, PoliceDistrictsMerged];
