import type { ComponentType } from 'react';

type PageModule = () => Promise<{ default: ComponentType }>;

const openLink: PageModule = () => import('./open-link.page').then((m) => ({ default: m.OpenLinkPage }));

/** Notifications for every role (webhook endpoints for those who may manage them); the e-mails' links. */
export const NOTIFICATION_ROUTES: ReadonlyArray<{ path: string; page: PageModule }> = [
  { path: '/notifications', page: () => import('./notifications.page').then((m) => ({ default: m.NotificationsPage })) },
  { path: '/notifications/webhooks', page: () => import('./webhooks.page').then((m) => ({ default: m.WebhooksPage })) },
  { path: '/meetings/:id', page: openLink },
  { path: '/issues/:id', page: openLink },
  { path: '/agreements/:id', page: openLink },
  { path: '/action-items', page: openLink },
];
