import type { AreaRoute } from '../area-route';
import type { Role } from '../auth/session';

const ROLES: readonly Role[] = ['AGENCY_MEMBER'];

/** Member agencies' area; each page is loaded when first visited. */
export const AGENCY_ROUTES: ReadonlyArray<AreaRoute> = [
  { path: '/agency/meetings', page: () => import('./meetings.page').then((m) => ({ default: m.AgencyMeetingsPage })), roles: ROLES },
  { path: '/agency/decisions', page: () => import('./decisions.page').then((m) => ({ default: m.AgencyDecisionsPage })), roles: ROLES },
  { path: '/agency/action-items', page: () => import('./action-items.page').then((m) => ({ default: m.AgencyActionItemsPage })), roles: ROLES },
];
