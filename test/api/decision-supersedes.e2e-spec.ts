import { EVENT_STORE, type EventStore } from '@kom/event-store';
import { ManualClock } from '@kom/platform';
import { ok } from '../support/helpers';
import { TestApp, type GraphQLResponse } from '../support/test-app';

/**
 * recordDecision with `supersedes` names an earlier decision and supersedes it in the same write,
 * under supersedeDecision's rules: a decision that exists, is active (so only one later decision
 * ever claims it), of an earlier meeting of the same body or replaced by a joint one. A refusal
 * records nothing in either meeting.
 */
const SCHEDULE = 'mutation($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { id } }';
const ADD_ITEM = 'mutation($input: AddAgendaItemInput!) { addAgendaItem(input: $input) { agenda { id } } }';
const PUBLISH = 'mutation($input: PublishAgendaInput!) { publishAgenda(input: $input) { id } }';
const ATTEND = 'mutation($input: RecordAttendanceInput!) { recordAttendance(input: $input) { id } }';
const DECIDE = 'mutation($input: RecordDecisionInput!) { recordDecision(input: $input) { id supersedes status } }';
const SUPERSEDE = 'mutation($input: SupersedeDecisionInput!) { supersedeDecision(input: $input) { id status supersededBy } }';
const DECISION = 'query($id: ID!) { decision(id: $id) { id status supersedes supersededBy } }';
const DECISIONS = 'query($filter: DecisionFilter) { decisions(filter: $filter, first: 100) { edges { node { id supersedes } } } }';

describe('recordDecision with supersedes', () => {
  const clock = new ManualClock('2026-01-05T08:00:00.000Z');
  let t: TestApp;
  let secretariat: string;
  const meetings: Record<'pgJanuary' | 'rgJanuary' | 'pgFebruary', { id: string; item: string }> = {} as never;
  let projectDecision: string;
  let referenceDecision: string;

  const held = async (kind: 'PROJECT_GROUP' | 'REFERENCE_GROUP', startsAt: string, attendees: string[]) => {
    const id = ok(
      await t.gql(SCHEDULE, { input: { kind, title: `KOM ${kind}`, startsAt, endsAt: new Date(Date.parse(startsAt) + 7_200_000).toISOString(), location: 'Oslo' } }, secretariat),
    ).scheduleMeeting.id as string;
    const item = ok(await t.gql(ADD_ITEM, { input: { meetingId: id, title: 'Felles rutiner' } }, secretariat)).addAgendaItem.agenda[0].id as string;
    ok(await t.gql(PUBLISH, { input: { meetingId: id } }, secretariat));
    clock.set(new Date(Date.parse(startsAt) + 5 * 60_000));
    ok(await t.gql(ATTEND, { input: { meetingId: id, organizationIds: attendees } }, secretariat));
    return { id, item };
  };
  const decide = (at: { id: string; item: string }, text: string, supersedes?: string): Promise<GraphQLResponse> =>
    t.gql(DECIDE, { input: { meetingId: at.id, agendaItemId: at.item, text, ...(supersedes ? { supersedes } : {}) } }, secretariat);
  const streamLength = async (meetingId: string) => (await t.app.get<EventStore>(EVENT_STORE).readStream(`meeting-${meetingId}`)).length;
  const refusal = (response: GraphQLResponse) => {
    expect(response.errors).toBeDefined();
    return response.errors![0]!.extensions;
  };

  beforeAll(async () => {
    t = await TestApp.start({ clock });
    secretariat = await t.token('SECRETARIAT', 'org-pod', 'pod-sara');
    // Planned ahead (nothing is scheduled in the past), then held in turn.
    clock.set('2026-01-05T08:00:00.000Z');
    meetings.pgJanuary = await held('PROJECT_GROUP', '2026-01-12T09:00:00.000Z', ['org-udi']);
    projectDecision = ok(await decide(meetings.pgJanuary, 'Rutinene innføres i 2027.')).recordDecision.id;
    clock.set('2026-01-13T08:00:00.000Z');
    meetings.rgJanuary = await held('REFERENCE_GROUP', '2026-01-20T09:00:00.000Z', ['org-rosa']);
    referenceDecision = ok(await decide(meetings.rgJanuary, 'Referansegruppen ber om rutiner.')).recordDecision.id;
    clock.set('2026-01-21T08:00:00.000Z');
    meetings.pgFebruary = await held('PROJECT_GROUP', '2026-02-09T09:00:00.000Z', ['org-udi']);
  });
  afterAll(() => t?.stop());

  it('refuses a decision that does not exist, or one of another body, and records nothing', async () => {
    const before = await Promise.all([meetings.pgFebruary.id, meetings.rgJanuary.id].map(streamLength));
    expect(refusal(await decide(meetings.pgFebruary, 'Erstatter ingenting.', 'no-such-decision'))).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'SUPERSEDED_DECISION_NOT_FOUND',
      field: 'supersedes',
    });
    expect(refusal(await decide(meetings.pgFebruary, 'Overstyrer referansegruppen.', referenceDecision))).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'REPLACING_DECISION_OTHER_BODY',
    });
    expect(await Promise.all([meetings.pgFebruary.id, meetings.rgJanuary.id].map(streamLength))).toEqual(before);
    expect(ok(await t.gql(DECISION, { id: referenceDecision }, secretariat)).decision).toMatchObject({ status: 'ACTIVE', supersededBy: null });
  });

  it('lets exactly one of two later decisions claim the same decision, also when both arrive at once', async () => {
    const answers = await Promise.all([
      decide(meetings.pgFebruary, 'Rutinene innføres i 2028.', projectDecision),
      decide(meetings.pgFebruary, 'Rutinene innføres i 2029.', projectDecision),
    ]);
    const winners = answers.filter((a) => !a.errors);
    expect(winners).toHaveLength(1);
    expect(refusal(answers.find((a) => a.errors)!)).toMatchObject({ code: 'CONFLICT', reason: 'DECISION_NOT_ACTIVE' });
    const winner = winners[0]!.data!.recordDecision.id as string;
    expect(ok(await t.gql(DECISION, { id: projectDecision }, secretariat)).decision).toMatchObject({ status: 'SUPERSEDED', supersededBy: winner });

    // A third claim later is refused the same way; the record names one successor only.
    expect(refusal(await decide(meetings.pgFebruary, 'Rutinene innføres i 2030.', projectDecision))).toMatchObject({ reason: 'DECISION_NOT_ACTIVE' });
    const claims = ok(await t.gql(DECISIONS, { filter: { meetingId: meetings.pgFebruary.id } }, secretariat)).decisions.edges.filter(
      (e: { node: { supersedes: string | null } }) => e.node.supersedes === projectDecision,
    );
    expect(claims.map((e: { node: { id: string } }) => e.node.id)).toEqual([winner]);
    // supersedeDecision of the same pair changes nothing.
    const length = await streamLength(meetings.pgJanuary.id);
    expect(ok(await t.gql(SUPERSEDE, { input: { decisionId: projectDecision, supersededByDecisionId: winner } }, secretariat)).supersedeDecision).toEqual({
      id: projectDecision,
      status: 'SUPERSEDED',
      supersededBy: winner,
    });
    expect(await streamLength(meetings.pgJanuary.id)).toBe(length);
  });
});
