import { EVENT_STORE, type EventStore } from '@kom/event-store';
import { READ_MODELS } from '@kom/platform';
import type { ReadModelDatabase } from '@kom/projections';
import { TestApp } from '../support/test-app';

// People are registered representatives: the secretariat links a sign-in identity (the token's
// subject) to a representative of its organisation; a signature records that representative and is
// refused from an identity linked to none. Names come from the register, so erasure reaches them.

const ADD = `mutation($input: AddRepresentativeInput!) { addRepresentative(input: $input) { id } }`;
const LINK = `mutation($input: LinkRepresentativeIdentityInput!) { linkRepresentativeIdentity(input: $input) { id identities { subject } } }`;
const UNLINK = `mutation($input: RepresentativeIdentityInput!) { unlinkRepresentativeIdentity(input: $input) { id identities { subject } } }`;
const IDENTITIES = `query($id: ID!) { representative(id: $id) { id identities { subject } } }`;
const ME = `{ me { userId representative { id name } } }`;
const DRAFT = `mutation($input: DraftAgreementInput!) { draftAgreement(input: $input) { id } }`;
const PROPOSE = `mutation($input: ProposeAgreementForSignatureInput!) { proposeAgreementForSignature(input: $input) { id } }`;
const SIGN = `mutation($input: SignAgreementInput!) { signAgreement(input: $input) { id } }`;
const SIGNATURES = `query($id: ID!) { agreement(id: $id) { signatures { organizationId signedBy representativeId representative { id name erased } } } }`;
const FORGET = `mutation($input: PersonDataInput!) { forgetPerson(input: $input) { id erased } }`;

const clauses = [
  { section: 'ROLES_AND_RESPONSIBILITIES', nb: 'Roller.' },
  { section: 'CONTACT_POINTS', nb: 'Kontakter.' },
  { section: 'INFORMATION_SHARING_AND_CONFIDENTIALITY', nb: 'Taushetsplikt.' },
  { section: 'VICTIM_ROUTE', nb: 'Rute.' },
  { section: 'TERM_AND_REVIEW', nb: 'Evaluering.' },
];

