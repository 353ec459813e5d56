import { Forbidden, InvalidInput, InvalidState, NotFound, fold, type Actor } from '@kom/kernel';
import { SPEC_ACTOR, SPEC_NOW, deciderSpec } from '@kom/kernel/testing';
import type { AgreementCommand, OrganizationFacts, PartyInput } from './agreement.commands';
import { agreementDecider } from './agreement.decider';
import type { AgreementClause, AgreementEvent } from './agreement.events';
import type { Agreement } from './agreement.state';
import { expiresOnAt, statusAt, versionInForceAt } from './agreement-status';

const given = deciderSpec(agreementDecider);
const NOW = SPEC_NOW.toISOString(); // 2026-03-02, a Monday morning in Oslo
const agreementId = 'agr-1';

const secretariat = SPEC_ACTOR;
const police: Actor = { userId: 'u-police', organizationId: 'org-oslo-pd', role: 'AGENCY_MEMBER' };
const rosa: Actor = { userId: 'u-rosa', organizationId: 'org-rosa', role: 'NGO_REPRESENTATIVE' };
const pro: Actor = { userId: 'u-pro', organizationId: 'org-pro', role: 'NGO_REPRESENTATIVE' };
const noas: Actor = { userId: 'u-noas', organizationId: 'org-noas', role: 'NGO_REPRESENTATIVE' };
const udi: Actor = { userId: 'u-udi', organizationId: 'org-udi', role: 'AGENCY_MEMBER' };
const auditor: Actor = { userId: 'u-audit', organizationId: 'org-riksrevisjonen', role: 'AUDITOR' };

/** What the register says: the role of its kind since 2002, no successor. */
const facts = (name: string, kind: string, role = kind): OrganizationFacts => ({ name, kind, roles: [{ role, from: '2002-01-01', until: null }], heldBy: null });
const policeParty: PartyInput = { organizationId: 'org-oslo-pd', role: 'Identifiserer og etterforsker', organization: facts('Oslo politidistrikt', 'POLICE') };
const rosaParty: PartyInput = { organizationId: 'org-rosa', role: 'Bistand og trygt bosted', organization: facts('ROSA', 'NGO') };
const proParty: PartyInput = { organizationId: 'org-pro', role: 'Oppsøkende arbeid', organization: facts('Pro Sentret', 'NGO') };
const parties = [policeParty, rosaParty, proParty];
const storedParties = parties.map(({ organizationId, role, organization }) => ({
  organizationId,
  name: organization!.name,
  kind: organization!.kind,
  role,
  police: organization!.kind === 'POLICE',
}));

const clauses: AgreementClause[] = [
  { section: 'ROLES_AND_RESPONSIBILITIES', nb: 'Politiet identifiserer; ROSA bistår.', en: 'The police identify; ROSA assists.' },
  { section: 'CONTACT_POINTS', nb: 'Faste kontaktpersoner i hver virksomhet.', en: null },
  { section: 'INFORMATION_SHARING_AND_CONFIDENTIALITY', nb: 'Taushetsplikt gjelder; samtykke innhentes.', en: null },
  { section: 'VICTIM_ROUTE', nb: 'Fra identifisering til trygt bosted innen 24 timer.', en: null },
  { section: 'TERM_AND_REVIEW', nb: 'Evalueres årlig.', en: 'Reviewed yearly.' },
];

const draft: Extract<AgreementCommand, { type: 'DraftAgreement' }> = {
  type: 'DraftAgreement',
  agreementId,
  title: '  Samarbeidsavtale   om ofre for menneskehandel ',
  purpose: 'Forutsigbart samarbeid om identifisering og bistand.',
  parties,
  clauses: [...clauses].reverse(),
  effectiveFrom: '2026-04-01',
  expiresOn: '2028-04-01',
  citedDecisions: [{ decisionId: 'dec-34', status: 'ACTIVE' }],
};

const content: Omit<Extract<AgreementEvent, { type: 'AgreementDrafted' }>['data'], 'agreementId' | 'version' | 'createdAt'> = {
  title: 'Samarbeidsavtale om ofre for menneskehandel',
  purpose: 'Forutsigbart samarbeid om identifisering og bistand.',
  parties: storedParties,
  clauses,
  effectiveFrom: '2026-04-01',
  expiresOn: '2028-04-01',
  citedDecisionIds: ['dec-34'],
};

