import type { AreaRoute } from '../area-route';
import type { Role } from '../auth/session';

const ROLES: readonly Role[] = ['AGENCY_MEMBER'];

/** The police agreements workspace (measure 34); each page is loaded when first visited. */
export const POLICE_ROUTES: ReadonlyArray<AreaRoute> = [
  { path: '/police/agreements', page: () => import('./agreements.page').then((m) => ({ default: m.PoliceAgreementsPage })), roles: ROLES },
  { path: '/police/agreements/new', page: () => import('./new-agreement.page').then((m) => ({ default: m.NewAgreementPage })), roles: ROLES },
  { path: '/police/agreements/:agreementId', page: () => import('./agreement.page').then((m) => ({ default: m.PoliceAgreementPage })), roles: ROLES },
];
