import type { ComponentType } from 'react';

type PageModule = () => Promise<{ default: ComponentType }>;

/** Member agencies' area; each page is loaded when first visited. */
export const AGENCY_ROUTES: ReadonlyArray<{ path: string; page: PageModule }> = [
  { path: '/agency/meetings', page: () => import('./meetings.page').then((m) => ({ default: m.AgencyMeetingsPage })) },
  { path: '/agency/decisions', page: () => import('./decisions.page').then((m) => ({ default: m.AgencyDecisionsPage })) },
  { path: '/agency/action-items', page: () => import('./action-items.page').then((m) => ({ default: m.AgencyActionItemsPage })) },
];
