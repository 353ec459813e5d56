import { ManualClock } from '@kom/platform';
import { ok } from '../support/helpers';
import { TestApp, type GraphQLResponse } from '../support/test-app';

/**
 * The secretariat marks an issue a duplicate of another (markIssueDuplicate): the duplicate is
 * closed pointing to the original, which lists it; every rule of the decider answers over GraphQL.
 * Then a measure's citations: the issue, a draft and then published agenda item, and a decision.
 */
const FIELDS = `id status closingReason revision duplicateOfIssueId duplicateOf { id title } duplicates { id status }`;
const SUBMIT = `mutation($input: SubmitIssueInput!) { submitIssue(input: $input) { ${FIELDS} } }`;
const MARK = `mutation($input: MarkIssueDuplicateInput!) { markIssueDuplicate(input: $input) { ${FIELDS} } }`;
const CLOSE = `mutation($input: CloseIssueInput!) { closeIssue(input: $input) { id status } }`;
const ISSUE = `query($id: ID!) { issue(id: $id) { ${FIELDS} timeline { event status note } } }`;
const ISSUES = `query($filter: IssueFilterInput) { issues(filter: $filter, first: 50) { edges { node { id } } } }`;
const CITATIONS = `query($n: Int!) { measure(number: $n) { number citations { kind id title meetingId status viaDecisionIds } } }`;

