import type { BoundedContext } from '@kom/platform';
import { calendarFeedEventSchemas } from './domain/calendar-feed.events';
import { calendarFeedsProjection } from './read-models/calendar-feeds.projection';

export const documentsContext: BoundedContext = {
  name: 'documents',
  eventSchemas: calendarFeedEventSchemas,
  projections: [calendarFeedsProjection],
  auditSummaries: {
    CalendarFeedCreated: () => ({ nb: 'Kalenderabonnement opprettet', en: 'Calendar feed created' }),
    CalendarFeedRevoked: () => ({ nb: 'Kalenderabonnement trukket tilbake', en: 'Calendar feed revoked' }),
  },
};
