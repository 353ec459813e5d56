import type { AreaRoute } from '../area-route';

/** Documents and calendar subscriptions, for every role (the calendar for those who may follow meetings). */
export const DOCUMENT_ROUTES: ReadonlyArray<AreaRoute> = [
  { path: '/publications', page: () => import('./publications.page').then((m) => ({ default: m.PublicationsPage })) },
  {
    path: '/publications/calendar',
    page: () => import('./calendar-feeds.page').then((m) => ({ default: m.CalendarFeedsPage })),
    // Auditors read the record; they follow no meetings.
    roles: ['SECRETARIAT', 'AGENCY_MEMBER', 'NGO_REPRESENTATIVE'],
  },
];
