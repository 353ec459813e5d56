import { sleep } from '../support/helpers';
import { recordProjectGroupDecision } from '../support/record-decision';
import { TestApp } from '../support/test-app';

// Cooperation agreements (measure 34) over GraphQL, on the real clock: the agreement takes effect
// today (in Oslo), so it comes into force as soon as the last party signs. The time-dependent
// statuses on other days (PENDING, EXPIRED, midnight) are covered with a fixed clock in the decider
// specs; here a second and third agreement dated tomorrow and in the past show them through the API.

const osloDate = (offsetDays = 0) => {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo', year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(
    new Date(Date.now() + offsetDays * 86_400_000),
  );
  const get = (type: string) => parts.find((p) => p.type === type)!.value;
  return `${get('year')}-${get('month')}-${get('day')}`;
};

const AGREEMENT_FIELDS = `
  id title status statusAt revision expiresOn citedDecisionIds
  nb: statusLabel en: statusLabel(lang: EN)
  parties { organizationId name kind role }
  versions { number title effectiveFrom expiresOn proposedAt fullySignedAt missingSignatures
    clauses { section nb en sectionLabel(lang: EN) } }
  signatures { version organizationId organizationName signedBy signedAt }
  currentVersion { number }
  versionInForce { number expiresOn }
  termination { organizationId terminatedBy reason effectiveOn noticeGivenAt }`;

const DRAFT = `mutation($input: DraftAgreementInput!) { draftAgreement(input: $input) { ${AGREEMENT_FIELDS} } }`;
const AMEND = `mutation($input: AmendAgreementInput!) { amendAgreement(input: $input) { ${AGREEMENT_FIELDS} } }`;
const PROPOSE = `mutation($input: ProposeAgreementForSignatureInput!) { proposeAgreementForSignature(input: $input) { ${AGREEMENT_FIELDS} } }`;
const SIGN = `mutation($input: SignAgreementInput!) { signAgreement(input: $input) { ${AGREEMENT_FIELDS} } }`;
const RENEW = `mutation($input: RenewAgreementInput!) { renewAgreement(input: $input) { ${AGREEMENT_FIELDS} } }`;
const TERMINATE = `mutation($input: TerminateAgreementInput!) { terminateAgreement(input: $input) { ${AGREEMENT_FIELDS} } }`;
const AGREEMENT = `query($id: ID!, $asOf: String) { agreement(id: $id, asOf: $asOf) { ${AGREEMENT_FIELDS} } }`;
const AGREEMENTS = `query($filter: AgreementsFilter, $first: Int, $after: String) {
  agreements(filter: $filter, first: $first, after: $after) { edges { node { id status } cursor } pageInfo { hasNextPage endCursor } } }`;
const DIFF = `query($id: ID!, $from: Int!, $to: Int!) { agreementVersionDiff(id: $id, fromVersion: $from, toVersion: $to) {
  fromVersion toVersion effectiveFrom { from to } expiresOn { from to }
  clauses { section change nb { from to } en { from to } }
  parties { organizationId change role { from to } }
  citedDecisions { added removed } } }`;

const clauses = [
  { section: 'ROLES_AND_RESPONSIBILITIES', nb: 'Politiet identifiserer mulige ofre; organisasjonene gir bistand.', en: 'The police identify possible victims; the NGOs assist.' },
  { section: 'CONTACT_POINTS', nb: 'Hver part utpeker en fast kontaktperson.' },
  { section: 'INFORMATION_SHARING_AND_CONFIDENTIALITY', nb: 'Opplysninger deles bare med samtykke eller hjemmel; taushetsplikten gjelder.' },
  { section: 'VICTIM_ROUTE', nb: 'Fra identifisering til trygt bosted samme døgn.' },
  { section: 'TERM_AND_REVIEW', nb: 'Avtalen evalueres årlig.', en: 'Reviewed every year.' },
];

