import type { Actor } from '@kom/kernel';
import type { Agreement, AgreementVersion } from './agreement.state';
import { visibleTo } from './agreement-visibility';

const version = (number: number, signed: boolean): AgreementVersion => ({
  number,
  createdAt: '2026-03-02T09:00:00.000Z',
  proposedAt: signed ? '2026-03-02T09:00:00.000Z' : null,
  signatures: signed
    ? ['org-pd', 'org-rosa'].map((organizationId) => ({ version: number, organizationId, signedBy: 'u', signedAt: '2026-03-02T10:00:00.000Z' }))
    : [],
  title: 'Avtale',
  purpose: 'Formål',
  parties: [
    { organizationId: 'org-pd', name: 'Oslo politidistrikt', kind: 'POLICE', role: 'Etterforsker', police: true },
    { organizationId: 'org-rosa', name: 'ROSA', kind: 'NGO', role: 'Bistand', police: false },
  ],
  clauses: [{ section: 'VICTIM_ROUTE', nb: 'Rute', en: null }],
  effectiveFrom: '2026-04-01',
  expiresOn: null,
  citedDecisionIds: [],
});

const agreement = (...versions: AgreementVersion[]): Agreement => ({ kind: 'agreement', agreementId: 'a', versions, termination: null });
const actor = (role: Actor['role'], organizationId: string): Actor => ({ userId: 'u', organizationId, role });

describe('who sees an agreement', () => {
  it('shows a draft to its parties, the secretariat and auditors only', () => {
    const draft = agreement(version(1, false));
    expect(visibleTo(draft, actor('NGO_REPRESENTATIVE', 'org-rosa'))).toBe(draft);
    expect(visibleTo(draft, actor('SECRETARIAT', 'org-pod'))).toBe(draft);
    expect(visibleTo(draft, actor('AUDITOR', 'org-riksrevisjonen'))).toBe(draft);
    expect(visibleTo(draft, actor('NGO_REPRESENTATIVE', 'org-noas'))).toBeUndefined();
    expect(visibleTo(draft, actor('AGENCY_MEMBER', 'org-udi'))).toBeUndefined();
  });

  it('shows everyone the signed versions only', () => {
    const amended = agreement(version(1, true), version(2, false));
    expect(visibleTo(amended, actor('AGENCY_MEMBER', 'org-udi'))?.versions.map((v) => v.number)).toEqual([1]);
    expect(visibleTo(amended, actor('AGENCY_MEMBER', 'org-pd'))?.versions.map((v) => v.number)).toEqual([1, 2]);
  });
});
