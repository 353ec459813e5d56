import type { ComponentType } from 'react';

type PageModule = () => Promise<{ default: ComponentType }>;

/** The auditors' area (the secretariat may read it too); each page is loaded when first visited. */
export const AUDIT_ROUTES: ReadonlyArray<{ path: string; page: PageModule }> = [
  { path: '/audit/decisions', page: () => import('./decisions.page').then((m) => ({ default: m.DecisionRegisterPage })) },
  { path: '/audit/decisions/:decisionId', page: () => import('./decision.page').then((m) => ({ default: m.DecisionHistoryPage })) },
  { path: '/audit/integrity', page: () => import('./integrity.page').then((m) => ({ default: m.IntegrityPage })) },
  { path: '/audit/trail', page: () => import('./trail.page').then((m) => ({ default: m.AuditTrailPage })) },
  { path: '/audit/verify-document', page: () => import('./verify-document.page').then((m) => ({ default: m.VerifyDocumentPage })) },
];
