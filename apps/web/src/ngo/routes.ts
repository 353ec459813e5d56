import type { ComponentType } from 'react';

type PageModule = () => Promise<{ default: ComponentType }>;

/** The NGO representatives' area; each page is loaded when first visited. */
export const NGO_ROUTES: ReadonlyArray<{ path: string; page: PageModule }> = [
  { path: '/ngo/issues', page: () => import('./our-issues.page').then((m) => ({ default: m.OurIssuesPage })) },
  { path: '/ngo/issues/new', page: () => import('./raise-issue.page').then((m) => ({ default: m.RaiseIssuePage })) },
  { path: '/ngo/issues/:issueId', page: () => import('./issue.page').then((m) => ({ default: m.IssuePage })) },
  { path: '/ngo/agreements', page: () => import('./agreements.page').then((m) => ({ default: m.AgreementsPage })) },
  { path: '/ngo/agreements/:agreementId', page: () => import('./agreement.page').then((m) => ({ default: m.AgreementPage })) },
];
