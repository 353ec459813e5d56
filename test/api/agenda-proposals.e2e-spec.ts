import { ManualClock } from '@kom/platform';
import { ok, sleep } from '../support/helpers';
import { TestApp, type GraphQLResponse } from '../support/test-app';

/**
 * Members propose agenda items; the secretariat accepts (the item joins the agenda, citing the
 * proposal, in one write) or declines with a reason; the proposer follows the outcome live.
 */
describe('agenda proposals over GraphQL', () => {
  const clock = new ManualClock('2026-03-02T08:00:00.000Z');
  let t: TestApp;
  let udi: string;
  let udiOther: string;
  let rosa: string;
  let noas: string;
  let secretariat: string;
  let auditor: string;

  const refusal = (response: GraphQLResponse<unknown>) => {
    expect(response.errors).toBeDefined();
    return response.errors![0]!.extensions as { code: string; reason?: string; field?: string };
  };

  const schedule = async (kind: 'PROJECT_GROUP' | 'REFERENCE_GROUP', startsAt: string) =>
    ok(
      await t.gql(
        'mutation($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { id } }',
        { input: { kind, title: `KOM ${kind}`, startsAt, endsAt: new Date(Date.parse(startsAt) + 7_200_000).toISOString(), location: 'Oslo' } },
        secretariat,
      ),
    ).scheduleMeeting.id as string;

  const PROPOSE = `mutation($input: ProposeAgendaItemInput!) {
    proposeAgendaItem(input: $input) { id status organizationId title citedMeasures citedIssueIds meeting { id } revision } }`;
  const propose = (input: Record<string, unknown>, token: string) => t.gql(PROPOSE, { input }, token);

  beforeAll(async () => {
    t = await TestApp.start({ clock });
    await t.listen();
    udi = await t.token('AGENCY_MEMBER', 'org-udi', 'udi-anne');
    udiOther = await t.token('AGENCY_MEMBER', 'org-udi', 'udi-bjorn');
    rosa = await t.token('NGO_REPRESENTATIVE', 'org-rosa', 'rosa-kari');
    noas = await t.token('NGO_REPRESENTATIVE', 'org-noas', 'noas-ola');
    secretariat = await t.token('SECRETARIAT', 'org-pod', 'pod-sara');
    auditor = await t.token('AUDITOR', 'org-riksrevisjonen', 'auditor-per');
  });
  afterAll(() => t?.stop());

  it('an agency proposes, the proposer hears the acceptance live, and the item joins the published agenda citing the proposal', async () => {
    const meetingId = await schedule('PROJECT_GROUP', '2026-03-12T09:00:00.000Z');
    ok(await t.gql('mutation($i: AddAgendaItemInput!) { addAgendaItem(input: $i) { id } }', { i: { meetingId, title: 'Status tiltak 6' } }, secretariat));
    ok(await t.gql('mutation($i: PublishAgendaInput!) { publishAgenda(input: $i) { id } }', { i: { meetingId } }, secretariat));

    const issueId = ok(
      await t.gql(
        'mutation($input: SubmitIssueInput!) { submitIssue(input: $input) { id } }',
        { input: { organizationId: 'org-rosa', title: 'Tolk i avhør', description: 'Tolk mangler ofte.', category: 'IDENTIFICATION_AND_ASSISTANCE' } },
        rosa,
      ),
    ).submitIssue.id as string;

    const live = t.subscriber(udi).iterate<{ agendaProposalChanged: { id: string; status: string; agendaItemId: string | null } }>({
      query: `subscription($m: ID) { agendaProposalChanged(meetingId: $m) { id status agendaItemId } }`,
      variables: { m: meetingId },
    });
    await sleep(200);

    const proposal = ok(
      await propose({ meetingId, title: ' Tolk i  avhør ', description: 'Behovet for tolk', citedMeasures: [34, 6], citedIssueIds: [issueId], idempotencyKey: 'udi-proposal-0001' }, udi),
    ).proposeAgendaItem;
    expect(proposal).toMatchObject({ status: 'PROPOSED', organizationId: 'org-udi', title: 'Tolk i avhør', citedMeasures: [6, 34], citedIssueIds: [issueId], meeting: { id: meetingId } });
    // A retry with the same key is the same proposal.
    expect(ok(await propose({ meetingId, title: ' Tolk i  avhør ', description: 'Behovet for tolk', citedMeasures: [34, 6], citedIssueIds: [issueId], idempotencyKey: 'udi-proposal-0001' }, udi)).proposeAgendaItem.id).toBe(proposal.id);

    // Nobody else's business: another organisation sees nothing; the auditor and the secretariat see it.
    const listQuery = '{ agendaProposals(first: 10) { edges { node { id } } } }';
    expect(ok(await t.gql(listQuery, {}, rosa)).agendaProposals.edges).toEqual([]);
    expect(ok(await t.gql(`{ agendaProposal(id: "${proposal.id}") { id } }`, {}, rosa)).agendaProposal).toBeNull();
    expect(ok(await t.gql(listQuery, {}, auditor)).agendaProposals.edges.map((e: any) => e.node.id)).toEqual([proposal.id]);
    expect(ok(await t.gql(listQuery, {}, udiOther)).agendaProposals.edges.map((e: any) => e.node.id)).toEqual([proposal.id]);

    const accepted = ok(
      await t.gql('mutation($i: AcceptAgendaProposalInput!) { acceptAgendaProposal(input: $i) { status agendaItemId statusLabel(lang: EN) } }', { i: { proposalId: proposal.id, position: 0 } }, secretariat),
    ).acceptAgendaProposal;
    expect(accepted).toMatchObject({ status: 'ACCEPTED', statusLabel: 'Placed on the agenda' });

    // The agenda is public; the proposal behind its item stays UDI's (and the secretariat's).
    const agendaAs = async (token: string) =>
      ok(await t.gql(`{ meeting(id: "${meetingId}") { agenda { id title presentingOrganizationId citedMeasures addedByAmendment proposal { id } } } }`, {}, token)).meeting.agenda;
    expect((await agendaAs(rosa))[0]).toEqual({
      id: accepted.agendaItemId,
      title: 'Tolk i avhør',
      presentingOrganizationId: 'org-udi',
      citedMeasures: [6, 34],
      addedByAmendment: true,
      proposal: null,
    });
    expect((await agendaAs(udiOther))[0].proposal).toEqual({ id: proposal.id });

    const pushed: string[] = [];
    for await (const message of live) {
      pushed.push(message.data!.agendaProposalChanged.status);
      if (pushed.includes('ACCEPTED')) break;
    }
    expect(pushed).toEqual(['PROPOSED', 'ACCEPTED']);

    // Accepting twice is refused, and adds nothing to the agenda.
    expect(refusal(await t.gql('mutation($i: AcceptAgendaProposalInput!) { acceptAgendaProposal(input: $i) { id } }', { i: { proposalId: proposal.id } }, secretariat))).toMatchObject({
      code: 'CONFLICT',
      reason: 'PROPOSAL_ALREADY_DECIDED',
    });
    expect(ok(await t.gql(`{ meeting(id: "${meetingId}") { agenda { id } } }`, {}, secretariat)).meeting.agenda).toHaveLength(2);
  });

  it('two secretaries accepting the same proposal at once put it on the agenda once', async () => {
    const meetingId = await schedule('PROJECT_GROUP', '2026-03-19T09:00:00.000Z');
    const { id } = ok(await propose({ meetingId, title: 'Rapportering 2026' }, udi)).proposeAgendaItem;
    const second = await t.token('SECRETARIAT', 'org-pod', 'pod-tor');
    const accept = (token: string) => t.gql('mutation($i: AcceptAgendaProposalInput!) { acceptAgendaProposal(input: $i) { status } }', { i: { proposalId: id } }, token);
    const answers = await Promise.all([accept(secretariat), accept(second)]);
    expect(answers.filter((a) => !a.errors)).toHaveLength(1);
    expect(refusal(answers.find((a) => a.errors)!)).toMatchObject({ reason: 'PROPOSAL_ALREADY_DECIDED' });
    expect(ok(await t.gql(`{ meeting(id: "${meetingId}") { agenda { title } } }`, {}, secretariat)).meeting.agenda).toEqual([{ title: 'Rapportering 2026' }]);
  });

  it('declines with a reason the proposer reads; withdraws only its own; refuses what the rules refuse', async () => {
    const rg = await schedule('REFERENCE_GROUP', '2026-03-20T09:00:00.000Z');
    const pg = await schedule('PROJECT_GROUP', '2026-03-26T09:00:00.000Z');

    // An NGO proposes for the reference group, not for the project group it does not belong to.
    expect(refusal(await propose({ meetingId: pg, title: 'Ikke vårt organ' }, rosa))).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_A_MEMBER_OF_BODY' });
    const first = ok(await propose({ meetingId: rg, title: 'Botilbud for menn' }, rosa)).proposeAgendaItem;
    const second = ok(await propose({ meetingId: rg, title: 'Returprogram' }, rosa)).proposeAgendaItem;

    // Bad input: typed, at its field, nothing recorded.
    expect(refusal(await propose({ meetingId: rg, title: '  ' }, rosa))).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'TITLE_REQUIRED' });
    expect(refusal(await propose({ meetingId: rg, title: 'X', citedMeasures: [36] }, rosa))).toMatchObject({ reason: 'UNKNOWN_MEASURE' });
    expect(refusal(await propose({ meetingId: rg, title: 'X', citedIssueIds: ['no-such-issue'] }, rosa))).toMatchObject({ reason: 'ISSUE_NOT_FOUND' });
    expect(refusal(await propose({ meetingId: 'no-such-meeting', title: 'X' }, rosa))).toMatchObject({ code: 'NOT_FOUND' });
    expect(refusal(await propose({ meetingId: rg, title: 'X' }, secretariat))).toMatchObject({ code: 'FORBIDDEN' });
    expect(refusal(await propose({ meetingId: rg, title: 'X' }, auditor))).toMatchObject({ code: 'FORBIDDEN' });

    const DECLINE = 'mutation($i: DeclineAgendaProposalInput!) { declineAgendaProposal(input: $i) { status reason revision } }';
    expect(refusal(await t.gql(DECLINE, { i: { proposalId: first.id, reason: ' ' } }, secretariat))).toMatchObject({ reason: 'REASON_REQUIRED' });
    expect(refusal(await t.gql(DECLINE, { i: { proposalId: first.id, reason: 'Nei', expectedRevision: first.revision + 1 } }, secretariat))).toMatchObject({ code: 'CONFLICT' });
    expect(refusal(await t.gql(DECLINE, { i: { proposalId: first.id, reason: 'Nei' } }, rosa))).toMatchObject({ code: 'FORBIDDEN' });
    expect(ok(await t.gql(DECLINE, { i: { proposalId: first.id, reason: 'Tas opp i fellesmøtet i juni.', expectedRevision: first.revision } }, secretariat)).declineAgendaProposal).toMatchObject({
      status: 'DECLINED',
      reason: 'Tas opp i fellesmøtet i juni.',
    });

    const WITHDRAW = 'mutation($i: WithdrawAgendaProposalInput!) { withdrawAgendaProposal(input: $i) { status } }';
    expect(refusal(await t.gql(WITHDRAW, { i: { proposalId: second.id } }, noas))).toMatchObject({ reason: 'NOT_OWN_ORGANIZATION' });
    expect(ok(await t.gql(WITHDRAW, { i: { proposalId: second.id } }, rosa)).withdrawAgendaProposal.status).toBe('WITHDRAWN');

    const mine = ok(await t.gql('{ agendaProposals(first: 10) { edges { node { title status reason } } } }', {}, rosa)).agendaProposals.edges.map((e: any) => e.node);
    expect(mine).toEqual([
      { title: 'Returprogram', status: 'WITHDRAWN', reason: null },
      { title: 'Botilbud for menn', status: 'DECLINED', reason: 'Tas opp i fellesmøtet i juni.' },
    ]);

    // Once the meeting has started, nothing more is proposed for it.
    clock.set('2026-03-20T09:30:00.000Z');
    expect(refusal(await propose({ meetingId: rg, title: 'For sent' }, rosa))).toMatchObject({ reason: 'MEETING_ALREADY_STARTED' });
  });

  it("shows the proposal behind a published agenda item only to those agendaProposal(id) shows it to, also read asOf", async () => {
    const rg = await schedule('REFERENCE_GROUP', '2026-04-16T09:00:00.000Z');
    const rosaOther = await t.token('NGO_REPRESENTATIVE', 'org-rosa', 'rosa-lise');
    const { id } = ok(await propose({ meetingId: rg, title: 'Botilbud for kvinner', description: 'Ventelister i Oslo' }, rosa)).proposeAgendaItem;
    const { agendaItemId } = ok(
      await t.gql('mutation($i: AcceptAgendaProposalInput!) { acceptAgendaProposal(input: $i) { agendaItemId } }', { i: { proposalId: id } }, secretariat),
    ).acceptAgendaProposal;
    ok(await t.gql('mutation($i: PublishAgendaInput!) { publishAgenda(input: $i) { id } }', { i: { meetingId: rg } }, secretariat));

    const ITEM_PROPOSAL = `query($id: ID!, $asOf: String) { meeting(id: $id, asOf: $asOf) { agenda { id proposal { id organizationId title description representativeId proposedAt status } } } }`;
    const proposalAs = async (token: string, asOf: string | null = null) => {
      const agenda = ok(await t.gql(ITEM_PROPOSAL, { id: rg, asOf }, token)).meeting.agenda as Array<{ id: string; proposal: { id: string } | null }>;
      expect(agenda.map((item) => item.id)).toEqual([agendaItemId]);
      return agenda[0]!.proposal;
    };
    for (const stranger of [noas, udi]) {
      expect(ok(await t.gql(`{ agendaProposal(id: "${id}") { id } }`, {}, stranger)).agendaProposal).toBeNull();
      expect(await proposalAs(stranger)).toBeNull();
      expect(await proposalAs(stranger, clock.now().toISOString())).toBeNull();
    }
    for (const reader of [rosaOther, secretariat, auditor]) {
      expect(await proposalAs(reader)).toMatchObject({ id, organizationId: 'org-rosa', title: 'Botilbud for kvinner', status: 'ACCEPTED' });
      expect(await proposalAs(reader, clock.now().toISOString())).toMatchObject({ id });
    }
  });

  it('refuses an after cursor the list never produced (INVALID_CURSOR) and pages on with one it did', async () => {
    const page = (after: string) => t.gql('query($after: String) { agendaProposals(first: 1, after: $after) { edges { node { id } cursor } } }', { after }, secretariat);
    const cursor = (key: string) => Buffer.from(key, 'utf8').toString('base64url');
    for (const key of ['"NaN"', '"-1"', 'NaN', '-1', '1.5', '1e3', ' 12', '0x10', '99999999999999999999']) {
      expect(refusal(await page(cursor(key)))).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_CURSOR' });
    }
    const [first, second] = ok(await t.gql('{ agendaProposals(first: 2) { edges { node { id } cursor } } }', {}, secretariat)).agendaProposals.edges;
    expect(ok(await page(first.cursor)).agendaProposals.edges).toEqual([second]);
  });
});
