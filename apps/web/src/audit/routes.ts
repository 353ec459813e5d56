import type { AreaRoute } from '../area-route';
import type { Role } from '../auth/session';

const ROLES: readonly Role[] = ['AUDITOR', 'SECRETARIAT'];

/** The auditors' area (the secretariat may read it too); each page is loaded when first visited. */
export const AUDIT_ROUTES: ReadonlyArray<AreaRoute> = [
  { path: '/audit/decisions', page: () => import('./decisions.page').then((m) => ({ default: m.DecisionRegisterPage })), roles: ROLES },
  { path: '/audit/decisions/:decisionId', page: () => import('./decision.page').then((m) => ({ default: m.DecisionHistoryPage })), roles: ROLES },
  { path: '/audit/integrity', page: () => import('./integrity.page').then((m) => ({ default: m.IntegrityPage })), roles: ROLES },
  { path: '/audit/trail', page: () => import('./trail.page').then((m) => ({ default: m.AuditTrailPage })), roles: ROLES },
  { path: '/audit/verify-document', page: () => import('./verify-document.page').then((m) => ({ default: m.VerifyDocumentPage })), roles: ROLES },
];
