import { Forbidden, InvalidInput, NotFound, Upcasters, fold, type Actor } from '@kom/kernel';
import { deciderSpec } from '@kom/kernel/testing';
import type { AgreementCommand, OrganizationFacts, PartyInput } from './agreement.commands';
import { agreementDecider } from './agreement.decider';
import type { AgreementClause, AgreementEvent, AgreementParty } from './agreement.events';
import { policeParty as policePartyOf, type Agreement } from './agreement.state';
import { agreementUpcasters } from './agreement.upcasters';

/**
 * The police party is the party holding the POLICE role in the register on the day a version is
 * made, whatever its kind; a police district that merged later stays the police party of what it
 * signed, and its successor's people act for it.
 */
const given = deciderSpec(agreementDecider);
const agreementId = 'agr-vestfold';
const in2019 = new Date('2019-05-02T10:00:00.000Z');
const today = new Date('2026-03-02T09:00:00.000Z');

const police = (from: string, until: string | null = null) => [{ role: 'POLICE', from, until }];
const facts = (name: string, kind: string, roles: OrganizationFacts['roles'], heldBy: OrganizationFacts['heldBy'] = null): OrganizationFacts => ({ name, kind, roles, heldBy });
const sorOstHolds = { organizationId: 'org-sor-ost', name: 'Sør-Øst politidistrikt' };
const vestfoldIn2019 = facts('Vestfold politidistrikt', 'POLICE', police('2002-01-01'));
const vestfoldNow = facts('Vestfold politidistrikt', 'POLICE', police('2002-01-01', '2020-01-01'), sorOstHolds);
const pod = facts('Politidirektoratet', 'SECRETARIAT', [{ role: 'SECRETARIAT_HOST', from: '2001-01-01', until: null }, ...police('2001-01-01')]);
const rosa = facts('ROSA', 'NGO', [{ role: 'NGO', from: '2002-01-01', until: null }]);
const party = (organizationId: string, organization: OrganizationFacts, role = 'Samarbeider'): PartyInput => ({ organizationId, role, organization });

const clauses: AgreementClause[] = [
  { section: 'ROLES_AND_RESPONSIBILITIES', nb: 'Politiet identifiserer; ROSA bistår.', en: null },
  { section: 'CONTACT_POINTS', nb: 'Faste kontaktpersoner.', en: null },
  { section: 'INFORMATION_SHARING_AND_CONFIDENTIALITY', nb: 'Taushetsplikt gjelder.', en: null },
  { section: 'VICTIM_ROUTE', nb: 'Fra identifisering til trygt bosted.', en: null },
  { section: 'TERM_AND_REVIEW', nb: 'Evalueres årlig.', en: null },
];
const draft = (parties: PartyInput[]): Extract<AgreementCommand, { type: 'DraftAgreement' }> => ({
  type: 'DraftAgreement',
  agreementId,
  title: 'Samarbeidsavtale Vestfold',
  purpose: 'Forutsigbart samarbeid.',
  parties,
  clauses,
  effectiveFrom: '2019-06-01',
  expiresOn: '2027-06-01',
});

const secretariat: Actor = { userId: 'sara', organizationId: 'org-pod', role: 'SECRETARIAT' };
const vestfoldPerson: Actor = { userId: 'u-vestfold', organizationId: 'org-vestfold', role: 'AGENCY_MEMBER' };
const sorOstPerson: Actor = { userId: 'u-sor-ost', organizationId: 'org-sor-ost', role: 'AGENCY_MEMBER' };
const rosaPerson: Actor = { userId: 'u-rosa', organizationId: 'org-rosa', role: 'NGO_REPRESENTATIVE' };

const vestfoldParty: AgreementParty = { organizationId: 'org-vestfold', name: 'Vestfold politidistrikt', kind: 'POLICE', role: 'Samarbeider', police: true };
const rosaParty: AgreementParty = { organizationId: 'org-rosa', name: 'ROSA', kind: 'NGO', role: 'Samarbeider', police: false };
const drafted: AgreementEvent = {
  type: 'AgreementDrafted',
  data: { agreementId, version: 1, createdAt: in2019.toISOString(), title: 'Samarbeidsavtale Vestfold', purpose: 'Forutsigbart samarbeid.', parties: [vestfoldParty, rosaParty], clauses, effectiveFrom: '2019-06-01', expiresOn: '2027-06-01', citedDecisionIds: [] },
};
const proposed: AgreementEvent = { type: 'AgreementProposedForSignature', data: { agreementId, version: 1, proposedAt: in2019.toISOString() } };
const signedBy = (organizationId: string, userId: string, version = 1): AgreementEvent => ({
  type: 'AgreementSigned',
  data: { agreementId, version, organizationId, signedBy: userId, signedAt: in2019.toISOString() },
});
const signedIn2019 = [drafted, proposed, signedBy('org-vestfold', 'u-vestfold'), signedBy('org-rosa', 'u-rosa')];
const successor = { now: today, actor: sorOstPerson };

