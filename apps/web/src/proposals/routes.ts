import type { AreaRoute } from '../area-route';
import type { Role } from '../auth/session';

const ROLES: readonly Role[] = ['AGENCY_MEMBER', 'NGO_REPRESENTATIVE'];

/** Members' agenda proposals (agency members and NGO representatives); loaded when first visited. */
export const PROPOSAL_ROUTES: ReadonlyArray<AreaRoute> = [
  { path: '/proposals', page: () => import('./proposals.page').then((m) => ({ default: m.ProposalsPage })), roles: ROLES },
];
