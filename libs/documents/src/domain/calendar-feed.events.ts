import { z } from 'zod';
import { defineEvent } from '@kom/kernel';

export const FEED_BODIES = ['PROJECT_GROUP', 'REFERENCE_GROUP', 'JOINT'] as const;
export const FEED_LANGS = ['nb', 'en'] as const;

const id = z.string().min(1).max(128);

/**
 * A calendar feed subscribed by URL. The URL's secret is never recorded: only its SHA-256, so the
 * log (and an exported evidence bundle) cannot be used to read anyone's feed.
 */
export const CalendarFeedCreated = defineEvent(
  'CalendarFeedCreated',
  1,
  z.object({
    feedId: z.string().uuid(),
    tokenHash: z.string().regex(/^[0-9a-f]{64}$/),
    body: z.enum(FEED_BODIES).nullable(),
    organizationId: id.nullable(),
    lang: z.enum(FEED_LANGS),
    /** Whose view the feed shows: the creator's organisation and role (the actor is in the metadata). */
    ownerUserId: id,
    ownerOrganizationId: id,
    ownerRole: z.string().min(1).max(40),
  }),
);

export const CalendarFeedRevoked = defineEvent('CalendarFeedRevoked', 1, z.object({ feedId: z.string().uuid() }));

export type CalendarFeedEvent =
  | { type: 'CalendarFeedCreated'; data: z.infer<typeof CalendarFeedCreated.data> }
  | { type: 'CalendarFeedRevoked'; data: z.infer<typeof CalendarFeedRevoked.data> };

export const calendarFeedEventSchemas = [CalendarFeedCreated, CalendarFeedRevoked];
