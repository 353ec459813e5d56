import type { ComponentType } from 'react';

type PageModule = () => Promise<{ default: ComponentType }>;

/** Members' agenda proposals (agency members and NGO representatives); loaded when first visited. */
export const PROPOSAL_ROUTES: ReadonlyArray<{ path: string; page: PageModule }> = [
  { path: '/proposals', page: () => import('./proposals.page').then((m) => ({ default: m.ProposalsPage })) },
];
