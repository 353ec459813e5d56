import { EVENT_STORE, type EventStore } from '@kom/event-store';
import { ManualClock } from '@kom/platform';
import { generatedNationalIdNumber, withBadChecksum } from '@kom/issues/testing';
import { ok, sleep } from '../support/helpers';
import { TestApp, type GraphQLResponse } from '../support/test-app';

/**
 * One issue from submission to resolution over GraphQL, across a reference-group meeting and a
 * project-group meeting, on the real application (embedded store) with a manual clock: meetings
 * are planned ahead and held once the clock reaches them.
 */
const ISSUE_FIELDS = `id status statusLabel(lang: EN) organizationId title description category tags citedMeasures urgencyReason
  meetingId agendaItemId outcomeAt outcomeDecisionId closingReason revision`;
const SUBMIT = `mutation($input: SubmitIssueInput!) { submitIssue(input: $input) { ${ISSUE_FIELDS} } }`;
const EDIT = `mutation($input: EditIssueInput!) { editIssue(input: $input) { ${ISSUE_FIELDS} } }`;
const WITHDRAW = `mutation($input: WithdrawIssueInput!) { withdrawIssue(input: $input) { ${ISSUE_FIELDS} } }`;
const COMMENT = `mutation($input: CommentOnIssueInput!) { commentOnIssue(input: $input) { id comments { organizationId text } } }`;
const PLACE = `mutation($input: PlaceIssueOnAgendaInput!) { placeIssueOnAgenda(input: $input) { ${ISSUE_FIELDS} } }`;
const FORWARD = `mutation($input: ForwardIssueInput!) { forwardIssue(input: $input) { ${ISSUE_FIELDS} } }`;
const RESOLVE = `mutation($input: ResolveIssueInput!) { resolveIssue(input: $input) { ${ISSUE_FIELDS} } }`;
const CLOSE = `mutation($input: CloseIssueInput!) { closeIssue(input: $input) { ${ISSUE_FIELDS} } }`;
const ISSUE = `query($id: ID!, $asOf: String) { issue(id: $id, asOf: $asOf) {
  ${ISSUE_FIELDS}
  timeline { event status at actorUserId actorOrganizationId actorRole meetingId agendaItemId decisionId note }
  lineage {
    agendaItems { meetingId agendaItemId title removed }
    decisions { decisionId meetingId agendaItemId text status }
    actionItems { actionItemId meetingId decisionId agendaItemId description responsibleOrganizationId dueDate status }
  }
} }`;
const ISSUES = `query($filter: IssueFilterInput) { issues(filter: $filter, first: 10) { edges { node { id status } } pageInfo { hasNextPage } } }`;

