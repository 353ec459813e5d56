import type { AreaRoute } from '../area-route';
import type { Role } from '../auth/session';

const ROLES: readonly Role[] = ['NGO_REPRESENTATIVE'];

/** The NGO representatives' area; each page is loaded when first visited. */
export const NGO_ROUTES: ReadonlyArray<AreaRoute> = [
  { path: '/ngo/issues', page: () => import('./our-issues.page').then((m) => ({ default: m.OurIssuesPage })), roles: ROLES },
  { path: '/ngo/issues/new', page: () => import('./raise-issue.page').then((m) => ({ default: m.RaiseIssuePage })), roles: ROLES },
  { path: '/ngo/issues/:issueId', page: () => import('./issue.page').then((m) => ({ default: m.IssuePage })), roles: ROLES },
  { path: '/ngo/agreements', page: () => import('./agreements.page').then((m) => ({ default: m.AgreementsPage })), roles: ROLES },
  { path: '/ngo/agreements/:agreementId', page: () => import('./agreement.page').then((m) => ({ default: m.AgreementPage })), roles: ROLES },
];
