import type { AreaRoute } from '../area-route';

const openLink: AreaRoute['page'] = () => import('./open-link.page').then((m) => ({ default: m.OpenLinkPage }));

/** Notifications for every role (webhook endpoints for those who may manage them); the e-mails' links. */
export const NOTIFICATION_ROUTES: ReadonlyArray<AreaRoute> = [
  { path: '/notifications', page: () => import('./notifications.page').then((m) => ({ default: m.NotificationsPage })) },
  {
    path: '/notifications/webhooks',
    page: () => import('./webhooks.page').then((m) => ({ default: m.WebhooksPage })),
    // Auditors receive no notifications, so they have no endpoints either.
    roles: ['SECRETARIAT', 'AGENCY_MEMBER', 'NGO_REPRESENTATIVE'],
  },
  { path: '/meetings/:id', page: openLink },
  { path: '/issues/:id', page: openLink },
  { path: '/agreements/:id', page: openLink },
  { path: '/action-items', page: openLink },
];