describe('cooperation agreements over GraphQL (measure 34)', () => {
  let t: TestApp;
  let secretariat: string;
  let police: string;
  let rosa: string;
  let pro: string;
  let outsider: string;
  let agency: string;
  let auditor: string;
  let policeId: string;
  let decisionId: string;
  let rosaId: string;
  let proId: string;

  const ok = async (query: string, variables: Record<string, unknown>, token: string) => {
    const response = await t.gql(query, variables, { token });
    expect(response.errors).toBeUndefined();
    return Object.values(response.data ?? {})[0] as any;
  };
  const refusal = async (query: string, variables: Record<string, unknown>, token: string) => {
    const response = await t.gql(query, variables, { token });
    expect(response.errors).toHaveLength(1);
    return response.errors![0].extensions;
  };
  const register = async (name: string, kind: string) =>
    (await ok('mutation($input: RegisterOrganizationInput!) { registerOrganization(input: $input) { id } }', { input: { name, kind } }, secretariat)).id as string;

  beforeAll(async () => {
    t = await TestApp.start();
    secretariat = await t.token('SECRETARIAT', 'org-pod', 'sara');
    policeId = await register('Nordre Sør-Øst politidistrikt', 'POLICE');
    rosaId = await register('ROSA – Reetablering, Oppholdssteder, Støtte og Arbeid', 'NGO');
    proId = await register('Pro Sentret Bergen', 'NGO');
    // Signing needs a registered representative linked to the signer's identity.
    police = (await t.representative('AGENCY_MEMBER', policeId, 'pia')).token;
    rosa = (await t.representative('NGO_REPRESENTATIVE', rosaId, 'rita')).token;
    pro = (await t.representative('NGO_REPRESENTATIVE', proId, 'petter')).token;
    outsider = await t.token('NGO_REPRESENTATIVE', 'org-noas', 'nils');
    agency = await t.token('AGENCY_MEMBER', 'org-udi', 'ulla');
    auditor = await t.token('AUDITOR', 'org-riksrevisjonen', 'aud');
    decisionId = await recordProjectGroupDecision(t);
  });
  afterAll(() => t.stop());

  const draftInput = () => ({
    title: 'Samarbeidsavtale om ofre for menneskehandel i Sør-Øst',
    purpose: 'Tydelige roller og forutsigbart samarbeid mellom politiet og organisasjonene (tiltak 34).',
    parties: [
      { organizationId: policeId, role: 'Identifiserer, etterforsker og henviser' },
      { organizationId: rosaId, role: 'Trygt bosted og bistand til kvinner' },
      { organizationId: proId, role: 'Oppsøkende arbeid og helsetilbud' },
    ],
    clauses,
    effectiveFrom: osloDate(),
    expiresOn: osloDate(2 * 365),
    citedDecisionIds: [decisionId],
  });

  it('drafts, amends, signs, comes into force, amends again, renews and terminates, answering asOf in between', async () => {
    const before = new Date().toISOString();
    await sleep(5);

    // Draft (version 1) by the police party.
    const drafted = await ok(DRAFT, { input: draftInput() }, police);
    const id = drafted.id as string;
    expect(drafted).toMatchObject({ status: 'DRAFT', nb: 'Utkast', en: 'Draft', revision: 0, currentVersion: { number: 1 }, versionInForce: null });
    expect(drafted.parties.map((p: any) => p.kind)).toEqual(['POLICE', 'NGO', 'NGO']);
    expect(drafted.versions[0].clauses[2]).toMatchObject({ section: 'INFORMATION_SHARING_AND_CONFIDENTIALITY', en: null, sectionLabel: 'Information sharing and duty of confidentiality' });
    await sleep(5);
    const atDraft = new Date().toISOString();
    await sleep(5);

    // A draft is for the parties and the secretariat (and auditors), nobody else.
    expect((await ok(AGREEMENT, { id }, outsider))).toBeNull();
    expect((await ok(AGREEMENT, { id }, agency))).toBeNull();
    expect((await ok(AGREEMENTS, {}, outsider)).edges.map((e: any) => e.node.id)).not.toContain(id);
    expect(await refusal(DIFF, { id, from: 1, to: 1 }, outsider)).toMatchObject({ code: 'NOT_FOUND', reason: 'AGREEMENT_NOT_FOUND' });
    expect((await ok(AGREEMENT, { id }, pro)).status).toBe('DRAFT');
    expect((await ok(AGREEMENT, { id }, auditor)).status).toBe('DRAFT');

    // Amend (version 2) by the secretariat, with optimistic concurrency.
    const amended = await ok(
      AMEND,
      { input: { agreementId: id, expectedRevision: 0, clauses: clauses.map((c) => (c.section === 'VICTIM_ROUTE' ? { ...c, nb: 'Fra identifisering til trygt bosted innen seks timer.', en: 'Within six hours.' } : c)) } },
      secretariat,
    );
    expect(amended).toMatchObject({ revision: 1, currentVersion: { number: 2 }, status: 'DRAFT' });
    expect(await refusal(AMEND, { input: { agreementId: id, expectedRevision: 0, title: 'Ny tittel' } }, secretariat)).toMatchObject({
      code: 'CONFLICT',
      reason: 'CONCURRENT_MODIFICATION',
      expectedRevision: '0',
      actualRevision: '1',
    });
    const diff = await ok(DIFF, { id, from: 1, to: 2 }, rosa);
    expect(diff.clauses).toEqual([
      {
        section: 'VICTIM_ROUTE',
        change: 'CHANGED',
        nb: { from: 'Fra identifisering til trygt bosted samme døgn.', to: 'Fra identifisering til trygt bosted innen seks timer.' },
        en: { from: null, to: 'Within six hours.' },
      },
    ]);
    expect(diff).toMatchObject({ parties: [], effectiveFrom: null, expiresOn: null, citedDecisions: { added: [], removed: [] } });

    // Only the police party or the secretariat drafts, amends and proposes.
    expect(await refusal(AMEND, { input: { agreementId: id, title: 'ROSA sin tittel' } }, rosa)).toMatchObject({ code: 'FORBIDDEN', reason: 'POLICE_PARTY_OR_SECRETARIAT_ONLY' });
    // To a non-party a draft does not exist: every mutation answers as for an unknown id.
    const unknownId = '6f1c0d2e-0000-4000-8000-000000000000';
    for (const [mutation, input] of [
      [PROPOSE, { version: 2 }],
      [AMEND, { title: 'Ny tittel' }],
      [SIGN, { version: 2 }],
      [TERMINATE, { reason: 'Uenighet', effectiveOn: osloDate() }],
      [AMEND, { title: 'Ny tittel', expectedRevision: 0 }],
    ] as const) {
      const hidden = await t.gql(mutation, { input: { agreementId: id, ...input } }, { token: agency });
      const unknown = await t.gql(mutation, { input: { agreementId: unknownId, ...input } }, { token: agency });
      const answer = (r: typeof hidden, asked: string) =>
        r.errors?.map((e) => ({ message: e.message.replaceAll(asked, '<id>'), code: e.extensions?.code, reason: e.extensions?.reason, data: r.data }));
      expect(answer(hidden, id)).toEqual([{ message: 'agreement <id> not found', code: 'NOT_FOUND', reason: 'AGREEMENT_NOT_FOUND', data: null }]);
      expect(answer(unknown, unknownId)).toEqual(answer(hidden, id));
    }
    expect(await refusal(PROPOSE, { input: { agreementId: id, version: 1 } }, police)).toMatchObject({ code: 'CONFLICT', reason: 'NOT_THE_CURRENT_VERSION' });

    // Propose version 2 and collect every signature.
    const proposed = await ok(PROPOSE, { input: { agreementId: id, version: 2 } }, police);
    expect(proposed).toMatchObject({ status: 'AWAITING_SIGNATURES', en: 'Awaiting signatures' });
    expect(proposed.versions[1].missingSignatures).toEqual([policeId, rosaId, proId]);
    expect(await refusal(SIGN, { input: { agreementId: id, version: 1 } }, rosa)).toMatchObject({ code: 'CONFLICT', reason: 'VERSION_NOT_PROPOSED' });
    expect(await refusal(SIGN, { input: { agreementId: id, version: 2 } }, outsider)).toMatchObject({ code: 'NOT_FOUND', reason: 'AGREEMENT_NOT_FOUND' });
    expect(await refusal(SIGN, { input: { agreementId: id, version: 2 } }, secretariat)).toMatchObject({ code: 'FORBIDDEN', reason: 'REPRESENTATIVE_ONLY' });
    await ok(SIGN, { input: { agreementId: id, version: 2 } }, rosa);
    expect(await refusal(SIGN, { input: { agreementId: id, version: 2 } }, (await t.representative('NGO_REPRESENTATIVE', rosaId, 'rolf')).token)).toMatchObject({
      code: 'CONFLICT',
      reason: 'ALREADY_SIGNED',
    });
    await sleep(5);
    const atAwaiting = new Date().toISOString();
    await sleep(5);
    await ok(SIGN, { input: { agreementId: id, version: 2 } }, police);
    const inForce = await ok(SIGN, { input: { agreementId: id, version: 2 } }, pro);
    expect(inForce).toMatchObject({ status: 'IN_FORCE', nb: 'I kraft', versionInForce: { number: 2 }, currentVersion: { number: 2 } });
    expect(inForce.signatures).toEqual([
      expect.objectContaining({ version: 2, organizationId: rosaId, organizationName: 'ROSA – Reetablering, Oppholdssteder, Støtte og Arbeid', signedBy: 'rita' }),
      expect.objectContaining({ version: 2, organizationId: policeId, organizationName: 'Nordre Sør-Øst politidistrikt', signedBy: 'pia' }),
      expect.objectContaining({ version: 2, organizationId: proId, organizationName: 'Pro Sentret Bergen', signedBy: 'petter' }),
    ]);
    expect(inForce.versions[1].fullySignedAt).toBe(inForce.signatures[2].signedAt);
    await sleep(5);
    const atInForce = new Date().toISOString();
    await sleep(5);

    // Now everyone reads it, but only its signed versions.
    const publicView = await ok(AGREEMENT, { id }, outsider);
    expect(publicView).toMatchObject({ status: 'IN_FORCE', currentVersion: { number: 2 }, versionInForce: { number: 2 } });
    expect(publicView.versions.map((v: any) => v.number)).toEqual([2]);

    // Amend again (version 3): version 2 stays in force while version 3 collects signatures.
    const amendedAgain = await ok(
      AMEND,
      {
        input: {
          agreementId: id,
          parties: [
            { organizationId: policeId, role: 'Identifiserer, etterforsker og henviser' },
            { organizationId: rosaId, role: 'Trygt bosted, bistand og oppfølging' },
            { organizationId: proId, role: 'Oppsøkende arbeid og helsetilbud' },
          ],
        },
      },
      police,
    );
    expect(amendedAgain).toMatchObject({ status: 'IN_FORCE', currentVersion: { number: 3 }, versionInForce: { number: 2 } });
    await ok(PROPOSE, { input: { agreementId: id, version: 3 } }, secretariat);
    const halfSigned = await ok(SIGN, { input: { agreementId: id, version: 3 } }, rosa);
    expect(halfSigned).toMatchObject({ status: 'IN_FORCE', currentVersion: { number: 3 }, versionInForce: { number: 2 } });
    const outsiderMeanwhile = await ok(AGREEMENT, { id }, outsider);
    expect(outsiderMeanwhile.versions.map((v: any) => v.number)).toEqual([2]);
    expect(outsiderMeanwhile.signatures.every((s: any) => s.version === 2)).toBe(true);
    expect((await ok(DIFF, { id, from: 2, to: 3 }, police)).parties).toEqual([
      { organizationId: rosaId, change: 'CHANGED', role: { from: 'Trygt bosted og bistand til kvinner', to: 'Trygt bosted, bistand og oppfølging' } },
    ]);
    expect(await refusal(DIFF, { id, from: 2, to: 3 }, outsider)).toMatchObject({ code: 'NOT_FOUND', reason: 'AGREEMENT_VERSION_NOT_FOUND' });
    await sleep(5);
    const atSecondAmendment = new Date().toISOString();
    await sleep(5);
    await ok(SIGN, { input: { agreementId: id, version: 3 } }, police);
    const v3InForce = await ok(SIGN, { input: { agreementId: id, version: 3 } }, pro);
    expect(v3InForce).toMatchObject({ status: 'IN_FORCE', versionInForce: { number: 3 } });

    // Renew: a new expiry date, as version 4, signed by all again.
    const newExpiry = osloDate(4 * 365);
    const renewing = await ok(RENEW, { input: { agreementId: id, expiresOn: newExpiry } }, police);
    expect(renewing).toMatchObject({ status: 'IN_FORCE', currentVersion: { number: 4 }, versionInForce: { number: 3 }, expiresOn: osloDate(2 * 365) });
    expect(renewing.versions[3]).toMatchObject({ expiresOn: newExpiry, missingSignatures: [policeId, rosaId, proId] });
    expect(renewing.versions[3].proposedAt).not.toBeNull();
    for (const token of [police, rosa, pro]) await ok(SIGN, { input: { agreementId: id, version: 4 } }, token);
    const renewed = await ok(AGREEMENT, { id }, agency);
    expect(renewed).toMatchObject({ status: 'IN_FORCE', versionInForce: { number: 4, expiresOn: newExpiry }, expiresOn: newExpiry });
    expect((await ok(DIFF, { id, from: 3, to: 4 }, agency)).expiresOn).toEqual({ from: osloDate(2 * 365), to: newExpiry });
    await sleep(5);
    const atRenewed = new Date().toISOString();
    await sleep(5);

    // Terminate: any party, with a reason and an effective date; then nothing changes it.
    expect(await refusal(TERMINATE, { input: { agreementId: id, reason: 'Uenighet', effectiveOn: osloDate() } }, outsider)).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_A_PARTY' });
    expect(await refusal(TERMINATE, { input: { agreementId: id, reason: 'For sent', effectiveOn: osloDate(-1) } }, pro)).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'TERMINATION_DATE_IN_PAST' });
    const terminated = await ok(TERMINATE, { input: { agreementId: id, reason: 'Tilbudet legges ned', effectiveOn: osloDate() } }, pro);
    expect(terminated).toMatchObject({
      status: 'TERMINATED',
      en: 'Terminated',
      versionInForce: null,
      termination: { organizationId: proId, terminatedBy: 'petter', reason: 'Tilbudet legges ned', effectiveOn: osloDate() },
    });
    expect(await refusal(AMEND, { input: { agreementId: id, title: 'Gjenopplivet' } }, police)).toMatchObject({ code: 'CONFLICT', reason: 'AGREEMENT_TERMINATED' });
    // A non-party learns that it is not a party, not what state the agreement is in.
    expect(await refusal(TERMINATE, { input: { agreementId: id, reason: 'Igjen', effectiveOn: osloDate() } }, outsider)).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_A_PARTY' });
    expect(await refusal(SIGN, { input: { agreementId: id, version: 4 } }, outsider)).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_A_PARTY' });
    expect(await refusal(RENEW, { input: { agreementId: id, expiresOn: osloDate(5 * 365) } }, secretariat)).toMatchObject({ code: 'CONFLICT', reason: 'AGREEMENT_TERMINATED' });
    // A terminated agreement stays on the public record.
    expect((await ok(AGREEMENT, { id }, outsider)).status).toBe('TERMINATED');

    // asOf: the agreement as it stood at each point between.
    expect(await ok(AGREEMENT, { id, asOf: before }, secretariat)).toBeNull();
    expect(await ok(AGREEMENT, { id, asOf: atDraft }, secretariat)).toMatchObject({ status: 'DRAFT', revision: 0, currentVersion: { number: 1 }, statusAt: atDraft });
    expect(await ok(AGREEMENT, { id, asOf: atDraft }, outsider)).toBeNull();
    const awaiting = await ok(AGREEMENT, { id, asOf: atAwaiting }, rosa);
    expect(awaiting).toMatchObject({ status: 'AWAITING_SIGNATURES', currentVersion: { number: 2 }, versionInForce: null });
    expect(awaiting.signatures.map((s: any) => s.organizationId)).toEqual([rosaId]);
    expect(await ok(AGREEMENT, { id, asOf: atInForce }, outsider)).toMatchObject({ status: 'IN_FORCE', versionInForce: { number: 2 } });
    expect(await ok(AGREEMENT, { id, asOf: atSecondAmendment }, police)).toMatchObject({ status: 'IN_FORCE', currentVersion: { number: 3 }, versionInForce: { number: 2 } });
    expect(await ok(AGREEMENT, { id, asOf: atSecondAmendment }, outsider)).toMatchObject({ currentVersion: { number: 2 }, versionInForce: { number: 2 } });
    expect(await ok(AGREEMENT, { id, asOf: atRenewed }, agency)).toMatchObject({ status: 'IN_FORCE', versionInForce: { number: 4 }, termination: null });
    expect(await refusal(AGREEMENT, { id, asOf: 'yesterday' }, secretariat)).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_AS_OF' });

    // Filters: by party, by status, by cited decision, by expiry.
    const ids = async (filter: Record<string, unknown>, token = secretariat) => (await ok(AGREEMENTS, { filter }, token)).edges.map((e: any) => e.node.id);
    expect(await ids({ partyId: rosaId })).toContain(id);
    expect(await ids({ partyId: 'org-nobody' })).not.toContain(id);
    expect(await ids({ status: 'TERMINATED' })).toContain(id);
    expect(await ids({ status: 'IN_FORCE' })).not.toContain(id);
    expect(await ids({ citingDecisionId: decisionId })).toContain(id);
    expect(await ids({ citingDecisionId: 'decision-other' })).not.toContain(id);
    expect(await ids({ expiringBefore: osloDate(5 * 365) })).toContain(id);
    expect(await ids({ expiringBefore: osloDate(3 * 365) })).not.toContain(id);
  });

  it('shows PENDING before the effective date and EXPIRED after the expiry date, computed when read', async () => {
    const sign = async (agreementId: string) => {
      await ok(PROPOSE, { input: { agreementId, version: 1 } }, police);
      for (const token of [police, rosa, pro]) await ok(SIGN, { input: { agreementId, version: 1 } }, token);
      return ok(AGREEMENT, { id: agreementId }, outsider);
    };
    const tomorrow = await ok(DRAFT, { input: { ...draftInput(), effectiveFrom: osloDate(1) } }, secretariat);
    expect(await sign(tomorrow.id)).toMatchObject({ status: 'PENDING', en: 'Signed, not yet in force', versionInForce: null });
    const past = await ok(DRAFT, { input: { ...draftInput(), effectiveFrom: '2020-01-01', expiresOn: '2021-01-01' } }, secretariat);
    expect(await sign(past.id)).toMatchObject({ status: 'EXPIRED', versionInForce: null, expiresOn: '2021-01-01' });
    expect((await ok(AGREEMENTS, { filter: { status: 'PENDING' } }, outsider)).edges.map((e: any) => e.node.id)).toEqual([tomorrow.id]);
    expect(await refusal(RENEW, { input: { agreementId: past.id, expiresOn: '2020-12-31' } }, police)).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'RENEWAL_MUST_EXTEND' });
  });

  it('refuses party lists without the police or with only the police, and an expiry before the effective date', async () => {
    const input = draftInput();
    expect(await refusal(DRAFT, { input: { ...input, parties: input.parties.slice(1) } }, secretariat)).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'POLICE_PARTY_REQUIRED' });
    expect(await refusal(DRAFT, { input: { ...input, citedDecisionIds: ['no-such-decision'] } }, secretariat)).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'CITED_DECISION_NOT_FOUND' });
    expect(await refusal(DRAFT, { input: { ...input, parties: input.parties.slice(0, 1) } }, secretariat)).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'PARTNER_REQUIRED' });
    expect(await refusal(DRAFT, { input: { ...input, expiresOn: osloDate(-1) } }, secretariat)).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'EXPIRY_NOT_AFTER_EFFECTIVE_DATE' });
    expect(await refusal(DRAFT, { input: { ...input, parties: [...input.parties, { organizationId: 'org-unregistered', role: 'x' }] } }, secretariat)).toMatchObject({
      code: 'NOT_FOUND',
      reason: 'ORGANIZATION_NOT_FOUND',
    });
    expect(await refusal(DRAFT, { input }, rosa)).toMatchObject({ code: 'FORBIDDEN', reason: 'POLICE_PARTY_OR_SECRETARIAT_ONLY' });
    expect(await refusal(DRAFT, { input }, auditor)).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('pages agreements as a Relay connection', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page: any = await ok(AGREEMENTS, { first: 1, after }, secretariat);
      seen.push(...page.edges.map((e: any) => e.node.id));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(seen.length).toBeGreaterThanOrEqual(3);
    expect(new Set(seen).size).toBe(seen.length);
    expect(await refusal(AGREEMENTS, { first: 101 }, secretariat)).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'PAGE_SIZE_OUT_OF_RANGE' });
  });
});
