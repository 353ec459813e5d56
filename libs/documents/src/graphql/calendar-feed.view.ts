import { Lang } from '@kom/platform';
import type { CalendarFeedView } from '../read-models/calendar-feeds.queries';
import type { CalendarFeed } from './documents.types';

/** A feed as GraphQL shows it (its URL only in the answer that made it). */
export const toFeed = (view: CalendarFeedView): CalendarFeed => ({
  id: view.id,
  body: view.body,
  organizationId: view.organizationId,
  lang: view.lang === 'en' ? Lang.EN : Lang.NB,
  createdAt: view.createdAt,
  revokedAt: view.revokedAt,
});