describe('Duplicate issues and a measure’s citations over GraphQL', () => {
  const clock = new ManualClock('2026-03-02T08:00:00.000Z');
  let t: TestApp;
  let rosa: string;
  let udi: string;
  let secretariat: string;
  let auditor: string;

  beforeAll(async () => {
    t = await TestApp.start({ clock });
    rosa = await t.token('NGO_REPRESENTATIVE', 'org-rosa', 'rosa-kari');
    udi = await t.token('AGENCY_MEMBER', 'org-udi', 'udi-anne');
    secretariat = await t.token('SECRETARIAT', 'org-pod', 'pod-sara');
    auditor = await t.token('AUDITOR', 'org-riksrevisjonen', 'auditor-per');
  });
  afterAll(async () => {
    await t.stop();
  });

  const refused = (response: GraphQLResponse, code: string, reason: string) =>
    expect(response.errors?.[0]?.extensions).toMatchObject({ code, reason });
  const submit = async (title: string, citedMeasures: number[] = []) =>
    ok(
      await t.gql(
        SUBMIT,
        { input: { organizationId: 'org-rosa', title, description: 'Krisesentrene i øst er fulle.', category: 'IDENTIFICATION_AND_ASSISTANCE', citedMeasures } },
        rosa,
      ),
    ).submitIssue as { id: string; revision: number };

  it('closes the duplicate pointing to its original, which lists it; every rule refuses with its reason', async () => {
    const original = await submit('Shelter capacity in the east', [17]);
    const duplicate = await submit('Shelters are full in Østlandet');
    const third = await submit('Shelters again');
    const input = { issueId: duplicate.id, duplicateOfIssueId: original.id, reason: 'The same question as the shelter capacity issue.' };

    // Who may: the secretariat only.
    refused(await t.gql(MARK, { input }, rosa), 'FORBIDDEN', 'ROLE_NOT_ALLOWED');
    expect((await t.gql(MARK, { input }, udi)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await t.gql(MARK, { input }, auditor)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    // What may not: itself, an unknown original, no reason, a stale revision.
    refused(await t.gql(MARK, { input: { ...input, duplicateOfIssueId: duplicate.id } }, secretariat), 'BAD_USER_INPUT', 'ISSUE_DUPLICATE_OF_ITSELF');
    const unknown = await t.gql(MARK, { input: { ...input, duplicateOfIssueId: 'no-such-issue' } }, secretariat);
    refused(unknown, 'BAD_USER_INPUT', 'DUPLICATE_ORIGINAL_NOT_FOUND');
    expect(unknown.errors?.[0]?.extensions?.field).toBe('duplicateOfIssueId');
    refused(await t.gql(MARK, { input: { ...input, reason: '  ' } }, secretariat), 'BAD_USER_INPUT', 'REASON_REQUIRED');
    expect((await t.gql(MARK, { input: { ...input, expectedRevision: duplicate.revision + 1 } }, secretariat)).errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(ok(await t.gql(ISSUE, { id: duplicate.id }, secretariat)).issue).toMatchObject({ status: 'SUBMITTED', duplicateOf: null });

    // Marked: closed with the reason, pointing to the original; the original lists it.
    const marked = ok(await t.gql(MARK, { input: { ...input, expectedRevision: duplicate.revision } }, secretariat)).markIssueDuplicate;
    expect(marked).toMatchObject({
      status: 'CLOSED',
      closingReason: input.reason,
      duplicateOfIssueId: original.id,
      duplicateOf: { id: original.id, title: 'Shelter capacity in the east' },
      duplicates: [],
    });
    const read = ok(await t.gql(ISSUE, { id: original.id }, udi)).issue;
    expect(read).toMatchObject({ status: 'SUBMITTED', duplicateOf: null, duplicates: [{ id: duplicate.id, status: 'CLOSED' }] });
    const timeline = ok(await t.gql(ISSUE, { id: duplicate.id }, rosa)).issue.timeline as Array<{ event: string; status: string; note: string }>;
    expect(timeline.slice(-2)).toEqual([
      { event: 'IssueMarkedDuplicate', status: 'SUBMITTED', note: original.id },
      { event: 'IssueClosed', status: 'CLOSED', note: input.reason },
    ]);

    // The same mark again changes nothing; another mark of a closed issue is refused.
    const again = ok(await t.gql(MARK, { input }, secretariat)).markIssueDuplicate;
    expect(again.revision).toBe(marked.revision);
    refused(await t.gql(MARK, { input: { ...input, duplicateOfIssueId: third.id } }, secretariat), 'CONFLICT', 'ISSUE_CLOSED');
    // The original may not itself be a duplicate, nor closed.
    refused(await t.gql(MARK, { input: { issueId: third.id, duplicateOfIssueId: duplicate.id, reason: 'Same' } }, secretariat), 'BAD_USER_INPUT', 'ORIGINAL_IS_A_DUPLICATE');
    const closedOne = await submit('Closed question');
    ok(await t.gql(CLOSE, { input: { issueId: closedOne.id, reason: 'Out of scope' } }, secretariat));
    refused(await t.gql(MARK, { input: { issueId: third.id, duplicateOfIssueId: closedOne.id, reason: 'Same' } }, secretariat), 'BAD_USER_INPUT', 'ORIGINAL_CLOSED');

    // Nothing was forwarded: the forwarded filter finds none, its opposite finds them all.
    expect(ok(await t.gql(ISSUES, { filter: { forwarded: true } }, secretariat)).issues.edges).toEqual([]);
    expect(ok(await t.gql(ISSUES, { filter: { forwarded: false } }, secretariat)).issues.edges).toHaveLength(4);
  });

  it('lists what cites a measure: issues, agenda items (drafts for the secretariat only) and decisions', async () => {
    const issue = await submit('Identification routines', [29]);
    const startsAt = '2026-04-14T08:00:00.000Z';
    const meeting = ok(
      await t.gql(
        'mutation($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { id } }',
        { input: { kind: 'PROJECT_GROUP', title: 'Prosjektgruppen april', startsAt, endsAt: '2026-04-14T10:00:00.000Z', location: 'Oslo' } },
        secretariat,
      ),
    ).scheduleMeeting as { id: string };
    const added = ok(
      await t.gql(
        'mutation($input: AddAgendaItemInput!) { addAgendaItem(input: $input) { agenda { id title } } }',
        { input: { meetingId: meeting.id, title: 'Felles rutiner for identifisering', citedMeasures: [29] } },
        secretariat,
      ),
    ).addAgendaItem as { agenda: Array<{ id: string; title: string }> };
    const itemId = added.agenda.find((i) => i.title === 'Felles rutiner for identifisering')!.id;

    const kinds = async (token: string) =>
      (ok(await t.gql(CITATIONS, { n: 29 }, token)).measure.citations as Array<{ kind: string; id: string; status: string }>).map((c) => `${c.kind}:${c.id}:${c.status}`);
    expect(await kinds(secretariat)).toEqual([`AGENDA_ITEM:${itemId}:DRAFT`, `ISSUE:${issue.id}:SUBMITTED`]);
    expect(await kinds(udi)).toEqual([`ISSUE:${issue.id}:SUBMITTED`]);

    ok(await t.gql('mutation($input: PublishAgendaInput!) { publishAgenda(input: $input) { id } }', { input: { meetingId: meeting.id } }, secretariat));
    clock.set(new Date(Date.parse(startsAt) + 5 * 60_000));
    ok(await t.gql('mutation($input: RecordAttendanceInput!) { recordAttendance(input: $input) { id } }', { input: { meetingId: meeting.id, organizationIds: ['org-udi'] } }, secretariat));
    const decision = ok(
      await t.gql(
        'mutation($input: RecordDecisionInput!) { recordDecision(input: $input) { id } }',
        { input: { meetingId: meeting.id, agendaItemId: itemId, text: 'Etatene tar i bruk felles rutiner.', citedMeasures: [29] } },
        secretariat,
      ),
    ).recordDecision as { id: string };
    expect(await kinds(udi)).toEqual([`DECISION:${decision.id}:ACTIVE`, `AGENDA_ITEM:${itemId}:PUBLISHED`, `ISSUE:${issue.id}:SUBMITTED`]);
    expect(ok(await t.gql(CITATIONS, { n: 1 }, udi)).measure.citations).toEqual([]);
  });
});