describe('Issues over GraphQL: from the reference group to a project-group outcome', () => {
  const clock = new ManualClock('2026-03-02T08:00:00.000Z');
  let t: TestApp;
  let rosa: string;
  let noas: string;
  let udi: string;
  let secretariat: string;
  let auditor: string;

  beforeAll(async () => {
    t = await TestApp.start({ clock });
    await t.listen();
    rosa = await t.token('NGO_REPRESENTATIVE', 'org-rosa', 'rosa-kari');
    noas = await t.token('NGO_REPRESENTATIVE', 'org-noas', 'noas-ola');
    udi = await t.token('AGENCY_MEMBER', 'org-udi', 'udi-anne');
    secretariat = await t.token('SECRETARIAT', 'org-pod', 'pod-sara');
    auditor = await t.token('AUDITOR', 'org-riksrevisjonen', 'auditor-per');
  });
  afterAll(async () => {
    await t.stop();
  });

  const refused = (response: GraphQLResponse, code: string, reason?: string) => {
    expect(response.errors?.[0]?.extensions).toMatchObject({ code, ...(reason ? { reason } : {}) });
  };

  const issueInput = {
    organizationId: 'org-rosa',
    title: 'Shelter capacity for victims of forced labour',
    description: 'Shelters in the east are full and victims wait for weeks.',
    category: 'IDENTIFICATION_AND_ASSISTANCE',
    tags: ['FORCED_LABOUR', 'SEXUAL'],
    citedMeasures: [17, 6],
    urgencyReason: 'Winter makes waiting dangerous',
  };

  async function scheduleAndHold(kind: 'REFERENCE_GROUP' | 'PROJECT_GROUP', startsAt: string, issueId: string, attendees: string[]) {
    const endsAt = new Date(Date.parse(startsAt) + 2 * 3600_000).toISOString();
    const meeting = ok(
      await t.gql(
        'mutation($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { id } }',
        { input: { kind, title: `KOM ${kind} ${startsAt.slice(0, 10)}`, startsAt, endsAt, location: 'Politidirektoratet, Oslo' } },
        secretariat,
      ),
    ).scheduleMeeting as { id: string };
    const placed = ok(await t.gql(PLACE, { input: { issueId, meetingId: meeting.id } }, secretariat)).placeIssueOnAgenda;
    ok(await t.gql('mutation($input: PublishAgendaInput!) { publishAgenda(input: $input) { id } }', { input: { meetingId: meeting.id } }, secretariat));
    clock.set(new Date(Date.parse(startsAt) + 5 * 60_000));
    ok(
      await t.gql(
        'mutation($input: RecordAttendanceInput!) { recordAttendance(input: $input) { id } }',
        { input: { meetingId: meeting.id, organizationIds: attendees } },
        secretariat,
      ),
    );
    return { meetingId: meeting.id, placed };
  }

  it('takes an issue from submission to resolution, with timeline, lineage, subscriptions and every guard', async () => {
    // The submitter follows her organisation's issues; she may not follow another organisation's.
    const statusMessages: string[] = [];
    const subscription = t.subscriber(rosa).iterate<{ issueStatusChanged: { id: string; status: string } }>({
      query: 'subscription { issueStatusChanged(organizationId: "org-rosa") { id status } }',
    });
    const collecting = (async () => {
      for await (const message of subscription) {
        statusMessages.push(message.data!.issueStatusChanged.status);
        if (message.data!.issueStatusChanged.status === 'RESOLVED') break;
      }
    })();
    const foreign = t.subscriber(rosa).iterate({ query: 'subscription { issueStatusChanged(organizationId: "org-noas") { id } }' });
    const foreignResult = await foreign.next().catch((error: unknown) => error);
    expect(JSON.stringify(foreignResult)).toContain('FORBIDDEN');
    await sleep(200); // let graphql-ws register the subscription

    // Privacy guard: a valid national identity number is refused and nothing is stored ...
    const fnr = generatedNationalIdNumber(12, 4, 1987);
    const withNumber = await t.gql(SUBMIT, { input: { ...issueInput, description: `The victim, ${fnr.slice(0, 6)} ${fnr.slice(6)}, waited.` } }, rosa);
    refused(withNumber, 'BAD_USER_INPUT', 'PERSONAL_DATA_REFUSED');
    expect(withNumber.errors?.[0]?.message).toMatch(/national identity number/);
    expect(ok(await t.gql(ISSUES, { filter: { submittingOrganizationId: 'org-rosa' } }, secretariat)).issues.edges).toEqual([]);
    const store = t.app.get<EventStore>(EVENT_STORE);
    expect((await store.readAll()).filter((e) => e.streamId.startsWith('issue-'))).toEqual([]);

    // ... and an NGO representative never acts for another organisation.
    refused(await t.gql(SUBMIT, { input: { ...issueInput, organizationId: 'org-noas' } }, rosa), 'FORBIDDEN', 'NOT_OWN_ORGANIZATION');
    refused(await t.gql(SUBMIT, { input: issueInput }, udi), 'FORBIDDEN');

    // Submitted: eleven digits that fail the checksum are not an identity number, and are accepted.
    const reference = withBadChecksum(fnr);
    const submitted = ok(await t.gql(SUBMIT, { input: { ...issueInput, description: `${issueInput.description} Case ref ${reference}.` } }, rosa)).submitIssue;
    expect(submitted).toMatchObject({
      status: 'SUBMITTED',
      statusLabel: 'Submitted',
      organizationId: 'org-rosa',
      tags: ['SEXUAL', 'FORCED_LABOUR'],
      citedMeasures: [6, 17],
      urgencyReason: 'Winter makes waiting dangerous',
    });
    expect(submitted.description).toContain(reference);
    const issueId: string = submitted.id;

    // Only the submitting organisation edits and withdraws.
    refused(await t.gql(EDIT, { input: { issueId, ...issueInput, organizationId: undefined, title: 'Hijacked' } }, noas), 'FORBIDDEN', 'NOT_OWN_ORGANIZATION');
    refused(await t.gql(WITHDRAW, { input: { issueId, reason: 'Not ours to withdraw' } }, noas), 'FORBIDDEN', 'NOT_OWN_ORGANIZATION');
    const { organizationId: _org, ...content } = issueInput;
    const edited = ok(await t.gql(EDIT, { input: { issueId, ...content, title: 'Shelter capacity in the east' } }, rosa)).editIssue;
    expect(edited).toMatchObject({ title: 'Shelter capacity in the east', status: 'SUBMITTED' });

    // Member organisations comment; the privacy guard applies to comments too.
    refused(await t.gql(COMMENT, { input: { issueId, text: `About ${generatedNationalIdNumber(3, 9, 1979, true)}` } }, udi), 'BAD_USER_INPUT', 'PERSONAL_DATA_REFUSED');
    expect(ok(await t.gql(COMMENT, { input: { issueId, text: 'UDI sees the same in Bergen.' } }, udi)).commentOnIssue.comments).toEqual([
      { organizationId: 'org-udi', text: 'UDI sees the same in Bergen.' },
    ]);
    refused(await t.gql(COMMENT, { input: { issueId, text: 'Auditors only read' } }, auditor), 'FORBIDDEN');

    // NGO representatives cannot place issues; the secretariat places it on a reference-group meeting.
    refused(await t.gql(PLACE, { input: { issueId, meetingId: 'whatever' } }, rosa), 'FORBIDDEN');
    const ref = await scheduleAndHold('REFERENCE_GROUP', '2026-03-05T09:00:00.000Z', issueId, ['org-rosa', 'org-noas']);
    expect(ref.placed).toMatchObject({ status: 'ON_REFERENCE_AGENDA', meetingId: ref.meetingId });
    const refItemId: string = ref.placed.agendaItemId;
    // The agenda item links to the issue, on the meetings side.
    const refMeeting = ok(
      await t.gql('query($id: ID!) { meeting(id: $id) { agenda { id title sourceIssueId presentingOrganizationId } } }', { id: ref.meetingId }, secretariat),
    ).meeting;
    expect(refMeeting.agenda).toEqual([{ id: refItemId, title: 'Shelter capacity in the east', sourceIssueId: issueId, presentingOrganizationId: 'org-rosa' }]);

    // A project-group meeting does not take an issue the reference group has not forwarded.
    const early = ok(
      await t.gql(
        'mutation($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { id } }',
        { input: { kind: 'PROJECT_GROUP', title: 'Too early', startsAt: '2026-04-01T09:00:00.000Z', endsAt: '2026-04-01T11:00:00.000Z', location: 'Oslo' } },
        secretariat,
      ),
    ).scheduleMeeting;
    refused(await t.gql(PLACE, { input: { issueId, meetingId: early.id } }, secretariat), 'CONFLICT', 'ISSUE_NOT_FORWARDED');

    // The reference group forwards it (its decision, recorded on the agenda item).
    const forwarded = ok(await t.gql(FORWARD, { input: { issueId, decision: 'Forwarded to the project group.', rationale: 'A cross-agency matter.' } }, secretariat)).forwardIssue;
    expect(forwarded).toMatchObject({ status: 'FORWARDED', meetingId: null });
    const forwardedAt = clock.now().toISOString();

    // Withdrawing after forwarding is refused; so is editing.
    refused(await t.gql(WITHDRAW, { input: { issueId, reason: 'Changed our minds' } }, rosa), 'CONFLICT', 'ISSUE_ALREADY_FORWARDED');
    refused(await t.gql(EDIT, { input: { issueId, ...content } }, rosa), 'CONFLICT', 'ISSUE_ALREADY_FORWARDED');

    // On the project group's agenda, then resolved with a decision and an action item.
    clock.set('2026-03-10T08:00:00.000Z');
    const pro = await scheduleAndHold('PROJECT_GROUP', '2026-03-12T09:00:00.000Z', issueId, ['org-udi', 'org-politiet']);
    expect(pro.placed).toMatchObject({ status: 'ON_PROJECT_AGENDA', meetingId: pro.meetingId });
    const proItemId: string = pro.placed.agendaItemId;
    const resolved = ok(
      await t.gql(
        RESOLVE,
        {
          input: {
            issueId,
            decision: 'UDI and IMDi map shelter capacity in the east before summer.',
            rationale: 'Capacity is the bottleneck.',
            actionItems: [{ description: 'Map shelter capacity in the east', responsibleOrganizationId: 'org-udi', dueDate: '2026-05-31' }],
          },
        },
        secretariat,
      ),
    ).resolveIssue;
    expect(resolved).toMatchObject({ status: 'RESOLVED', outcomeAt: '2026-03-12T09:05:00.000Z' });

    // A resolved issue is never reopened.
    refused(await t.gql(CLOSE, { input: { issueId, reason: 'Reconsidered' } }, secretariat), 'CONFLICT', 'ISSUE_RESOLVED');

    // The timeline: every step, its time, the actor's organisation and role.
    const issue = ok(await t.gql(ISSUE, { id: issueId }, auditor)).issue;
    expect(issue.timeline.map((s: any) => [s.event, s.status, s.actorOrganizationId, s.actorRole])).toEqual([
      ['IssueSubmitted', 'SUBMITTED', 'org-rosa', 'NGO_REPRESENTATIVE'],
      ['IssueEdited', 'SUBMITTED', 'org-rosa', 'NGO_REPRESENTATIVE'],
      ['IssueCommented', 'SUBMITTED', 'org-udi', 'AGENCY_MEMBER'],
      ['IssuePlacedOnAgenda', 'ON_REFERENCE_AGENDA', 'org-pod', 'SECRETARIAT'],
      ['IssueForwarded', 'FORWARDED', 'org-pod', 'SECRETARIAT'],
      ['IssuePlacedOnAgenda', 'ON_PROJECT_AGENDA', 'org-pod', 'SECRETARIAT'],
      ['IssueResolved', 'RESOLVED', 'org-pod', 'SECRETARIAT'],
    ]);
    expect(issue.timeline[0]).toMatchObject({ at: '2026-03-02T08:00:00.000Z', actorUserId: 'rosa-kari' });
    // Who acted is shown only to whoever may see that organisation's representatives (one rule for both).
    const representativesOf = async (token: string, organizationId: string) =>
      ok(await t.gql('query($id: ID!) { organization(id: $id) { representatives { id } } }', { id: organizationId }, token)).organization.representatives;
    const actorIds = async (token: string) =>
      (ok(await t.gql(ISSUE, { id: issueId }, token)).issue.timeline as any[]).map((s) => [s.actorOrganizationId, s.actorUserId !== null]);
    for (const [reader, token] of [['another NGO', noas], ['the submitting NGO', rosa], ['an agency', udi], ['the secretariat', secretariat]] as const) {
      for (const [organizationId, shown] of await actorIds(token)) {
        expect([reader, organizationId, shown]).toEqual([reader, organizationId, (await representativesOf(token, organizationId)) !== null]);
      }
    }
    expect((await actorIds(noas)).filter(([, shown]) => shown)).toEqual([]);
    expect(await actorIds(rosa)).toContainEqual(['org-rosa', true]);
    expect(issue.timeline[4]).toMatchObject({ meetingId: ref.meetingId, agendaItemId: refItemId, at: '2026-03-05T09:05:00.000Z' });
    expect(issue.timeline[6].decisionId).toBe(resolved.outcomeDecisionId);

    // The lineage: agenda items → decisions → action items.
    expect(issue.lineage.agendaItems).toEqual([
      { meetingId: ref.meetingId, agendaItemId: refItemId, title: 'Shelter capacity in the east', removed: false },
      { meetingId: pro.meetingId, agendaItemId: proItemId, title: 'Shelter capacity in the east', removed: false },
    ]);
    expect(issue.lineage.decisions).toEqual([
      { decisionId: issue.timeline[4].decisionId, meetingId: ref.meetingId, agendaItemId: refItemId, text: 'Forwarded to the project group.', status: 'ACTIVE' },
      {
        decisionId: resolved.outcomeDecisionId,
        meetingId: pro.meetingId,
        agendaItemId: proItemId,
        text: 'UDI and IMDi map shelter capacity in the east before summer.',
        status: 'ACTIVE',
      },
    ]);
    expect(issue.lineage.actionItems).toEqual([
      expect.objectContaining({
        meetingId: pro.meetingId,
        decisionId: resolved.outcomeDecisionId,
        agendaItemId: proItemId,
        responsibleOrganizationId: 'org-udi',
        dueDate: '2026-05-31',
        status: 'OPEN',
      }),
    ]);
    // ... and back: the decision sits on an agenda item whose source is the issue.
    const decision = ok(
      await t.gql('query($id: ID!) { decision(id: $id) { agendaItemId meetingId } }', { id: resolved.outcomeDecisionId }, secretariat),
    ).decision;
    expect(decision).toEqual({ agendaItemId: proItemId, meetingId: pro.meetingId });

    // Time travel: as it stood after the reference group forwarded it.
    const then = ok(await t.gql(ISSUE, { id: issueId, asOf: forwardedAt }, secretariat)).issue;
    expect(then).toMatchObject({ status: 'FORWARDED' });
    expect(then.timeline).toHaveLength(5);
    expect(then.lineage.decisions).toHaveLength(1);
    expect(then.lineage.actionItems).toEqual([]);

    // The submitter saw every move of her issue.
    await collecting;
    expect(statusMessages).toEqual(['SUBMITTED', 'ON_REFERENCE_AGENDA', 'FORWARDED', 'ON_PROJECT_AGENDA', 'RESOLVED']);

    // Lists filter by status, organisation, category, tag, measure and year; NGOs read them all.
    for (const filter of [
      { status: 'RESOLVED' },
      { submittingOrganizationId: 'org-rosa' },
      { category: 'IDENTIFICATION_AND_ASSISTANCE' },
      { tag: 'FORCED_LABOUR' },
      { measure: 17 },
      { year: 2026 },
    ]) {
      expect(ok(await t.gql(ISSUES, { filter }, noas)).issues.edges.map((e: any) => e.node.id)).toEqual([issueId]);
    }
    for (const filter of [{ status: 'SUBMITTED' }, { tag: 'BEGGING' }, { measure: 1 }, { year: 2025 }, { category: 'CHILDREN' }]) {
      expect(ok(await t.gql(ISSUES, { filter }, noas)).issues.edges).toEqual([]);
    }
  });

  it('lets the submitter withdraw before forwarding, and the secretariat close with a reason', async () => {
    clock.set('2026-04-10T08:00:00.000Z');
    const a = ok(await t.gql(SUBMIT, { input: { ...issueInput, title: 'Begging in Oslo', tags: ['BEGGING'], citedMeasures: [] } }, rosa)).submitIssue;
    // An issue cites earlier issues that exist, never an id of nothing.
    const before = ok(await t.gql(ISSUES, {}, rosa)).issues.edges.length;
    refused(await t.gql(SUBMIT, { input: { ...issueInput, citedIssueIds: [a.id, '6f1c0d2e-0000-4000-8000-000000000001'] } }, rosa), 'BAD_USER_INPUT', 'CITED_ISSUE_NOT_FOUND');
    expect(ok(await t.gql(ISSUES, {}, rosa)).issues.edges.length).toBe(before);
    const withdrawn = ok(await t.gql(WITHDRAW, { input: { issueId: a.id, reason: 'The municipality acted' } }, rosa)).withdrawIssue;
    expect(withdrawn).toMatchObject({ status: 'WITHDRAWN', closingReason: 'The municipality acted' });
    refused(await t.gql(COMMENT, { input: { issueId: a.id, text: 'Too late' } }, udi), 'CONFLICT', 'ISSUE_WITHDRAWN');

    const b = ok(await t.gql(SUBMIT, { input: { ...issueInput, title: 'Forced crime', category: 'PROSECUTION', tags: ['FORCED_CRIME'], citedIssueIds: [a.id] } }, rosa)).submitIssue;
    expect(ok(await t.gql('query($id: ID!) { issue(id: $id) { citedIssueIds } }', { id: b.id }, rosa)).issue.citedIssueIds).toEqual([a.id]);
    // The body decides only on an issue on its agenda: nothing is recorded in any meeting.
    refused(await t.gql(FORWARD, { input: { issueId: b.id, decision: 'Forward it' } }, secretariat), 'CONFLICT', 'ISSUE_NOT_ON_AGENDA');
    refused(await t.gql(RESOLVE, { input: { issueId: b.id, decision: 'Resolve it' } }, secretariat), 'CONFLICT', 'ISSUE_NOT_ON_PROJECT_AGENDA');
    clock.set('2026-04-14T08:00:00.000Z');
    refused(await t.gql(CLOSE, { input: { issueId: b.id, reason: 'Dup' } }, udi), 'FORBIDDEN');
    const closed = ok(await t.gql(CLOSE, { input: { issueId: b.id, reason: 'Covered by the resolved shelter issue' } }, secretariat)).closeIssue;
    expect(closed).toMatchObject({ status: 'CLOSED', closingReason: 'Covered by the resolved shelter issue', outcomeAt: '2026-04-14T08:00:00.000Z' });
  });

  it('gives the secretariat, agencies and auditors the figures for the annual status report', async () => {
    const query = `query($year: Int!) { issueStatistics(year: $year) { year submitted outcomes medianDaysToOutcome
      byStatus { key count } byCategory { key count } byTag { key count } byMeasure { key count } } }`;
    const stats = ok(await t.gql(query, { year: 2026 }, auditor)).issueStatistics;
    expect(stats).toMatchObject({ year: 2026, submitted: 3, outcomes: 2 });
    expect(stats.byStatus).toEqual([
      { key: 'CLOSED', count: 1 },
      { key: 'RESOLVED', count: 1 },
      { key: 'WITHDRAWN', count: 1 },
    ]);
    expect(stats.byCategory).toEqual([
      { key: 'IDENTIFICATION_AND_ASSISTANCE', count: 2 },
      { key: 'PROSECUTION', count: 1 },
    ]);
    expect(stats.byTag).toEqual([
      { key: 'BEGGING', count: 1 },
      { key: 'FORCED_CRIME', count: 1 },
      { key: 'FORCED_LABOUR', count: 1 },
      { key: 'SEXUAL', count: 1 },
    ]);
    expect(stats.byMeasure).toEqual([
      { key: '6', count: 2 },
      { key: '17', count: 2 },
    ]);
    // Resolved after 10.05 days (2 March 08:00 → 12 March 09:05), closed after 4 days: median 7.02.
    expect(stats.medianDaysToOutcome).toBeCloseTo(7.02, 2);
    refused(await t.gql(query, { year: 2026 }, rosa), 'FORBIDDEN');
    expect(ok(await t.gql(query, { year: 2025 }, secretariat)).issueStatistics).toMatchObject({ submitted: 0, outcomes: 0, medianDaysToOutcome: null });
  });
});