describe('sign-in identities linked to registered representatives', () => {
  let t: TestApp;
  let secretariat: string;
  let rosa: string;
  let agency: string;
  let rita: string;
  let agreementId: string;

  const store = () => t.app.get<EventStore>(EVENT_STORE);
  const eventCount = async () => (await store().readAll()).length;
  const ok = async (query: string, variables: Record<string, unknown>, token: string) => t.data(query, variables, token);
  const refusal = async (query: string, variables: Record<string, unknown>, token: string) => {
    const response = await t.gql(query, variables, { token });
    expect(response.errors).toHaveLength(1);
    return response.errors![0].extensions;
  };
  const add = async (organizationId: string, name: string) =>
    (await ok(ADD, { input: { organizationId, name, email: `${name.split(' ')[0]!.toLowerCase()}@example.org` } }, secretariat)).addRepresentative.id as string;

  beforeAll(async () => {
    t = await TestApp.start();
    secretariat = await t.token('SECRETARIAT', 'org-pod', 'sara');
    rosa = await t.token('NGO_REPRESENTATIVE', 'org-rosa', 'rosa-unlinked');
    agency = await t.token('AGENCY_MEMBER', 'org-udi', 'ulla');
    rita = await t.token('NGO_REPRESENTATIVE', 'org-rosa', 'rita');
    const drafted = await ok(
      DRAFT,
      { input: { title: 'Avtale', purpose: 'Samarbeid.', clauses, effectiveFrom: '2026-09-01', parties: [{ organizationId: 'org-pod', role: 'Fagansvar' }, { organizationId: 'org-rosa', role: 'Bistand' }] } },
      secretariat,
    );
    agreementId = drafted.draftAgreement.id;
    await ok(PROPOSE, { input: { agreementId, version: 1 } }, secretariat);
  });
  afterAll(() => t.stop());

  it('refuses a signature from an identity linked to no representative, and records nothing', async () => {
    const before = await eventCount();
    expect(await refusal(SIGN, { input: { agreementId, version: 1 } }, rosa)).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_A_REPRESENTATIVE' });
    expect(await eventCount()).toBe(before);
    expect((await ok(ME, {}, rosa)).me).toEqual({ userId: 'rosa-unlinked', representative: null });
  });

  it('refuses a link to a representative of another organisation, or by anyone but the secretariat', async () => {
    const noasRep = await add('org-noas', 'Nils Noas');
    const before = await eventCount();
    expect(await refusal(LINK, { input: { representativeId: noasRep, organizationId: 'org-rosa', subject: 'rita' } }, secretariat)).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'REPRESENTATIVE_OF_ANOTHER_ORGANIZATION',
    });
    expect(await refusal(LINK, { input: { representativeId: noasRep, organizationId: 'org-noas', subject: 'rita' } }, rita)).toMatchObject({ code: 'FORBIDDEN' });
    expect(await refusal(LINK, { input: { representativeId: 'nobody', organizationId: 'org-noas', subject: 'rita' } }, secretariat)).toMatchObject({ code: 'NOT_FOUND' });
    expect(await eventCount()).toBe(before);
  });

  it('links one subject to one representative, also when two links race', async () => {
    const first = await add('org-rosa', 'Rita Rosa');
    const second = await add('org-rosa', 'Rut Rosa');
    const results = await Promise.all(
      [first, second].map((representativeId) => t.gql(LINK, { input: { representativeId, organizationId: 'org-rosa', subject: 'rita' } }, { token: secretariat })),
    );
    const won = results.filter((r) => r.errors === undefined);
    const lost = results.filter((r) => r.errors !== undefined);
    expect(won).toHaveLength(1);
    expect(lost[0]!.errors![0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'IDENTITY_LINKED_TO_ANOTHER_REPRESENTATIVE' });
    const winner = won[0]!.data!.linkRepresentativeIdentity.id as string;
    expect(won[0]!.data!.linkRepresentativeIdentity.identities).toEqual([{ subject: 'rita' }]);
    const links = (await store().readAll()).filter((e) => e.type === 'RepresentativeIdentityLinked');
    expect(links).toHaveLength(1);
    expect(JSON.stringify(links[0]!.data)).not.toContain('"rita"');
    // Move Rita to the representative that won, whichever it was (the later tests sign as her).
    if (winner !== first) {
      await ok(UNLINK, { input: { representativeId: winner, subject: 'rita' } }, secretariat);
      await ok(LINK, { input: { representativeId: first, organizationId: 'org-rosa', subject: 'rita' } }, secretariat);
    }
    expect((await ok(ME, {}, rita)).me).toEqual({ userId: 'rita', representative: { id: first, name: 'Rita Rosa' } });
  });

  it('unlinks only what is linked, and refuses a national identity number as a subject', async () => {
    const { me } = await ok(ME, {}, rita);
    const other = await add('org-rosa', 'Ruth Rosa');
    const before = await eventCount();
    expect(await refusal(UNLINK, { input: { representativeId: other, subject: 'rita' } }, secretariat)).toMatchObject({ code: 'CONFLICT', reason: 'IDENTITY_NOT_LINKED' });
    expect(await refusal(LINK, { input: { representativeId: other, organizationId: 'org-rosa', subject: '15076500565' } }, secretariat)).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'PERSONAL_DATA_REFUSED',
    });
    expect(await eventCount()).toBe(before);
    // Unlinked, Rita is nobody's representative; linked again, she is.
    await ok(UNLINK, { input: { representativeId: me.representative.id, subject: 'rita' } }, secretariat);
    expect((await ok(ME, {}, rita)).me.representative).toBeNull();
    await ok(LINK, { input: { representativeId: me.representative.id, organizationId: 'org-rosa', subject: 'rita' } }, secretariat);
    expect((await ok(ME, {}, rita)).me.representative).toMatchObject({ id: me.representative.id });
  });

  it('shows the linked identities to the secretariat only', async () => {
    const { me } = await ok(ME, {}, rita);
    expect((await ok(IDENTITIES, { id: me.representative.id }, secretariat)).representative.identities).toEqual([{ subject: 'rita' }]);
    expect(await refusal(IDENTITIES, { id: me.representative.id }, agency)).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('records the representative on the signature, named by the register', async () => {
    const { me } = await ok(ME, {}, rita);
    await ok(SIGN, { input: { agreementId, version: 1 } }, rita);
    const { agreement } = await ok(SIGNATURES, { id: agreementId }, secretariat);
    expect(agreement.signatures).toEqual([
      { organizationId: 'org-rosa', signedBy: 'rita', representativeId: me.representative.id, representative: { id: me.representative.id, name: 'Rita Rosa', erased: false } },
    ]);
    const signed = (await store().readAll()).find((e) => e.type === 'AgreementSigned' && (e.data as { agreementId: string }).agreementId === agreementId);
    expect(signed?.data).toMatchObject({ representativeId: me.representative.id });
  });

  it('records who submitted an issue: the linked representative, or nobody for an identity linked to none', async () => {
    const { me } = await ok(ME, {}, rita);
    const input = { organizationId: 'org-rosa', title: 'Tolk ved avhør', description: 'Det mangler tolker.', category: 'IDENTIFICATION_AND_ASSISTANCE' };
    const SUBMIT = `mutation($input: SubmitIssueInput!) { submitIssue(input: $input) { id submittedByRepresentativeId submittedBy { id name } } }`;
    expect((await ok(SUBMIT, { input }, rita)).submitIssue).toMatchObject({ submittedByRepresentativeId: me.representative.id, submittedBy: { id: me.representative.id, name: 'Rita Rosa' } });
    // Submitting needs no link: the organisation submits; no representative is recorded then.
    expect((await ok(SUBMIT, { input: { ...input, title: 'Tolk ved avhør 2' } }, rosa)).submitIssue).toMatchObject({ submittedByRepresentativeId: null, submittedBy: null });
    // Another NGO may not see who submitted it.
    const noas = await t.token('NGO_REPRESENTATIVE', 'org-noas', 'nils');
    const ISSUES = `{ issues(first: 50) { edges { node { submittedByRepresentativeId submittedBy { name } } } } }`;
    const seen = (await t.gql(ISSUES, {}, { token: noas })).data?.issues.edges.map((e: { node: unknown }) => e.node) ?? [];
    expect(JSON.stringify(seen)).not.toContain('Rita');
  });

  it('records who proposed an agenda item, named to the secretariat, auditors and the own organisation', async () => {
    const { me } = await ok(ME, {}, rita);
    const startsAt = new Date(Date.now() + 30 * 86_400_000).toISOString();
    const SCHEDULE = 'mutation($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { id } }';
    const meeting = { kind: 'REFERENCE_GROUP', title: 'Referansegruppen', startsAt, endsAt: new Date(Date.parse(startsAt) + 7_200_000).toISOString(), location: 'Oslo' };
    const meetingId = (await ok(SCHEDULE, { input: meeting }, secretariat)).scheduleMeeting.id as string;
    const PROPOSE = `mutation($input: ProposeAgendaItemInput!) { proposeAgendaItem(input: $input) { id representativeId proposedBy { id name } } }`;
    const proposed = (await ok(PROPOSE, { input: { meetingId, title: 'Botilbud for menn' } }, rita)).proposeAgendaItem;
    expect(proposed).toMatchObject({ representativeId: me.representative.id, proposedBy: { id: me.representative.id, name: 'Rita Rosa' } });
    // An identity linked to none proposes for its organisation; nobody is named then.
    expect((await ok(PROPOSE, { input: { meetingId, title: 'Returprogram' } }, rosa)).proposeAgendaItem).toMatchObject({ representativeId: null, proposedBy: null });
    const PROPOSAL = `query($id: ID!) { agendaProposal(id: $id) { proposedBy { name } } }`;
    expect((await ok(PROPOSAL, { id: proposed.id }, secretariat)).agendaProposal.proposedBy).toEqual({ name: 'Rita Rosa' });
    const auditor = await t.token('AUDITOR', 'org-riksrevisjonen', 'aud');
    expect((await ok(PROPOSAL, { id: proposed.id }, auditor)).agendaProposal.proposedBy).toEqual({ name: 'Rita Rosa' });
  });

  it('erases a linked representative: the signature reads as erased, the link is gone, the identity signs no more', async () => {
    const { me } = await ok(ME, {}, rita);
    const representativeId = me.representative.id as string;
    await ok(FORGET, { input: { personId: representativeId, legalBasis: 'GDPR art. 17(1)(a)' } }, secretariat);
    const { agreement } = await ok(SIGNATURES, { id: agreementId }, secretariat);
    expect(agreement.signatures[0].representative).toEqual({ id: representativeId, name: null, erased: true });
    expect((await ok(IDENTITIES, { id: representativeId }, secretariat)).representative.identities).toEqual([]);
    const rows = t.app.get<ReadModelDatabase>(READ_MODELS).db.prepare('SELECT COUNT(*) AS n FROM representative_identities WHERE representative_id = ?').get(representativeId) as { n: number };
    expect(rows.n).toBe(0);
    expect((await ok(ME, {}, rita)).me.representative).toBeNull();
    // A fresh agreement: the erased person's identity is no longer anyone's representative.
    const drafted = await ok(
      DRAFT,
      { input: { title: 'Avtale 2', purpose: 'Samarbeid.', clauses, effectiveFrom: '2026-09-01', parties: [{ organizationId: 'org-pod', role: 'Fagansvar' }, { organizationId: 'org-rosa', role: 'Bistand' }] } },
      secretariat,
    );
    await ok(PROPOSE, { input: { agreementId: drafted.draftAgreement.id, version: 1 } }, secretariat);
    expect(await refusal(SIGN, { input: { agreementId: drafted.draftAgreement.id, version: 1 } }, rita)).toMatchObject({ reason: 'NOT_A_REPRESENTATIVE' });
    // The subject may be linked afresh, to another representative.
    const again = await add('org-rosa', 'Rakel Rosa');
    expect((await ok(LINK, { input: { representativeId: again, organizationId: 'org-rosa', subject: 'rita' } }, secretariat)).linkRepresentativeIdentity.identities).toEqual([{ subject: 'rita' }]);
  });
});