const drafted: AgreementEvent = { type: 'AgreementDrafted', data: { agreementId, version: 1, createdAt: NOW, ...content } };
const proposed = (version: number): AgreementEvent => ({ type: 'AgreementProposedForSignature', data: { agreementId, version, proposedAt: NOW } });
/** The registered representative an actor's identity is linked to (looked up by the handler). */
const representativeOf = (actor: Actor) => ({ representativeId: `rep-${actor.userId}`, organizationId: actor.organizationId });
const signed = (version: number, actor: Actor, signedAt = NOW): AgreementEvent => ({
  type: 'AgreementSigned',
  data: { agreementId, version, organizationId: actor.organizationId, signedBy: actor.userId, representativeId: `rep-${actor.userId}`, signedAt },
});
const allSigned = (version: number) => [signed(version, police), signed(version, rosa), signed(version, pro)];
const amended = (version: number, change: Partial<typeof content>): AgreementEvent => ({
  type: 'AgreementAmended',
  data: { agreementId, version, basedOnVersion: version - 1, createdAt: NOW, ...content, ...change },
});
const renewed = (version: number, expiresOn: string): AgreementEvent => ({
  type: 'AgreementRenewed',
  data: { agreementId, version, basedOnVersion: version - 1, createdAt: NOW, expiresOn },
});
const terminated = (effectiveOn: string): AgreementEvent => ({
  type: 'AgreementTerminated',
  data: { agreementId, organizationId: 'org-rosa', terminatedBy: 'u-rosa', reason: 'Tilbudet legges ned', effectiveOn, noticeGivenAt: NOW },
});

const inForceV1 = [drafted, proposed(1), ...allSigned(1)];
const agreementAfter = (events: AgreementEvent[]) => fold(agreementDecider, events) as Agreement;
const at = (date: string) => new Date(`${date}T12:00:00+02:00`);