describe('the police party, from the register’s roles', () => {
  it('is the Police Directorate when it holds the POLICE role, though its kind is SECRETARIAT', () => {
    const events = given([]).when(draft([party('org-pod', pod), party('org-rosa', rosa)]), { now: in2019, actor: secretariat }).events();
    const data = (events[0] as Extract<AgreementEvent, { type: 'AgreementDrafted' }>).data;
    expect(data.parties.map((p) => [p.organizationId, p.kind, p.police])).toEqual([
      ['org-pod', 'SECRETARIAT', true],
      ['org-rosa', 'NGO', false],
    ]);
  });

  it('needs the POLICE role on the day the version is made', () =>
    given([])
      .when(draft([party('org-pod', facts('Politidirektoratet', 'SECRETARIAT', police('2030-01-01'))), party('org-rosa', rosa)]), { now: in2019, actor: secretariat })
      .thenThrows(InvalidInput, 'POLICE_PARTY_REQUIRED'));

  it('drafts with a district in 2019, before it merged', () =>
    given([]).when(draft([party('org-vestfold', vestfoldIn2019), party('org-rosa', rosa)]), { now: in2019, actor: vestfoldPerson }).then([drafted]));
});

describe('a police district that merged after it signed', () => {
  it('cannot join a new agreement: its successor is the party now', () =>
    given([])
      .when(draft([party('org-vestfold', vestfoldNow), party('org-rosa', rosa)]), { now: today, actor: secretariat })
      .thenThrows(InvalidInput, 'PARTY_MERGED'));

  it('stays the police party of what it signed, under the name it signed with', () => {
    const renamedSince = facts('Vestfold og Telemark', 'POLICE', police('2002-01-01', '2020-01-01'), sorOstHolds);
    const events = given(signedIn2019)
      .when({ type: 'AmendAgreement', agreementId, parties: [party('org-vestfold', renamedSince), party('org-rosa', rosa, 'Bistand')], actingFor: ['org-vestfold'] }, successor)
      .events();
    const data = (events[0] as Extract<AgreementEvent, { type: 'AgreementAmended' }>).data;
    expect(data.parties[0]).toEqual(vestfoldParty);
    expect(policePartyOf(data)?.organizationId).toBe('org-vestfold');
  });

  it('is acted for by its successor’s people: amend, propose, sign for it, renew, terminate', () => {
    const amend = { type: 'AmendAgreement' as const, agreementId, purpose: 'Forutsigbart samarbeid i Sør-Øst.', actingFor: ['org-vestfold'] };
    const [amended] = given(signedIn2019).when(amend, successor).events();
    const [proposedV2] = given([...signedIn2019, amended!]).when({ type: 'ProposeAgreementForSignature', agreementId, version: 2, actingFor: ['org-vestfold'] }, successor).events();
    given([...signedIn2019, amended!, proposedV2!])
      .when({ type: 'SignAgreement', agreementId, version: 2, actingFor: ['org-vestfold'], representative: { representativeId: 'rep-sor-ost', organizationId: sorOstPerson.organizationId } }, successor)
      .then([{ type: 'AgreementSigned', data: { agreementId, version: 2, organizationId: 'org-vestfold', signedBy: 'u-sor-ost', representativeId: 'rep-sor-ost', signedAt: today.toISOString() } }]);
    const [renewed] = given(signedIn2019).when({ type: 'RenewAgreement', agreementId, expiresOn: '2030-06-01', actingFor: ['org-vestfold'] }, successor).events();
    expect(renewed).toMatchObject({ type: 'AgreementRenewed', data: { version: 2, expiresOn: '2030-06-01' } });
    given(signedIn2019)
      .when({ type: 'TerminateAgreement', agreementId, reason: 'Erstattes av ny avtale', effectiveOn: '2026-06-01', actingFor: ['org-vestfold'] }, successor)
      .then([
        {
          type: 'AgreementTerminated',
          data: { agreementId, organizationId: 'org-vestfold', terminatedBy: 'u-sor-ost', reason: 'Erstattes av ny avtale', effectiveOn: '2026-06-01', noticeGivenAt: today.toISOString() },
        },
      ]);
  });

  it('is not acted for by another district, nor by a partner', () => {
    const amend = { type: 'AmendAgreement' as const, agreementId, purpose: 'Endret.' };
    given([drafted]).when(amend, successor).thenThrows(NotFound, 'AGREEMENT_NOT_FOUND');
    given(signedIn2019).when(amend, successor).thenThrows(Forbidden, 'POLICE_PARTY_OR_SECRETARIAT_ONLY');
    given(signedIn2019).when(amend, { now: today, actor: { ...rosaPerson, role: 'AGENCY_MEMBER' } }).thenThrows(Forbidden, 'POLICE_PARTY_OR_SECRETARIAT_ONLY');
    given(signedIn2019)
      .when({ type: 'TerminateAgreement', agreementId, reason: 'x', effectiveOn: '2026-06-01', actingFor: ['org-telemark'] }, successor)
      .thenThrows(Forbidden, 'NOT_A_PARTY');
  });
});

describe('agreements drafted before the police mark (version 1)', () => {
  it('read the party of kind POLICE as the police party', () => {
    const upcasters = new Upcasters(agreementUpcasters);
    const stored = { ...drafted.data, parties: [vestfoldParty, rosaParty].map(({ police: _police, ...p }) => p) };
    const read = upcasters.upcast('AgreementDrafted', { schemaVersion: 1 }, stored)!.data as Extract<AgreementEvent, { type: 'AgreementDrafted' }>['data'];
    expect(read.parties).toEqual([vestfoldParty, rosaParty]);
    const agreement = fold(agreementDecider, [{ type: 'AgreementDrafted', data: read }]) as Agreement;
    expect(policePartyOf(agreement.versions[0]!)?.organizationId).toBe('org-vestfold');
  });
});
