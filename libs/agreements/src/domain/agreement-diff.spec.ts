import { agreementVersionDiff } from './agreement-diff';
import type { AgreementVersion } from './agreement.state';

const v1: AgreementVersion = {
  number: 1,
  createdAt: '2026-03-02T09:00:00.000Z',
  proposedAt: null,
  signatures: [],
  title: 'Avtale',
  purpose: 'Formål',
  parties: [
    { organizationId: 'org-pd', name: 'Oslo politidistrikt', kind: 'POLICE', role: 'Etterforsker', police: true },
    { organizationId: 'org-rosa', name: 'ROSA', kind: 'NGO', role: 'Bistand', police: false },
  ],
  clauses: [
    { section: 'ROLES_AND_RESPONSIBILITIES', nb: 'Roller', en: 'Roles' },
    { section: 'CONTACT_POINTS', nb: 'Kontakter', en: null },
    { section: 'VICTIM_ROUTE', nb: 'Rute', en: null },
  ],
  effectiveFrom: '2026-04-01',
  expiresOn: null,
  citedDecisionIds: ['dec-1'],
};

const v2: AgreementVersion = {
  ...v1,
  number: 2,
  parties: [
    { organizationId: 'org-pd', name: 'Oslo politidistrikt', kind: 'POLICE', role: 'Identifiserer og etterforsker', police: true },
    { organizationId: 'org-pro', name: 'Pro Sentret', kind: 'NGO', role: 'Oppsøkende', police: false },
  ],
  clauses: [
    { section: 'ROLES_AND_RESPONSIBILITIES', nb: 'Roller', en: 'Roles and duties' },
    { section: 'CONTACT_POINTS', nb: 'Kontaktpunkter', en: 'Contact points' },
    { section: 'TERM_AND_REVIEW', nb: 'Årlig', en: null },
  ],
  expiresOn: '2028-04-01',
  citedDecisionIds: ['dec-1', 'dec-2'],
};

describe('agreementVersionDiff', () => {
  it('compares clause by clause and per language', () => {
    expect(agreementVersionDiff(v1, v2).clauses).toEqual([
      { section: 'ROLES_AND_RESPONSIBILITIES', change: 'CHANGED', nb: null, en: { from: 'Roles', to: 'Roles and duties' } },
      { section: 'CONTACT_POINTS', change: 'CHANGED', nb: { from: 'Kontakter', to: 'Kontaktpunkter' }, en: { from: null, to: 'Contact points' } },
      { section: 'VICTIM_ROUTE', change: 'REMOVED', nb: { from: 'Rute', to: null }, en: null },
      { section: 'TERM_AND_REVIEW', change: 'ADDED', nb: { from: null, to: 'Årlig' }, en: null },
    ]);
  });

  it('compares parties, dates and cited decisions', () => {
    const diff = agreementVersionDiff(v1, v2);
    expect(diff.parties).toEqual([
      { organizationId: 'org-pd', name: 'Oslo politidistrikt', change: 'CHANGED', role: { from: 'Etterforsker', to: 'Identifiserer og etterforsker' } },
      { organizationId: 'org-rosa', name: 'ROSA', change: 'REMOVED', role: { from: 'Bistand', to: null } },
      { organizationId: 'org-pro', name: 'Pro Sentret', change: 'ADDED', role: { from: null, to: 'Oppsøkende' } },
    ]);
    expect(diff).toMatchObject({ fromVersion: 1, toVersion: 2, title: null, effectiveFrom: null, expiresOn: { from: null, to: '2028-04-01' } });
    expect(diff.citedDecisions).toEqual({ added: ['dec-2'], removed: [] });
  });

  it('finds nothing between a version and itself', () => {
    const diff = agreementVersionDiff(v1, v1);
    expect(diff.clauses).toEqual([]);
    expect(diff.parties).toEqual([]);
  });
});
