import { randomUUID } from 'node:crypto';
import { EVENT_STORE, type EventStore } from '@kom/event-store';
import { ManualClock } from '@kom/platform';
import { generatedNationalIdNumber } from '@kom/issues/testing';
import { ok } from '../support/helpers';
import { TestApp, type GraphQLResponse } from '../support/test-app';

/**
 * Client retries over GraphQL: a creating mutation sent again with the same idempotencyKey answers
 * with the first result and records nothing; the same key for another request is refused.
 */
const SUBMIT = 'mutation($input: SubmitIssueInput!) { submitIssue(input: $input) { id title status revision } }';
const DAY = 24 * 60 * 60 * 1000;

describe('Idempotent creating mutations over GraphQL', () => {
  const clock = new ManualClock('2026-03-02T08:00:00.000Z');
  let t: TestApp;
  let store: EventStore;
  let rosa: string;
  let secretariat: string;

  beforeAll(async () => {
    t = await TestApp.start({ clock, env: { KOM_RATE_LIMIT_MUTATIONS_PER_MINUTE: '1000000' } });
    store = t.app.get<EventStore>(EVENT_STORE);
    rosa = await t.token('NGO_REPRESENTATIVE', 'org-rosa', 'rosa-kari');
    secretariat = await t.token('SECRETARIAT', 'org-pod', 'pod-sara');
  });
  afterAll(async () => {
    await t.stop();
  });

  const issue = (title: string) => ({
    organizationId: 'org-rosa',
    title,
    description: 'Shelters in the east are full.',
    category: 'IDENTIFICATION_AND_ASSISTANCE',
  });
  const submittedWith = async (title: string) =>
    (await store.readAll()).filter((e) => e.type === 'IssueSubmitted' && (e.data as { title: string }).title === title);

  it('answers the same request sent 20 times at once with one issue and 20 equal answers', async () => {
    const key = randomUUID();
    const input = { ...issue('Twenty at once'), idempotencyKey: key };

    const answers = await Promise.all(Array.from({ length: 20 }, () => t.gql(SUBMIT, { input }, rosa)));

    const issues = answers.map((answer) => ok(answer).submitIssue);
    expect(issues[0]).toMatchObject({ title: 'Twenty at once', status: 'SUBMITTED' });
    for (const answer of issues) expect(answer).toEqual(issues[0]);
    expect(await submittedWith('Twenty at once')).toHaveLength(1);
    // The key is the client's: it is never written to the log.
    expect(JSON.stringify((await store.readAll()).map((e) => [e.data, e.metadata]))).not.toContain(key);
  });

  it('refuses the same key with another input, typed, and records nothing', async () => {
    const key = randomUUID();
    ok(await t.gql(SUBMIT, { input: { ...issue('First use of the key'), idempotencyKey: key } }, rosa));
    const head = await store.headPosition();

    const reused = await t.gql(SUBMIT, { input: { ...issue('Another request'), idempotencyKey: key } }, rosa);

    expect(reused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'IDEMPOTENCY_KEY_REUSED' });
    expect(await store.headPosition()).toBe(head);
  });

  it('takes an optional field sent as null for the same request as the field left out', async () => {
    const key = randomUUID();
    const first = ok(await t.gql(SUBMIT, { input: { ...issue('Null or left out'), idempotencyKey: key } }, rosa)).submitIssue;
    const head = await store.headPosition();

    for (const extra of [{ tags: null }, { urgencyReason: null }, { tags: null, urgencyReason: null, citedMeasures: null }]) {
      const retry = await t.gql(SUBMIT, { input: { ...issue('Null or left out'), ...extra, idempotencyKey: key } }, rosa);
      expect({ extra, answer: retry.errors ?? retry.data?.submitIssue.id }).toEqual({ extra, answer: first.id });
    }
    expect(await store.headPosition()).toBe(head);
    // A value where the first request had none is another request.
    const other = await t.gql(SUBMIT, { input: { ...issue('Null or left out'), tags: ['FORCED_LABOUR'], idempotencyKey: key } }, rosa);
    expect(other.errors?.[0]?.extensions).toMatchObject({ reason: 'IDEMPOTENCY_KEY_REUSED' });
  });

  it('lets a key whose first attempt was refused be used again once the request is corrected', async () => {
    const key = randomUUID();
    const withIdNumber = { ...issue('Refused first'), description: `About ${generatedNationalIdNumber(12, 4, 1987)}`, idempotencyKey: key };
    const refused = await t.gql(SUBMIT, { input: withIdNumber }, rosa);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'PERSONAL_DATA_REFUSED' });

    const corrected = ok(await t.gql(SUBMIT, { input: { ...issue('Refused first'), idempotencyKey: key } }, rosa)).submitIssue;
    const again = ok(await t.gql(SUBMIT, { input: { ...issue('Refused first'), idempotencyKey: key } }, rosa)).submitIssue;
    expect(again.id).toBe(corrected.id);
    expect(await submittedWith('Refused first')).toHaveLength(1);
  });

  it('forgets a key after 24 hours', async () => {
    const key = randomUUID();
    const input = { ...issue('Once a day'), idempotencyKey: key };
    const first = ok(await t.gql(SUBMIT, { input }, rosa)).submitIssue;
    clock.advance(DAY - 1000);
    expect(ok(await t.gql(SUBMIT, { input }, rosa)).submitIssue.id).toBe(first.id);
    clock.advance(1000);
    const next = ok(await t.gql(SUBMIT, { input }, rosa)).submitIssue;
    expect(next.id).not.toBe(first.id);
    expect(await submittedWith('Once a day')).toHaveLength(2);
  });

  it('refuses a malformed key before doing anything', async () => {
    const head = await store.headPosition();
    const answer = await t.gql(SUBMIT, { input: { ...issue('Bad key'), idempotencyKey: 'kari nordmann' } }, rosa);
    expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_IDEMPOTENCY_KEY' });
    expect(await store.headPosition()).toBe(head);
  });

  it('makes every creating mutation safe to retry', async () => {
    clock.set('2026-04-01T08:00:00.000Z');
    const retried = async (mutation: string, input: Record<string, unknown>, token: string, pick: (data: any) => unknown) => {
      const key = randomUUID();
      const first = await t.gql(mutation, { input: { ...input, idempotencyKey: key } }, token);
      const head = await store.headPosition();
      const again = await t.gql(mutation, { input: { ...input, idempotencyKey: key } }, token);
      expect(await store.headPosition()).toBe(head);
      expect(pick(ok(again))).toEqual(pick(ok(first)));
      return ok(first);
    };
    const gql = (name: string, type: string, fields: string) => `mutation($input: ${type}!) { ${name}(input: $input) { ${fields} } }`;

    const organization = await retried(gql('registerOrganization', 'RegisterOrganizationInput', 'id'), { name: 'Retry-hjelpen', kind: 'NGO' }, secretariat, (d) => d.registerOrganization.id);
    await retried(
      gql('addRepresentative', 'AddRepresentativeInput', 'id'),
      { organizationId: organization.registerOrganization.id, name: 'Kontakt Person', email: 'kontakt@example.org' },
      secretariat,
      (d) => d.addRepresentative.id,
    );
    const reference = await retried(
      gql('scheduleMeeting', 'ScheduleMeetingInput', 'id'),
      { kind: 'REFERENCE_GROUP', title: 'Referansegruppemøte', startsAt: '2026-04-09T09:00:00.000Z', endsAt: '2026-04-09T11:00:00.000Z', location: 'Oslo' },
      secretariat,
      (d) => d.scheduleMeeting.id,
    );
    const referenceId = reference.scheduleMeeting.id as string;
    await retried(
      gql('planMeetingSeries', 'PlanMeetingSeriesInput', 'id'),
      { kind: 'PROJECT_GROUP', title: 'Prosjektgruppemøte', firstStartsAt: '2026-05-05T09:00:00.000Z', firstEndsAt: '2026-05-05T11:00:00.000Z', count: 3, location: 'Oslo' },
      secretariat,
      (d) => d.planMeetingSeries.map((m: { id: string }) => m.id),
    );
    await retried(gql('addAgendaItem', 'AddAgendaItemInput', 'agenda { id }'), { meetingId: referenceId, title: 'Status' }, secretariat, (d) => d.addAgendaItem.agenda);
    const submitted = ok(await t.gql(SUBMIT, { input: issue('Retried across a meeting') }, rosa)).submitIssue.id as string;
    await retried(gql('commentOnIssue', 'CommentOnIssueInput', 'comments { text }'), { issueId: submitted, text: 'Same in Bergen.' }, rosa, (d) => d.commentOnIssue.comments);
    await retried(gql('placeIssueOnAgenda', 'PlaceIssueOnAgendaInput', 'agendaItemId'), { issueId: submitted, meetingId: referenceId }, secretariat, (d) => d.placeIssueOnAgenda.agendaItemId);
    const agenda = ok(await t.gql('query($id: ID!) { meeting(id: $id) { agenda { id sourceIssueId } } }', { id: referenceId }, secretariat)).meeting.agenda;
    expect(agenda).toHaveLength(2);
    const statusItem = agenda.find((item: { sourceIssueId: string | null }) => item.sourceIssueId === null).id as string;

    ok(await t.gql('mutation($input: PublishAgendaInput!) { publishAgenda(input: $input) { id } }', { input: { meetingId: referenceId } }, secretariat));
    clock.set('2026-04-09T09:05:00.000Z');
    ok(await t.gql('mutation($input: RecordAttendanceInput!) { recordAttendance(input: $input) { id } }', { input: { meetingId: referenceId, organizationIds: ['org-rosa'] } }, secretariat));
    const decision = await retried(
      gql('recordDecision', 'RecordDecisionInput', 'id'),
      { meetingId: referenceId, agendaItemId: statusItem, text: 'The status is noted.' },
      secretariat,
      (d) => d.recordDecision.id,
    );
    await retried(
      gql('assignActionItem', 'AssignActionItemInput', 'id'),
      { meetingId: referenceId, decisionId: decision.recordDecision.id, description: 'Send the status round', responsibleOrganizationId: 'org-rosa', dueDate: '2026-05-01' },
      secretariat,
      (d) => d.assignActionItem.id,
    );
    await retried(gql('forwardIssue', 'ForwardIssueInput', 'status outcomeDecisionId'), { issueId: submitted, decision: 'To the project group.' }, secretariat, (d) => d.forwardIssue);
    await retried(
      gql('draftAgreement', 'DraftAgreementInput', 'id'),
      {
        title: 'Samarbeidsavtale',
        purpose: 'Tydelige roller (tiltak 34).',
        parties: [{ organizationId: 'org-politiet', role: 'Identifiserer' }, { organizationId: 'org-udi', role: 'Bosted' }],
        clauses: [{ section: 'ROLES_AND_RESPONSIBILITIES', nb: 'Politiet identifiserer; UDI skaffer bosted.' }],
        effectiveFrom: '2026-06-01',
      },
      secretariat,
      (d) => d.draftAgreement.id,
    );
  });

  it('keeps two users apart: the same key from another user is another request', async () => {
    const key = randomUUID();
    const kari = ok(await t.gql(SUBMIT, { input: { ...issue('Two users, one key'), idempotencyKey: key } }, rosa)).submitIssue;
    const other = await t.token('NGO_REPRESENTATIVE', 'org-rosa', 'rosa-ola');
    const ola: GraphQLResponse = await t.gql(SUBMIT, { input: { ...issue('Two users, one key'), idempotencyKey: key } }, other);
    expect(ok(ola).submitIssue.id).not.toBe(kari.id);
    expect(await submittedWith('Two users, one key')).toHaveLength(2);
  });
});
