import { EVENT_STORE, type EventStore } from '@kom/event-store';
import { ManualClock } from '@kom/platform';
import { ok } from '../support/helpers';
import { TestApp, type GraphQLResponse } from '../support/test-app';

/**
 * Steps that change an issue and a meeting happen in full or not at all, and the answer says which:
 * a refused action item leaves no decision behind; placing an issue while its submitter withdraws it
 * (or the secretariat closes it) never leaves an agenda item the issue was not placed on.
 */
const SUBMIT = 'mutation($input: SubmitIssueInput!) { submitIssue(input: $input) { id } }';
const PLACE = 'mutation($input: PlaceIssueOnAgendaInput!) { placeIssueOnAgenda(input: $input) { id status meetingId agendaItemId } }';
const ADD_ITEM = 'mutation($input: AddAgendaItemInput!) { addAgendaItem(input: $input) { id agenda { id sourceIssueId } } }';
const WITHDRAW = 'mutation($input: WithdrawIssueInput!) { withdrawIssue(input: $input) { id status } }';
const CLOSE = 'mutation($input: CloseIssueInput!) { closeIssue(input: $input) { id status } }';
const FORWARD = 'mutation($input: ForwardIssueInput!) { forwardIssue(input: $input) { id status } }';
const RESOLVE = 'mutation($input: ResolveIssueInput!) { resolveIssue(input: $input) { id status outcomeDecisionId } }';
const SCHEDULE = 'mutation($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { id } }';
const MEETING = 'query($id: ID!) { meeting(id: $id) { agenda { id sourceIssueId } decisions { id } actionItems { id } } }';
const ISSUE = 'query($id: ID!) { issue(id: $id) { status meetingId agendaItemId timeline { event agendaItemId } } }';

const DECIDE = 'mutation($input: RecordDecisionInput!) { recordDecision(input: $input) { id } }';
const LINEAGE = 'query($id: ID!) { issue(id: $id) { status meetingId lineage { decisions { decisionId meetingId } } } }';

const ROUNDS = 200;
const DECISION_ROUNDS = 60;

