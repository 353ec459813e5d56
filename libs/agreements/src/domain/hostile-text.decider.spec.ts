import { InvalidInput, TEXT_NOT_ALLOWED, type Actor } from '@kom/kernel';
import { INVISIBLE_TEXT, deciderSpec, refusedTextCases } from '@kom/kernel/testing';
import type { AgreementCommand, OrganizationFacts, PartyInput } from './agreement.commands';
import { agreementDecider } from './agreement.decider';

// The platform's text policy (@kom/kernel text-policy.ts) on an agreement's free text: a refused
// character is TEXT_NOT_ALLOWED, text of invisible characters is missing; the decider returns no
// event, so nothing is recorded.
const given = deciderSpec(agreementDecider);
const police: Actor = { userId: 'u-police', organizationId: 'org-oslo-pd', role: 'AGENCY_MEMBER' };
const facts = (name: string, kind: string): OrganizationFacts => ({ name, kind, roles: [{ role: kind, from: '2002-01-01', until: null }], heldBy: null });
const policeParty: PartyInput = { organizationId: 'org-oslo-pd', role: 'Identifiserer', organization: facts('Oslo politidistrikt', 'POLICE') };
const rosaParty: PartyInput = { organizationId: 'org-rosa', role: 'Bistand', organization: facts('ROSA', 'NGO') };
const draft: Extract<AgreementCommand, { type: 'DraftAgreement' }> = {
  type: 'DraftAgreement',
  agreementId: 'agr-1',
  title: 'Samarbeidsavtale',
  purpose: 'Forutsigbart samarbeid.',
  parties: [policeParty, rosaParty],
  clauses: [{ section: 'ROLES_AND_RESPONSIBILITIES', nb: 'Politiet identifiserer; ROSA bistår.', en: null }],
  effectiveFrom: '2026-04-01',
  expiresOn: null,
  citedDecisions: [],
};
const drafted = given([]).when(draft).events();

describe.each(refusedTextCases())('an agreement refuses text with %s', (_kind, text) => {
  it('in its title, purpose, a party’s role and a clause in either language', () => {
    given([]).when({ ...draft, title: text }).thenThrows(InvalidInput, TEXT_NOT_ALLOWED);
    given([]).when({ ...draft, purpose: text }).thenThrows(InvalidInput, TEXT_NOT_ALLOWED);
    given([]).when({ ...draft, parties: [policeParty, { ...rosaParty, role: text }] }).thenThrows(InvalidInput, TEXT_NOT_ALLOWED);
    given([]).when({ ...draft, clauses: [{ section: 'ROLES_AND_RESPONSIBILITIES', nb: text, en: null }] }).thenThrows(InvalidInput, TEXT_NOT_ALLOWED);
    given([]).when({ ...draft, clauses: [{ section: 'ROLES_AND_RESPONSIBILITIES', nb: 'Tekst', en: text }] }).thenThrows(InvalidInput, TEXT_NOT_ALLOWED);
  });

  it('in the reason a party terminates it', () =>
    given(drafted).when({ type: 'TerminateAgreement', agreementId: 'agr-1', reason: text, effectiveOn: '2026-06-01' }, { actor: police }).thenThrows(InvalidInput, TEXT_NOT_ALLOWED));
});

describe('an agreement takes text of invisible characters as missing', () => {
  it('a title, purpose, clause or reason of zero-width characters is none', () => {
    given([]).when({ ...draft, title: INVISIBLE_TEXT }).thenThrows(InvalidInput, 'TITLE_REQUIRED');
    given([]).when({ ...draft, purpose: INVISIBLE_TEXT }).thenThrows(InvalidInput, 'PURPOSE_REQUIRED');
    given([]).when({ ...draft, clauses: [{ section: 'ROLES_AND_RESPONSIBILITIES', nb: INVISIBLE_TEXT, en: null }] }).thenThrows(InvalidInput, 'CLAUSE_TEXT_REQUIRED');
    given(drafted).when({ type: 'TerminateAgreement', agreementId: 'agr-1', reason: INVISIBLE_TEXT, effectiveOn: '2026-06-01' }, { actor: police }).thenThrows(InvalidInput, 'REASON_REQUIRED');
  });
});
