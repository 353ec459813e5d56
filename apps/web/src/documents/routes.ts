import type { ComponentType } from 'react';

type PageModule = () => Promise<{ default: ComponentType }>;

/** Documents and calendar subscriptions, for every role (the calendar for those who may follow meetings). */
export const DOCUMENT_ROUTES: ReadonlyArray<{ path: string; page: PageModule }> = [
  { path: '/publications', page: () => import('./publications.page').then((m) => ({ default: m.PublicationsPage })) },
  { path: '/publications/calendar', page: () => import('./calendar-feeds.page').then((m) => ({ default: m.CalendarFeedsPage })) },
];