describe('the demo people in embedded mode', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.start({ env: { KOM_DEMO_REPRESENTATIVES: 'true' } });
  });
  afterAll(() => t.stop());

  it('are registered representatives of their organisations, linked to their identities (the auditor is not)', async () => {
    for (const [userId, organizationId, role, name] of [
      ['demo-rosa', 'org-rosa', 'NGO_REPRESENTATIVE', 'Rita Rosa'],
      ['demo-politiet', 'org-politiet', 'AGENCY_MEMBER', 'Per Politi'],
      ['demo-secretariat', 'org-pod', 'SECRETARIAT', 'Siri Sekretariat'],
    ] as const) {
      const token = await t.token(role, organizationId, userId);
      expect((await t.data(ME, {}, token)).me.representative).toMatchObject({ name });
    }
    const auditor = await t.token('AUDITOR', 'org-pod', 'demo-auditor');
    expect((await t.data(ME, {}, auditor)).me.representative).toBeNull();
  });

  it('are not linked again on the next start, nor put back when the secretariat unlinked one', async () => {
    const token = await t.token('NGO_REPRESENTATIVE', 'org-rosa', 'demo-rosa');
    const { me } = await t.data(ME, {}, token);
    const secretariat = await t.token('SECRETARIAT', 'org-pod', 'sara');
    await t.data(UNLINK, { input: { representativeId: me.representative.id, subject: 'demo-rosa' } }, secretariat);
    const count = async () => (await t.app.get<EventStore>(EVENT_STORE).readAll()).length;
    const before = await count();
    const dataDir = t.config.dataDir;
    await t.stop({ keepData: true });
    t = await TestApp.start({ dataDir, env: { KOM_DEMO_REPRESENTATIVES: 'true' } });
    expect(await count()).toBe(before);
    expect((await t.data(ME, {}, await t.token('NGO_REPRESENTATIVE', 'org-rosa', 'demo-rosa'))).me.representative).toBeNull();
  });
});