describe('agreement decider', () => {
  describe('drafting', () => {
    it('drafts version 1 with tidy text and clauses in section order', () => given([]).when(draft).then([drafted]));

    it('lets a member of the police party draft', () => given([]).when(draft, { actor: police }).then([drafted]));

    it('refuses a drafter that is neither the police party nor the secretariat', () => {
      given([]).when(draft, { actor: udi }).thenThrows(Forbidden, 'POLICE_PARTY_OR_SECRETARIAT_ONLY');
      given([]).when(draft, { actor: rosa }).thenThrows(Forbidden, 'POLICE_PARTY_OR_SECRETARIAT_ONLY');
      given([]).when(draft, { actor: auditor }).thenThrows(Forbidden, 'POLICE_PARTY_OR_SECRETARIAT_ONLY');
    });

    it('refuses a party list without the police, with only the police, or with two police parties', () => {
      given([]).when({ ...draft, parties: [rosaParty, proParty] }).thenThrows(InvalidInput, 'POLICE_PARTY_REQUIRED');
      given([]).when({ ...draft, parties: [policeParty] }).thenThrows(InvalidInput, 'PARTNER_REQUIRED');
      const pod: PartyInput = { organizationId: 'org-pod', role: 'Fagansvar', organization: facts('Politidirektoratet', 'SECRETARIAT', 'POLICE') };
      given([]).when({ ...draft, parties: [policeParty, pod, rosaParty] }).thenThrows(InvalidInput, 'ONE_POLICE_PARTY_ONLY');
    });

    it('refuses an unregistered party, a party named twice and a party without a role', () => {
      given([]).when({ ...draft, parties: [policeParty, { ...rosaParty, organization: null }] }).thenThrows(NotFound, 'ORGANIZATION_NOT_FOUND');
      given([]).when({ ...draft, parties: [policeParty, rosaParty, rosaParty] }).thenThrows(InvalidInput, 'DUPLICATE_PARTY');
      given([]).when({ ...draft, parties: [policeParty, { ...rosaParty, role: '  ' }] }).thenThrows(InvalidInput, 'PARTY_ROLE_REQUIRED');
    });

    it('refuses an expiry on or before the effective date, and dates that are not dates', () => {
      given([]).when({ ...draft, expiresOn: '2026-04-01' }).thenThrows(InvalidInput, 'EXPIRY_NOT_AFTER_EFFECTIVE_DATE');
      given([]).when({ ...draft, expiresOn: '2025-12-31' }).thenThrows(InvalidInput, 'EXPIRY_NOT_AFTER_EFFECTIVE_DATE');
      given([]).when({ ...draft, effectiveFrom: '2026-02-30' }).thenThrows(InvalidInput, 'INVALID_DATE');
      given([]).when({ ...draft, expiresOn: '1.4.2028' }).thenThrows(InvalidInput, 'INVALID_DATE');
    });

    it('drafts without an expiry date', () =>
      given([]).when({ ...draft, expiresOn: null }).then([{ ...drafted, data: { ...drafted.data, expiresOn: null } } as AgreementEvent]));

    it('refuses missing title, purpose, clauses, a section twice and a clause without Norwegian text', () => {
      given([]).when({ ...draft, title: ' ' }).thenThrows(InvalidInput, 'TITLE_REQUIRED');
      given([]).when({ ...draft, title: 'x'.repeat(201) }).thenThrows(InvalidInput, 'TITLE_TOO_LONG');
      given([]).when({ ...draft, purpose: '' }).thenThrows(InvalidInput, 'PURPOSE_REQUIRED');
      given([]).when({ ...draft, clauses: [] }).thenThrows(InvalidInput, 'CLAUSES_REQUIRED');
      given([]).when({ ...draft, clauses: [clauses[0]!, clauses[0]!] }).thenThrows(InvalidInput, 'DUPLICATE_CLAUSE_SECTION');
      given([]).when({ ...draft, clauses: [{ section: 'VICTIM_ROUTE', nb: ' ', en: 'Only English' }] }).thenThrows(InvalidInput, 'CLAUSE_TEXT_REQUIRED');
    });

    it('cites known decisions, refuses unknown and revoked ones, and takes ids as given when decisions cannot be checked', () => {
      given([]).when({ ...draft, citedDecisions: [{ decisionId: 'dec-x', status: 'UNKNOWN' }] }).thenThrows(InvalidInput, 'CITED_DECISION_NOT_FOUND');
      given([]).when({ ...draft, citedDecisions: [{ decisionId: 'dec-x', status: 'REVOKED' }] }).thenThrows(InvalidInput, 'CITED_DECISION_REVOKED');
      const [event] = given([]).when({ ...draft, citedDecisions: [{ decisionId: 'dec-7', status: 'UNCHECKED' }, { decisionId: 'dec-7', status: 'UNCHECKED' }] }).events();
      expect((event!.data as { citedDecisionIds: string[] }).citedDecisionIds).toEqual(['dec-7']);
    });

    it('refuses to draft an agreement twice', () => given([drafted]).when(draft).thenThrows(InvalidState, 'AGREEMENT_ALREADY_DRAFTED'));
  });

  describe('amending', () => {
    const amend = { type: 'AmendAgreement', agreementId, clauses: [...clauses.slice(0, 4), { section: 'TERM_AND_REVIEW', nb: 'Evalueres hvert halvår.', en: null }] } as const;

    it('makes a new version, keeping what is not changed', () =>
      given([drafted]).when(amend).then([amended(2, { clauses: [...clauses.slice(0, 4), { section: 'TERM_AND_REVIEW', nb: 'Evalueres hvert halvår.', en: null }] })]));

    it('makes a new version when parties or dates change, also after signing', () => {
      given(inForceV1).when({ type: 'AmendAgreement', agreementId, parties: [policeParty, rosaParty] }, { actor: police }).then([amended(2, { parties: storedParties.slice(0, 2) })]);
      given(inForceV1).when({ type: 'AmendAgreement', agreementId, expiresOn: null }).then([amended(2, { expiresOn: null })]);
    });

    it('changes nothing when nothing differs', () =>
      given([drafted]).when({ type: 'AmendAgreement', agreementId, title: 'Samarbeidsavtale om ofre for menneskehandel', clauses }).then([]));

    it('applies the party rules and date rules to the new version', () => {
      given([drafted]).when({ type: 'AmendAgreement', agreementId, parties: [policeParty] }).thenThrows(InvalidInput, 'PARTNER_REQUIRED');
      given([drafted]).when({ type: 'AmendAgreement', agreementId, effectiveFrom: '2028-05-01' }).thenThrows(InvalidInput, 'EXPIRY_NOT_AFTER_EFFECTIVE_DATE');
    });

    it('lets only the police party or the secretariat amend', () => {
      given([drafted]).when(amend, { actor: rosa }).thenThrows(Forbidden, 'POLICE_PARTY_OR_SECRETARIAT_ONLY');
      given(inForceV1).when(amend, { actor: { ...udi } }).thenThrows(Forbidden, 'POLICE_PARTY_OR_SECRETARIAT_ONLY');
      given([drafted]).when(amend, { actor: police }).events();
    });

    it('lets only the secretariat change who the police party is', () => {
      const bergen: PartyInput = { organizationId: 'org-vest-pd', role: 'Identifiserer og etterforsker', organization: facts('Vest politidistrikt', 'POLICE') };
      const handOver = { type: 'AmendAgreement', agreementId, parties: [bergen, rosaParty, proParty] } as const;
      given([drafted]).when(handOver, { actor: police }).thenThrows(Forbidden, 'POLICE_PARTY_OR_SECRETARIAT_ONLY');
      given([drafted]).when(handOver).then([
        amended(2, { parties: [{ organizationId: 'org-vest-pd', name: 'Vest politidistrikt', kind: 'POLICE', role: 'Identifiserer og etterforsker', police: true }, ...storedParties.slice(1)] }),
      ]);
    });

    it('refuses an unknown agreement', () => given([]).when(amend).thenThrows(NotFound, 'AGREEMENT_NOT_FOUND'));
  });

  describe('proposing for signature', () => {
    const propose = { type: 'ProposeAgreementForSignature', agreementId, version: 1 } as const;

    it('proposes the newest version', () => given([drafted]).when(propose, { actor: police }).then([proposed(1)]));

    it('refuses an older version, a version proposed already and an unknown version', () => {
      given([drafted, amended(2, { title: 'Ny tittel' })]).when(propose).thenThrows(InvalidState, 'NOT_THE_CURRENT_VERSION');
      given([drafted, proposed(1)]).when(propose).thenThrows(InvalidState, 'VERSION_ALREADY_PROPOSED');
      given([drafted]).when({ ...propose, version: 9 }).thenThrows(NotFound, 'AGREEMENT_VERSION_NOT_FOUND');
    });

    it('needs every section before signing', () =>
      given([{ ...drafted, data: { ...drafted.data, clauses: clauses.slice(0, 2) } } as AgreementEvent]).when(propose).thenThrows(InvalidInput, 'CLAUSE_SECTIONS_MISSING'));

    it('lets only the police party or the secretariat propose', () => {
      given([drafted]).when(propose, { actor: rosa }).thenThrows(Forbidden, 'POLICE_PARTY_OR_SECRETARIAT_ONLY');
      given([...inForceV1, amended(2, { title: 'Ny' })]).when({ ...propose, version: 2 }, { actor: udi }).thenThrows(Forbidden, 'POLICE_PARTY_OR_SECRETARIAT_ONLY');
    });
  });

  describe('signing', () => {
    const signAs = (actor: Actor, version = 1) => ({ type: 'SignAgreement', agreementId, version, representative: representativeOf(actor) }) as const;

    it('records the signature of a party by its registered representative', () => {
      given([drafted, proposed(1)]).when(signAs(rosa), { actor: rosa }).then([signed(1, rosa)]);
      given([drafted, proposed(1)]).when(signAs(police), { actor: police }).then([signed(1, police)]);
    });

    it('refuses to sign a version that is not the proposed one', () => {
      given([drafted]).when(signAs(rosa), { actor: rosa }).thenThrows(InvalidState, 'VERSION_NOT_PROPOSED');
      given([drafted, proposed(1), amended(2, { title: 'Ny' })]).when(signAs(rosa), { actor: rosa }).thenThrows(InvalidState, 'VERSION_NOT_PROPOSED');
      given([drafted, proposed(1), amended(2, { title: 'Ny' })]).when(signAs(rosa, 2), { actor: rosa }).thenThrows(InvalidState, 'VERSION_NOT_PROPOSED');
    });

    it('refuses a non-party, and anyone who is not a representative', () => {
      const renewing = [...inForceV1, renewed(2, '2030-04-01'), proposed(2)];
      given(renewing).when(signAs(noas, 2), { actor: noas }).thenThrows(Forbidden, 'NOT_A_PARTY');
      given(renewing).when(signAs(udi, 2), { actor: udi }).thenThrows(Forbidden, 'NOT_A_PARTY');
      given([drafted, proposed(1)]).when(signAs(secretariat), { actor: secretariat }).thenThrows(Forbidden, 'REPRESENTATIVE_ONLY');
      given([drafted, proposed(1)]).when(signAs(rosa), { actor: { ...auditor, organizationId: 'org-rosa' } }).thenThrows(Forbidden, 'REPRESENTATIVE_ONLY');
    });

    it('refuses an identity linked to no registered representative of its organisation, and records nothing', () => {
      given([drafted, proposed(1)]).when({ ...signAs(rosa), representative: null }, { actor: rosa }).thenThrows(Forbidden, 'NOT_A_REPRESENTATIVE');
      given([drafted, proposed(1)]).when(signAs(pro), { actor: rosa }).thenThrows(Forbidden, 'NOT_A_REPRESENTATIVE');
    });

    it('records no representative for history from before the register linked identities', () =>
      given([drafted, proposed(1)])
        .when({ ...signAs(rosa), representative: 'PREDATES_REGISTER' }, { actor: rosa })
        .then([{ type: 'AgreementSigned', data: { agreementId, version: 1, organizationId: 'org-rosa', signedBy: 'u-rosa', signedAt: NOW } }]));

    it('refuses to sign twice for the same party', () =>
      given([drafted, proposed(1), signed(1, rosa)]).when(signAs({ ...rosa, userId: 'u-rosa-2' }), { actor: { ...rosa, userId: 'u-rosa-2' } }).thenThrows(InvalidState, 'ALREADY_SIGNED'));
  });

  describe('an agreement the actor may not read', () => {
    // A draft or a version still collecting signatures is the parties' and the secretariat's only.
    const hidden = [drafted, proposed(1)];
    const commands: AgreementCommand[] = [
      { type: 'AmendAgreement', agreementId, title: 'Ny' },
      { type: 'ProposeAgreementForSignature', agreementId, version: 1 },
      { type: 'SignAgreement', agreementId, version: 1, representative: null },
      { type: 'RenewAgreement', agreementId, expiresOn: '2030-04-01' },
      { type: 'TerminateAgreement', agreementId, reason: 'Uenighet', effectiveOn: '2026-06-01' },
    ];

    it.each(commands.map((c) => [c.type, c] as const))('%s is answered as for an agreement that does not exist', (_type, command) => {
      for (const outsider of [noas, udi]) {
        given(hidden).when(command, { actor: outsider }).thenThrows(NotFound, 'AGREEMENT_NOT_FOUND');
        given([]).when(command, { actor: outsider }).thenThrows(NotFound, 'AGREEMENT_NOT_FOUND');
      }
    });
  });

  describe('renewing', () => {
    const renew = { type: 'RenewAgreement', agreementId, expiresOn: '2030-04-01' } as const;

    it('makes a new version with the later expiry, proposed for every signature again', () =>
      given(inForceV1).when(renew, { actor: police }).then([renewed(2, '2030-04-01'), proposed(2)]));

    it('refuses to renew before anything is signed, or while a newer version is unsigned', () => {
      given([drafted, proposed(1)]).when(renew).thenThrows(InvalidState, 'NOT_YET_SIGNED');
      given([...inForceV1, amended(2, { title: 'Ny' })]).when(renew).thenThrows(InvalidState, 'CURRENT_VERSION_NOT_SIGNED');
    });

    it('refuses an expiry that does not extend the agreement', () => {
      given(inForceV1).when({ ...renew, expiresOn: '2028-04-01' }).thenThrows(InvalidInput, 'RENEWAL_MUST_EXTEND');
      given(inForceV1).when({ ...renew, expiresOn: '2026-03-01' }).thenThrows(InvalidInput, 'EXPIRY_NOT_AFTER_EFFECTIVE_DATE');
      given(inForceV1).when({ ...renew, expiresOn: '2030-02-30' }).thenThrows(InvalidInput, 'INVALID_DATE');
    });

    it('refuses to renew an agreement without an expiry date', () =>
      given([...inForceV1, amended(2, { expiresOn: null }), proposed(2), ...allSigned(2)]).when(renew).thenThrows(InvalidState, 'NO_EXPIRY_DATE'));

    it('lets only the police party or the secretariat renew', () => given(inForceV1).when(renew, { actor: rosa }).thenThrows(Forbidden, 'POLICE_PARTY_OR_SECRETARIAT_ONLY'));
  });

  describe('terminating', () => {
    const terminate = { type: 'TerminateAgreement', agreementId, reason: ' Tilbudet   legges ned ', effectiveOn: '2026-06-01' } as const;

    it('records notice by any party, with reason and effective date', () =>
      given(inForceV1).when(terminate, { actor: rosa }).then([terminated('2026-06-01')]));

    it('lets the police party terminate, also a draft', () => {
      given([drafted]).when(terminate, { actor: police }).events();
    });

    it('refuses a non-party and the secretariat', () => {
      given(inForceV1).when(terminate, { actor: noas }).thenThrows(Forbidden, 'NOT_A_PARTY');
      given(inForceV1).when(terminate, { actor: secretariat }).thenThrows(Forbidden, 'REPRESENTATIVE_ONLY');
    });

    it('needs a reason and an effective date from today on', () => {
      given(inForceV1).when({ ...terminate, reason: ' ' }, { actor: rosa }).thenThrows(InvalidInput, 'REASON_REQUIRED');
      given(inForceV1).when({ ...terminate, effectiveOn: '2026-03-01' }, { actor: rosa }).thenThrows(InvalidInput, 'TERMINATION_DATE_IN_PAST');
      given(inForceV1).when({ ...terminate, effectiveOn: '2026-03-02' }, { actor: rosa }).events();
    });

    it('tells a non-party NOT_A_PARTY before anything about the state, also of a terminated agreement', () => {
      const ended = [...inForceV1, terminated('2026-06-01')];
      given(ended).when(terminate, { actor: noas }).thenThrows(Forbidden, 'NOT_A_PARTY');
      given(ended).when({ type: 'SignAgreement', agreementId, version: 1, representative: representativeOf(noas) }, { actor: noas }).thenThrows(Forbidden, 'NOT_A_PARTY');
      given(ended).when({ type: 'AmendAgreement', agreementId, title: 'Ny' }, { actor: udi }).thenThrows(Forbidden, 'POLICE_PARTY_OR_SECRETARIAT_ONLY');
      given(ended).when({ type: 'RenewAgreement', agreementId, expiresOn: '2031-01-01' }, { actor: rosa }).thenThrows(Forbidden, 'POLICE_PARTY_OR_SECRETARIAT_ONLY');
    });

    it('lets nothing change a terminated agreement', () => {
      const ended = [...inForceV1, terminated('2026-06-01')];
      given(ended).when({ type: 'AmendAgreement', agreementId, title: 'Ny' }).thenThrows(InvalidState, 'AGREEMENT_TERMINATED');
      given(ended).when({ type: 'ProposeAgreementForSignature', agreementId, version: 1 }).thenThrows(InvalidState, 'AGREEMENT_TERMINATED');
      given(ended).when({ type: 'SignAgreement', agreementId, version: 1, representative: representativeOf(rosa) }, { actor: rosa }).thenThrows(InvalidState, 'AGREEMENT_TERMINATED');
      given(ended).when({ type: 'RenewAgreement', agreementId, expiresOn: '2031-01-01' }).thenThrows(InvalidState, 'AGREEMENT_TERMINATED');
      given(ended).when(terminate, { actor: pro }).thenThrows(InvalidState, 'AGREEMENT_TERMINATED');
    });
  });
});

