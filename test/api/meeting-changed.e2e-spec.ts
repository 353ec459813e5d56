import { ManualClock } from '@kom/platform';
import { ok, sleep } from '../support/helpers';
import { TestApp } from '../support/test-app';

/**
 * Following one meeting while it is held: meetingChanged pushes the meeting after every event of
 * its stream (attendance, a decision, an agency's position, minutes), never another meeting's; and
 * decisions are found by words in their text or rationale.
 */
describe('one meeting followed live, and decisions found by their words', () => {
  const clock = new ManualClock('2026-03-02T08:00:00.000Z');
  let t: TestApp;
  let secretariat: string;
  let udi: string;
  let meetingId: string;
  let otherId: string;
  let itemId: string;

  const gql = async (query: string, input: Record<string, unknown>, token = secretariat) => ok(await t.gql(query, { input }, token));

  beforeAll(async () => {
    t = await TestApp.start({ clock });
    await t.listen();
    secretariat = await t.token('SECRETARIAT', 'org-pod', 'pod-sara');
    udi = await t.token('AGENCY_MEMBER', 'org-udi', 'udi-anne');
    const schedule = async (title: string, startsAt: string) =>
      (await gql('mutation($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { id } }', {
        kind: 'PROJECT_GROUP', title, startsAt, endsAt: new Date(Date.parse(startsAt) + 2 * 3600_000).toISOString(), location: 'Politidirektoratet, Oslo',
      })).scheduleMeeting.id as string;
    meetingId = await schedule('Prosjektgruppemøte, mars', '2026-03-05T08:00:00.000Z');
    otherId = await schedule('Prosjektgruppemøte, april', '2026-04-02T07:00:00.000Z');
    for (const id of [meetingId, otherId]) {
      await gql('mutation($input: AddAgendaItemInput!) { addAgendaItem(input: $input) { id } }', { meetingId: id, title: 'Identifisering av ofre', citedMeasures: [34] });
      await gql('mutation($input: PublishAgendaInput!) { publishAgenda(input: $input) { id } }', { meetingId: id });
    }
    itemId = ok(await t.gql('query($id: ID!) { meeting(id: $id) { agenda { id } } }', { id: meetingId }, secretariat)).meeting.agenda[0].id;
    clock.set(new Date('2026-03-05T08:30:00.000Z'));
  });
  afterAll(() => t?.stop());

  it('pushes the meeting after attendance, a decision, a position recorded by an agency and the minutes; not after another meeting', async () => {
    const client = t.subscriber(secretariat);
    type Pushed = { meetingChanged: { id: string; revision: number; attendance: Array<{ organizationId: string }>; decisions: Array<{ positions: Array<{ organizationId: string; position: string }> }>; minutesStatus: string } };
    const subscription = client.iterate<Pushed>({
      query: `subscription($id: ID!) { meetingChanged(meetingId: $id) { id revision attendance { organizationId } decisions { positions { organizationId position } } minutesStatus } }`,
      variables: { id: meetingId },
    });
    const seen: Pushed['meetingChanged'][] = [];
    const collecting = (async () => {
      for await (const message of subscription) {
        if (message.errors) throw new Error(JSON.stringify(message.errors));
        seen.push(message.data!.meetingChanged);
        if (seen.length === 4) break;
      }
    })();
    await sleep(200);

    // Another meeting's change is not pushed here.
    await gql('mutation($input: AddAgendaItemInput!) { addAgendaItem(input: $input) { id } }', { meetingId: otherId, title: 'Tilstandsrapporten' });
    await gql('mutation($input: RecordAttendanceInput!) { recordAttendance(input: $input) { id } }', { meetingId, organizationIds: ['org-udi', 'org-nav'] });
    const decisionId = (await gql('mutation($input: RecordDecisionInput!) { recordDecision(input: $input) { id } }', {
      meetingId, agendaItemId: itemId, text: 'Felles rutiner for identifisering innføres.', rationale: 'Ønsket fra referansegruppen.',
    })).recordDecision.id as string;
    await gql('mutation($input: RecordPositionInput!) { recordPosition(input: $input) { id } }', { decisionId, organizationId: 'org-udi', position: 'SUPPORTS' }, udi);
    await gql('mutation($input: RecordMinutesInput!) { recordMinutes(input: $input) { id } }', { meetingId, text: 'Referat fra møtet.' });
    await collecting;

    expect(seen.map((m) => m.id)).toEqual([meetingId, meetingId, meetingId, meetingId]);
    expect(seen[0]!.attendance.map((a) => a.organizationId).sort()).toEqual(['org-nav', 'org-udi']);
    expect(seen[1]!.decisions).toEqual([{ positions: [] }]);
    expect(seen[2]!.decisions).toEqual([{ positions: [{ organizationId: 'org-udi', position: 'SUPPORTS' }] }]);
    expect(seen[3]!.minutesStatus).toBe('DRAFT');
    expect(seen.map((m) => m.revision)).toEqual([...seen.map((m) => m.revision)].sort((a, b) => a - b));
  });

  it('finds decisions by words in their text or rationale, whatever the case, æ, ø and å included', async () => {
    const search = async (text: string) =>
      ok(await t.gql('query($text: String!) { decisions(first: 10, filter: { text: $text }) { edges { node { text } } } }', { text }, udi)).decisions.edges.map(
        (e: { node: { text: string } }) => e.node.text,
      );
    expect(await search('RUTINER FOR')).toEqual(['Felles rutiner for identifisering innføres.']);
    expect(await search('ØNSKET FRA')).toEqual(['Felles rutiner for identifisering innføres.']);
    expect(await search('rutiner innføres')).toEqual([]);
    const tooLong = await t.gql('query($text: String!) { decisions(filter: { text: $text }) { edges { cursor } } }', { text: 'x'.repeat(201) }, udi);
    expect(tooLong.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'TEXT_TOO_LONG' });
  });
});
