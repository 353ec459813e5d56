import type { ComponentType } from 'react';

type PageModule = () => Promise<{ default: ComponentType }>;

/** The police agreements workspace (measure 34); each page is loaded when first visited. */
export const POLICE_ROUTES: ReadonlyArray<{ path: string; page: PageModule }> = [
  { path: '/police/agreements', page: () => import('./agreements.page').then((m) => ({ default: m.PoliceAgreementsPage })) },
  { path: '/police/agreements/new', page: () => import('./new-agreement.page').then((m) => ({ default: m.NewAgreementPage })) },
  { path: '/police/agreements/:agreementId', page: () => import('./agreement.page').then((m) => ({ default: m.PoliceAgreementPage })) },
];
