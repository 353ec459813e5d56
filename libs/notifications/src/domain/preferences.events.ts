import { z } from 'zod';
import { defineEvent } from '@kom/kernel';
import { CADENCES, LANGUAGES, MAX_DAYS_AHEAD, TOPICS } from './topics';

const id = z.string().min(1).max(100);

/**
 * A person's choice of what they hear about, in which language and how. The person is the actor
 * (user id + organisation); the e-mail address is never here: `representativeId` names the
 * organisation's representative record whose sealed details hold it (erasable), or null for
 * notifications listed in the app only.
 */
export const NotificationPreferencesSet = defineEvent(
  'NotificationPreferencesSet',
  1,
  z.object({
    userId: id,
    organizationId: id,
    role: z.string().min(1).max(40),
    representativeId: id.nullable(),
    topics: z.array(z.enum(TOPICS)).max(TOPICS.length),
    language: z.enum(LANGUAGES),
    cadence: z.enum(CADENCES),
    dueSoonDays: z.number().int().min(1).max(MAX_DAYS_AHEAD),
    expiringDays: z.number().int().min(1).max(MAX_DAYS_AHEAD),
  }),
);

export type PreferencesEvent = { type: 'NotificationPreferencesSet'; data: z.infer<typeof NotificationPreferencesSet.data> };

export const preferencesEventSchemas = [NotificationPreferencesSet];