describe('agreement status over time (fixed clock)', () => {
  it('is DRAFT, then AWAITING_SIGNATURES, while signatures are missing', () => {
    expect(statusAt(agreementAfter([drafted]), SPEC_NOW)).toBe('DRAFT');
    expect(statusAt(agreementAfter([drafted, proposed(1), signed(1, police), signed(1, rosa)]), SPEC_NOW)).toBe('AWAITING_SIGNATURES');
  });

  it('is PENDING when signed by all before the effective date, IN_FORCE from it, EXPIRED from the expiry date', () => {
    const agreement = agreementAfter(inForceV1);
    expect(statusAt(agreement, SPEC_NOW)).toBe('PENDING');
    expect(versionInForceAt(agreement, SPEC_NOW)).toBeUndefined();
    expect(statusAt(agreement, new Date('2026-03-31T21:59:59Z'))).toBe('PENDING'); // 23:59:59 in Oslo
    expect(statusAt(agreement, new Date('2026-03-31T22:00:00Z'))).toBe('IN_FORCE'); // midnight in Oslo (summer time)
    expect(versionInForceAt(agreement, at('2027-01-01'))?.number).toBe(1);
    expect(statusAt(agreement, at('2028-03-31'))).toBe('IN_FORCE');
    expect(statusAt(agreement, at('2028-04-01'))).toBe('EXPIRED');
    expect(versionInForceAt(agreement, at('2028-04-01'))).toBeUndefined();
  });

  it('keeps the signed version in force while an amendment collects signatures', () => {
    const events = [...inForceV1, amended(2, { title: 'Revidert avtale' }), proposed(2), signed(2, police)];
    const agreement = agreementAfter(events);
    expect(statusAt(agreement, at('2026-05-01'))).toBe('IN_FORCE');
    expect(versionInForceAt(agreement, at('2026-05-01'))?.number).toBe(1);
    const done = agreementAfter([...events, signed(2, rosa), signed(2, pro)]);
    expect(versionInForceAt(done, at('2026-05-01'))?.number).toBe(2);
  });

  it('keeps the old version in force until the new one is effective', () => {
    const agreement = agreementAfter([...inForceV1, amended(2, { effectiveFrom: '2027-01-01' }), proposed(2), ...allSigned(2)]);
    expect(versionInForceAt(agreement, at('2026-12-31'))?.number).toBe(1);
    expect(versionInForceAt(agreement, at('2027-01-01'))?.number).toBe(2);
  });

  it('is PENDING, not EXPIRED, when a newer signed version waits for its effective date', () => {
    const agreement = agreementAfter([...inForceV1, amended(2, { effectiveFrom: '2028-06-01', expiresOn: null }), proposed(2), ...allSigned(2)]);
    expect(statusAt(agreement, at('2028-05-01'))).toBe('PENDING');
    expect(statusAt(agreement, at('2028-06-01'))).toBe('IN_FORCE');
  });

  it('expires unless a renewal is signed by all in time', () => {
    const renewing = [...inForceV1, renewed(2, '2030-04-01'), proposed(2), signed(2, police)];
    expect(statusAt(agreementAfter(renewing), at('2028-04-01'))).toBe('EXPIRED');
    expect(expiresOnAt(agreementAfter(renewing), at('2027-01-01'))).toBe('2028-04-01');
    const agreement = agreementAfter([...renewing, signed(2, rosa), signed(2, pro)]);
    expect(statusAt(agreement, at('2028-04-01'))).toBe('IN_FORCE');
    expect(versionInForceAt(agreement, at('2029-01-01'))?.expiresOn).toBe('2030-04-01');
    expect(versionInForceAt(agreement, at('2029-01-01'))?.clauses).toEqual(clauses);
    expect(statusAt(agreement, at('2030-04-01'))).toBe('EXPIRED');
  });

  it('is TERMINATED from the termination date on, in force until then', () => {
    const agreement = agreementAfter([...inForceV1, terminated('2026-06-01')]);
    expect(statusAt(agreement, at('2026-05-31'))).toBe('IN_FORCE');
    expect(statusAt(agreement, at('2026-06-01'))).toBe('TERMINATED');
    expect(versionInForceAt(agreement, at('2026-06-01'))).toBeUndefined();
    expect(statusAt(agreementAfter([drafted, terminated('2026-03-02')]), SPEC_NOW)).toBe('TERMINATED');
  });
});