describe('Cross-aggregate issue steps are atomic and answered truthfully', () => {
  const clock = new ManualClock('2026-03-02T08:00:00.000Z');
  let t: TestApp;
  let rosa: string;
  let secretariat: string;

  beforeAll(async () => {
    t = await TestApp.start({ clock, env: { KOM_RATE_LIMIT_MUTATIONS_PER_MINUTE: '1000000' } });
    rosa = await t.token('NGO_REPRESENTATIVE', 'org-rosa', 'rosa-kari');
    secretariat = await t.token('SECRETARIAT', 'org-pod', 'pod-sara');
  });
  afterAll(async () => {
    await t.stop();
  });

  const submit = async (title: string): Promise<string> =>
    ok(
      await t.gql(
        SUBMIT,
        { input: { organizationId: 'org-rosa', title, description: 'Shelters in the east are full.', category: 'IDENTIFICATION_AND_ASSISTANCE' } },
        rosa,
      ),
    ).submitIssue.id;

  const schedule = async (kind: 'REFERENCE_GROUP' | 'PROJECT_GROUP', startsAt: string): Promise<string> => {
    const endsAt = new Date(Date.parse(startsAt) + 2 * 3600_000).toISOString();
    return ok(await t.gql(SCHEDULE, { input: { kind, title: `KOM ${kind}`, startsAt, endsAt, location: 'Oslo' } }, secretariat)).scheduleMeeting.id;
  };

  const hold = async (meetingId: string, startsAt: string, attendees: string[]) => {
    ok(await t.gql('mutation($input: PublishAgendaInput!) { publishAgenda(input: $input) { id } }', { input: { meetingId } }, secretariat));
    clock.set(new Date(Date.parse(startsAt) + 5 * 60_000));
    ok(await t.gql('mutation($input: RecordAttendanceInput!) { recordAttendance(input: $input) { id } }', { input: { meetingId, organizationIds: attendees } }, secretariat));
  };

  const meetingEventTypes = async (meetingId: string): Promise<string[]> =>
    (await t.app.get<EventStore>(EVENT_STORE).readStream(`meeting-${meetingId}`)).map((e) => e.type);

  it('records no decision and leaves the issue on the agenda when one action item of a resolve is refused', async () => {
    const issueId = await submit('Shelter capacity');
    const refStart = '2026-03-05T09:00:00.000Z';
    const ref = await schedule('REFERENCE_GROUP', refStart);
    ok(await t.gql(PLACE, { input: { issueId, meetingId: ref } }, secretariat));
    await hold(ref, refStart, ['org-rosa']);
    ok(await t.gql(FORWARD, { input: { issueId, decision: 'To the project group.' } }, secretariat));
    const proStart = '2026-03-12T09:00:00.000Z';
    const pro = await schedule('PROJECT_GROUP', proStart);
    ok(await t.gql(PLACE, { input: { issueId, meetingId: pro } }, secretariat));
    await hold(pro, proStart, ['org-udi']);
    const before = await meetingEventTypes(pro);

    const refused = await t.gql(
      RESOLVE,
      {
        input: {
          issueId,
          decision: 'UDI maps shelter capacity.',
          actionItems: [
            { description: 'Map capacity', responsibleOrganizationId: 'org-udi', dueDate: '2026-05-31' },
            { description: 'Report back', responsibleOrganizationId: 'org-udi', dueDate: '2026-01-01' },
          ],
        },
      },
      secretariat,
    );

    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'DUE_DATE_BEFORE_MEETING' });
    expect(await meetingEventTypes(pro)).toEqual(before);
    const meeting = ok(await t.gql(MEETING, { id: pro }, secretariat)).meeting;
    expect(meeting.decisions).toEqual([]);
    expect(meeting.actionItems).toEqual([]);
    expect(ok(await t.gql(ISSUE, { id: issueId }, secretariat)).issue).toMatchObject({ status: 'ON_PROJECT_AGENDA', meetingId: pro });

    // Corrected, the same step goes through in full.
    const resolved = ok(
      await t.gql(
        RESOLVE,
        { input: { issueId, decision: 'UDI maps shelter capacity.', actionItems: [{ description: 'Map capacity', responsibleOrganizationId: 'org-udi', dueDate: '2026-05-31' }] } },
        secretariat,
      ),
    ).resolveIssue;
    expect(resolved.status).toBe('RESOLVED');
    const after = ok(await t.gql(MEETING, { id: pro }, secretariat)).meeting;
    expect(after.decisions).toEqual([{ id: resolved.outcomeDecisionId }]);
    expect(after.actionItems).toHaveLength(1);
  });

  it(`leaves no orphan agenda item when placing races withdrawing or closing (${ROUNDS} rounds), and every answer is true`, async () => {
    clock.set('2026-04-01T08:00:00.000Z');
    const meetings: string[] = [];
    for (let m = 0; m < Math.ceil(ROUNDS / 100); m++) meetings.push(await schedule('REFERENCE_GROUP', `2026-05-${String(m + 4).padStart(2, '0')}T09:00:00.000Z`));
    const issueIds = await Promise.all(Array.from({ length: ROUNDS }, (_, n) => submit(`Race ${n}`)));

    const answers = await Promise.all(
      issueIds.map(async (issueId, n) => {
        const meetingId = meetings[n % meetings.length]!;
        const place: Promise<GraphQLResponse> =
          n % 4 < 2
            ? t.gql(PLACE, { input: { issueId, meetingId } }, secretariat)
            : t.gql(ADD_ITEM, { input: { meetingId, title: `Race ${n}`, sourceIssueId: issueId } }, secretariat);
        const end: Promise<GraphQLResponse> =
          n % 2 === 0
            ? t.gql(WITHDRAW, { input: { issueId, reason: 'Solved locally' } }, rosa)
            : t.gql(CLOSE, { input: { issueId, reason: 'Duplicate' } }, secretariat);
        const [placed, ended] = await Promise.all([place, end]);
        return { issueId, meetingId, placed, ended };
      }),
    );

    const agendas = new Map<string, Array<{ id: string; sourceIssueId: string | null }>>();
    for (const meetingId of meetings) agendas.set(meetingId, ok(await t.gql(MEETING, { id: meetingId }, secretariat)).meeting.agenda);

    let placements = 0;
    for (const { issueId, meetingId, placed, ended } of answers) {
      const issue = ok(await t.gql(ISSUE, { id: issueId }, secretariat)).issue;
      const placedOn = issue.timeline.filter((s: any) => s.event === 'IssuePlacedOnAgenda').map((s: any) => s.agendaItemId);
      const items = agendas.get(meetingId)!.filter((item) => item.sourceIssueId === issueId).map((item) => item.id);
      // Zero orphans: every item made from the issue is one the issue was placed on, and back.
      expect(items).toEqual(placedOn);
      // Every answer is true: success means it happened, a typed refusal means nothing happened.
      if (placed.errors) {
        expect(['CONFLICT', 'NOT_FOUND', 'BAD_USER_INPUT', 'FORBIDDEN']).toContain(placed.errors[0]?.extensions?.code);
        expect(items).toEqual([]);
      } else {
        expect(items).toHaveLength(1);
        placements += 1;
      }
      if (ended.errors) {
        expect(ended.errors[0]?.extensions?.code).toBe('CONFLICT');
        expect(issue.status).toBe('ON_REFERENCE_AGENDA');
      } else {
        expect(issue.status).toBe(ended.data!.withdrawIssue ? 'WITHDRAWN' : 'CLOSED');
      }
    }
    // The race is real: some placements won, some lost.
    expect(placements).toBeGreaterThan(0);
    expect(placements).toBeLessThan(ROUNDS);
  });
  it("refuses recordDecision on an issue's item with the issue's reason once it is withdrawn, or placed on a later meeting, and records nothing", async () => {
    clock.set('2026-06-01T08:00:00.000Z');
    const withdrawnId = await submit('Withdrawn before the decision');
    const movedId = await submit('Moved to a later meeting');
    const startsAt = '2026-06-04T09:00:00.000Z';
    const earlier = await schedule('REFERENCE_GROUP', startsAt);
    const later = await schedule('REFERENCE_GROUP', '2026-07-02T09:00:00.000Z');
    const withdrawnItem = ok(await t.gql(PLACE, { input: { issueId: withdrawnId, meetingId: earlier } }, secretariat)).placeIssueOnAgenda.agendaItemId;
    const movedItem = ok(await t.gql(PLACE, { input: { issueId: movedId, meetingId: earlier } }, secretariat)).placeIssueOnAgenda.agendaItemId;
    await hold(earlier, startsAt, ['org-rosa']);
    ok(await t.gql(WITHDRAW, { input: { issueId: withdrawnId, reason: 'Solved locally' } }, rosa));
    // Deferred: the secretariat places it on the next reference-group meeting.
    ok(await t.gql(PLACE, { input: { issueId: movedId, meetingId: later } }, secretariat));
    const before = await meetingEventTypes(earlier);

    const decide = (agendaItemId: string) => t.gql(DECIDE, { input: { meetingId: earlier, agendaItemId, text: 'Forwarded to the project group.' } }, secretariat);
    expect((await decide(withdrawnItem)).errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'ISSUE_WITHDRAWN' });
    expect((await decide(movedItem)).errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'ISSUE_NOT_ON_THAT_AGENDA' });

    expect(await meetingEventTypes(earlier)).toEqual(before);
    expect(ok(await t.gql(LINEAGE, { id: withdrawnId }, secretariat)).issue).toEqual({ status: 'WITHDRAWN', meetingId: null, lineage: { decisions: [] } });
    expect(ok(await t.gql(LINEAGE, { id: movedId }, secretariat)).issue).toEqual({ status: 'ON_REFERENCE_AGENDA', meetingId: later, lineage: { decisions: [] } });
  });

  it('moves the issue on with a decision recorded on its item, in the same write', async () => {
    clock.set('2026-08-01T08:00:00.000Z');
    const issueId = await submit('Decided through recordDecision');
    const startsAt = '2026-08-06T09:00:00.000Z';
    const meetingId = await schedule('REFERENCE_GROUP', startsAt);
    const agendaItemId = ok(await t.gql(PLACE, { input: { issueId, meetingId } }, secretariat)).placeIssueOnAgenda.agendaItemId;
    await hold(meetingId, startsAt, ['org-rosa']);
    const decisionId = ok(await t.gql(DECIDE, { input: { meetingId, agendaItemId, text: 'Forwarded to the project group.' } }, secretariat)).recordDecision.id;
    // Read at once: the answer came after both records were written and shown.
    expect(ok(await t.gql(LINEAGE, { id: issueId }, rosa)).issue).toEqual({ status: 'FORWARDED', meetingId: null, lineage: { decisions: [{ decisionId, meetingId }] } });
    const steps = ok(await t.gql(ISSUE, { id: issueId }, secretariat)).issue.timeline.map((s: { event: string }) => s.event);
    expect(steps.filter((event: string) => event === 'IssueForwarded')).toHaveLength(1);
    // A second decision on the item would name an issue that has moved on.
    const again = await t.gql(DECIDE, { input: { meetingId, agendaItemId, text: 'And once more.' } }, secretariat);
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'ISSUE_ALREADY_FORWARDED' });
  });

  it(`never records a decision on a withdrawn issue when recordDecision races withdrawIssue (${DECISION_ROUNDS} rounds, both orders)`, async () => {
    clock.set('2026-09-01T08:00:00.000Z');
    const startsAt = '2026-09-03T09:00:00.000Z';
    const meetingId = await schedule('REFERENCE_GROUP', startsAt);
    const issueIds = await Promise.all(Array.from({ length: DECISION_ROUNDS }, (_, n) => submit(`Decision race ${n}`)));
    const items = new Map<string, string>();
    for (const issueId of issueIds) items.set(issueId, ok(await t.gql(PLACE, { input: { issueId, meetingId } }, secretariat)).placeIssueOnAgenda.agendaItemId);
    await hold(meetingId, startsAt, ['org-rosa']);

    const answers = await Promise.all(
      issueIds.map(async (issueId, n) => {
        const decide = () => t.gql(DECIDE, { input: { meetingId, agendaItemId: items.get(issueId), text: `Forwarded ${n}.` } }, secretariat);
        const withdraw = () => t.gql(WITHDRAW, { input: { issueId, reason: 'Solved locally' } }, rosa);
        // Half the rounds send the decision first, half the withdrawal.
        const [decided, withdrawn] = n % 2 === 0 ? await Promise.all([decide(), withdraw()]) : (await Promise.all([withdraw(), decide()])).reverse();
        return { issueId, decided: decided!, withdrawn: withdrawn! };
      }),
    );

    const decisions = ok(await t.gql(MEETING, { id: meetingId }, secretariat)).meeting.decisions as Array<{ id: string }>;
    let forwarded = 0;
    for (const { issueId, decided, withdrawn } of answers) {
      const issue = ok(await t.gql(LINEAGE, { id: issueId }, secretariat)).issue;
      if (decided.errors) {
        // The withdrawal won: nothing of the decision anywhere.
        expect(decided.errors[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'ISSUE_WITHDRAWN' });
        expect(withdrawn.errors).toBeUndefined();
        expect(issue).toEqual({ status: 'WITHDRAWN', meetingId: null, lineage: { decisions: [] } });
      } else {
        // The decision won: the issue was forwarded by it and could no longer be withdrawn.
        expect(withdrawn.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'ISSUE_ALREADY_FORWARDED' });
        const decisionId = decided.data!.recordDecision.id;
        expect(issue).toEqual({ status: 'FORWARDED', meetingId: null, lineage: { decisions: [{ decisionId, meetingId }] } });
        expect(decisions.map((d) => d.id)).toContain(decisionId);
        forwarded += 1;
      }
    }
    expect(decisions).toHaveLength(forwarded);
    // The race is real: each side won some rounds.
    expect(forwarded).toBeGreaterThan(0);
    expect(forwarded).toBeLessThan(DECISION_ROUNDS);
  });
});
