import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { ManualClock } from '@kom/platform';
import { sleep } from '../support/helpers';
import { TestApp } from '../support/test-app';

/**
 * The real application (embedded store, temporary data directory) with a manual clock, so that
 * meetings can be planned ahead and then held: the decider refuses meetings in the past and
 * attendance before a meeting has started.
 */
const MEETING_FIELDS = `id kind kindLabel kindLabelEn: kindLabel(lang: EN) title startsAt endsAt location videoLink status statusLabel
  seriesId seriesIndex agendaPublishedAt cancelledReason minutesStatus minutesStatusLabel revision asOf`;
const AGENDA_FIELDS = `agenda { id position title description presentingOrganizationId citedMeasures sourceIssueId
  addedByAmendment updatedByAmendment removedByAmendment removalReason }`;
const DECISION_FIELDS = `id meetingId agendaItemId text rationale citedMeasures reviewDate status statusLabel statusLabelEn: statusLabel(lang: EN)
  supersedes supersededBy revokedReason positions { organizationId position positionLabel positionLabelEn: positionLabel(lang: EN) reason }`;
const ACTION_ITEM_FIELDS = `id meetingId decisionId agendaItemId description responsibleOrganizationId dueDate status statusLabel overdue
  completionNote cancelledReason`;
const FULL_MEETING = `${MEETING_FIELDS} ${AGENDA_FIELDS}
  amendments { kind kindLabel itemId title reason itemIds }
  attendance { organizationId }
  decisions { ${DECISION_FIELDS} }
  actionItems { ${ACTION_ITEM_FIELDS} }
  minutes { text status statusLabel approvedAtMeetingId }
  suggestedAgendaItems { id }`;

const PLAN_SERIES = `mutation($input: PlanMeetingSeriesInput!) { planMeetingSeries(input: $input) { ${MEETING_FIELDS} } }`;
const SCHEDULE = `mutation($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { ${MEETING_FIELDS} } }`;
const ADD_ITEM = `mutation($input: AddAgendaItemInput!) { addAgendaItem(input: $input) { ${MEETING_FIELDS} ${AGENDA_FIELDS} } }`;
const UPDATE_ITEM = `mutation($input: UpdateAgendaItemInput!) { updateAgendaItem(input: $input) { ${AGENDA_FIELDS} } }`;
const REORDER = `mutation($input: ReorderAgendaInput!) { reorderAgenda(input: $input) { ${AGENDA_FIELDS} } }`;
const REMOVE_ITEM = `mutation($input: RemoveAgendaItemInput!) { removeAgendaItem(input: $input) { ${AGENDA_FIELDS} amendments { kind itemId title reason } } }`;
const PUBLISH = `mutation($input: PublishAgendaInput!) { publishAgenda(input: $input) { ${MEETING_FIELDS} } }`;
const ATTEND = `mutation($input: RecordAttendanceInput!) { recordAttendance(input: $input) { status statusLabel attendance { organizationId } } }`;
const DECIDE = `mutation($input: RecordDecisionInput!) { recordDecision(input: $input) { ${DECISION_FIELDS} } }`;
const POSITION = `mutation($input: RecordPositionInput!) { recordPosition(input: $input) { ${DECISION_FIELDS} } }`;
const SUPERSEDE = `mutation($input: SupersedeDecisionInput!) { supersedeDecision(input: $input) { ${DECISION_FIELDS} } }`;
const ASSIGN = `mutation($input: AssignActionItemInput!) { assignActionItem(input: $input) { ${ACTION_ITEM_FIELDS} } }`;
const COMPLETE = `mutation($input: CompleteActionItemInput!) { completeActionItem(input: $input) { ${ACTION_ITEM_FIELDS} } }`;
const MINUTES = `mutation($input: RecordMinutesInput!) { recordMinutes(input: $input) { minutesStatus minutes { text status approvedAtMeetingId } } }`;
const APPROVE = `mutation($input: ApproveMinutesInput!) { approveMinutes(input: $input) { minutesStatus minutes { text status approvedAtMeetingId } } }`;
const MEETING = `query($id: ID!, $asOf: String) { meeting(id: $id, asOf: $asOf) { ${FULL_MEETING} } }`;
const MEETINGS = `query($filter: MeetingFilter, $first: Int, $after: String) { meetings(filter: $filter, first: $first, after: $after) {
  edges { cursor node { ${MEETING_FIELDS} } } pageInfo { hasNextPage endCursor } } }`;
const DECISIONS = `query($filter: DecisionFilter) { decisions(filter: $filter, first: 100) { edges { node { ${DECISION_FIELDS} } } } }`;
const ACTION_ITEMS = `query($filter: ActionItemFilter) { actionItems(filter: $filter, first: 100) { edges { node { ${ACTION_ITEM_FIELDS} } } } }`;

const PROJECT_MEMBERS = ['org-politiet', 'org-udi', 'org-imdi', 'org-nav'];

const ids = (list: Array<{ id: string }>) => list.map((x) => x.id);
const nodes = (connection: { edges: Array<{ node: any }> }) => connection.edges.map((e) => e.node);

describe('Meetings over GraphQL: a whole cycle', () => {
  const clock = new ManualClock('2027-01-04T08:00:00.000Z');
  let t: TestApp;
  let secretariat: string;
  let agency: string;
  let ngo: string;
  let auditor: string;

  // Filled in as the cycle goes.
  let series: any[];
  let first: any;
  let second: any;
  let itemA: string;
  let itemB: string;
  let itemD: string;
  let decision: any;
  let actionItem: any;
  let beforePublishing: string;
  let beforeAmendment: string;

  const ok = <T = any>(query: string, variables: Record<string, unknown>, token = secretariat): Promise<T> => t.data<T>(query, variables, token);
  const refused = async (query: string, variables: Record<string, unknown>, token = secretariat) => {
    const response = await t.gql(query, variables, token);
    expect(response.errors).toBeDefined();
    return response.errors![0]!;
  };
  /** A moment strictly between two commands, for asOf. */
  const instantBetween = (): string => {
    clock.advance(60_000);
    const at = clock.now().toISOString();
    clock.advance(60_000);
    return at;
  };

  beforeAll(async () => {
    t = await TestApp.start({ clock });
    secretariat = await t.token('SECRETARIAT', 'org-pod', 'sara');
    agency = await t.token('AGENCY_MEMBER', 'org-nav', 'nils');
    ngo = await t.token('NGO_REPRESENTATIVE', 'org-rosa', 'nina');
    auditor = await t.token('AUDITOR', 'org-riksrevisjonen', 'aud');
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('plans a monthly series of project-group meetings', async () => {
    const data = await ok(PLAN_SERIES, {
      input: {
        kind: 'PROJECT_GROUP',
        title: 'Prosjektgruppemøte',
        firstStartsAt: '2027-01-12T09:00:00+01:00',
        firstEndsAt: '2027-01-12T11:00:00+01:00',
        count: 3,
        location: 'Politidirektoratet, Oslo',
      },
    });
    series = data.planMeetingSeries;
    expect(series.map((m: any) => [m.seriesIndex, m.startsAt, m.status])).toEqual([
      [0, '2027-01-12T08:00:00.000Z', 'SCHEDULED'],
      [1, '2027-02-12T08:00:00.000Z', 'SCHEDULED'],
      [2, '2027-03-12T08:00:00.000Z', 'SCHEDULED'],
    ]);
    expect(series[0]).toMatchObject({
      kind: 'PROJECT_GROUP',
      kindLabel: 'Prosjektgruppemøte',
      kindLabelEn: 'Project group meeting',
      statusLabel: 'Planlagt',
      minutesStatus: 'NONE',
      location: 'Politidirektoratet, Oslo',
      agendaPublishedAt: null,
      asOf: null,
    });
    [first, second] = series;

    // Readable by every role, paged and filtered.
    const page1 = await ok(MEETINGS, { filter: { seriesId: first.seriesId }, first: 2 }, ngo);
    expect(ids(nodes(page1.meetings))).toEqual([series[0].id, series[1].id]);
    expect(page1.meetings.pageInfo.hasNextPage).toBe(true);
    const page2 = await ok(MEETINGS, { filter: { seriesId: first.seriesId }, first: 2, after: page1.meetings.pageInfo.endCursor }, auditor);
    expect(ids(nodes(page2.meetings))).toEqual([series[2].id]);
    expect(page2.meetings.pageInfo.hasNextPage).toBe(false);
    const february = await ok(MEETINGS, { filter: { kind: 'PROJECT_GROUP', from: '2027-02-01', to: '2027-03-01' } }, agency);
    expect(ids(nodes(february.meetings))).toEqual([second.id]);
    const joint = await ok(MEETINGS, { filter: { kind: 'JOINT' } }, agency);
    expect(nodes(joint.meetings)).toEqual([]);
    const tooMany = await refused(MEETINGS, { first: 101 }, agency);
    expect(tooMany.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'PAGE_SIZE_OUT_OF_RANGE' });
    const badDate = await refused(MEETINGS, { filter: { from: 'yesterday' } }, agency);
    expect(badDate.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_DATE' });
    const badCursor = await refused(MEETINGS, { after: Buffer.from('nope').toString('base64url') }, agency);
    expect(badCursor.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_CURSOR' });
  });

  it('refuses meeting management to anyone but the secretariat', async () => {
    const input = { kind: 'PROJECT_GROUP', title: 'Skyggemøte', startsAt: '2027-05-01T08:00:00Z', endsAt: '2027-05-01T09:00:00Z', location: 'X' };
    expect((await refused(SCHEDULE, { input }, agency)).extensions).toMatchObject({ code: 'FORBIDDEN' });
    expect((await refused(SCHEDULE, { input }, ngo)).extensions).toMatchObject({ code: 'FORBIDDEN' });
    const past = await refused(SCHEDULE, { input: { ...input, startsAt: '2026-05-01T08:00:00Z', endsAt: '2026-05-01T09:00:00Z' } });
    expect(past.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'MEETING_IN_THE_PAST' });
  });

  it('drafts an agenda that only the secretariat can see', async () => {
    const a = await ok(ADD_ITEM, {
      input: {
        meetingId: first.id,
        title: 'Identifisering av ofre',
        description: 'Rutiner for identifisering på tvers av etatene',
        presentingOrganizationId: 'org-udi',
        citedMeasures: [6],
      },
    });
    itemA = a.addAgendaItem.agenda[0].id;
    const b = await ok(ADD_ITEM, {
      input: { meetingId: first.id, title: 'Samarbeidsavtaler med politiet', presentingOrganizationId: 'org-politiet', citedMeasures: [34] },
    });
    itemB = b.addAgendaItem.agenda[1].id;
    const c = await ok(ADD_ITEM, { input: { meetingId: first.id, title: 'Eventuelt', position: 0 } });
    const itemC = c.addAgendaItem.agenda[0].id;
    expect(c.addAgendaItem.agenda.map((i: any) => [i.id, i.position])).toEqual([
      [itemC, 0],
      [itemA, 1],
      [itemB, 2],
    ]);
    const reordered = await ok(REORDER, { input: { meetingId: first.id, itemIds: [itemA, itemB, itemC] } });
    expect(reordered.reorderAgenda.agenda.map((i: any) => i.id)).toEqual([itemA, itemB, itemC]);
    const notPermutation = await refused(REORDER, { input: { meetingId: first.id, itemIds: [itemA, itemB] } });
    expect(notPermutation.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'AGENDA_REORDER_NOT_A_PERMUTATION' });
    // Removed while drafting: gone, not an amendment.
    const removed = await ok(REMOVE_ITEM, { input: { meetingId: first.id, itemId: itemC } });
    expect(removed.removeAgendaItem.agenda.map((i: any) => i.id)).toEqual([itemA, itemB]);
    expect(removed.removeAgendaItem.amendments).toEqual([]);
    expect(removed.removeAgendaItem.agenda[0]).toEqual({
      id: itemA,
      position: 0,
      title: 'Identifisering av ofre',
      description: 'Rutiner for identifisering på tvers av etatene',
      presentingOrganizationId: 'org-udi',
      citedMeasures: [6],
      sourceIssueId: null,
      addedByAmendment: false,
      updatedByAmendment: false,
      removedByAmendment: false,
      removalReason: null,
    });

    const query = `query($id: ID!) { meeting(id: $id) { title status agenda { id } } }`;
    for (const token of [ngo, agency, auditor]) {
      const hidden = await t.gql(query, { id: first.id }, token);
      expect(hidden.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'AGENDA_NOT_PUBLISHED' });
      expect(hidden.errors?.[0]?.path).toEqual(['meeting', 'agenda']);
      expect(hidden.data?.meeting).toEqual({ title: 'Prosjektgruppemøte', status: 'SCHEDULED', agenda: null });
    }
    expect((await ok(query, { id: first.id })).meeting.agenda.map((i: any) => i.id)).toEqual([itemA, itemB]);
  });

  it('publishes the agenda: now everyone reads it', async () => {
    beforePublishing = instantBetween();
    const published = await ok(PUBLISH, { input: { meetingId: first.id } });
    expect(published.publishAgenda).toMatchObject({ status: 'PUBLISHED', statusLabel: 'Saksliste publisert', agendaPublishedAt: clock.now().toISOString() });
    const read = await ok(`query($id: ID!) { meeting(id: $id) { agenda { id addedByAmendment } amendments { kind } } }`, { id: first.id }, ngo);
    expect(read.meeting).toEqual({
      agenda: [
        { id: itemA, addedByAmendment: false },
        { id: itemB, addedByAmendment: false },
      ],
      amendments: [],
    });
  });

  it('amends the published agenda: every change stays visible as an amendment', async () => {
    beforeAmendment = instantBetween();
    const added = await ok(ADD_ITEM, {
      input: { meetingId: first.id, title: 'Forfalte oppfølgingspunkter', citedMeasures: [6, 34], position: 1 },
    });
    itemD = added.addAgendaItem.agenda[1].id;
    await ok(UPDATE_ITEM, { input: { meetingId: first.id, itemId: itemA, title: 'Identifisering av ofre – nye rutiner' } });
    await ok(REMOVE_ITEM, { input: { meetingId: first.id, itemId: itemB, reason: 'Utsatt til neste møte' } });

    const { meeting } = await ok(MEETING, { id: first.id }, ngo);
    expect(meeting.agenda.map((i: any) => [i.id, i.position, i.title, i.addedByAmendment, i.updatedByAmendment, i.removedByAmendment])).toEqual([
      [itemA, 0, 'Identifisering av ofre – nye rutiner', false, true, false],
      [itemD, 1, 'Forfalte oppfølgingspunkter', true, false, false],
      [itemB, null, 'Samarbeidsavtaler med politiet', false, false, true],
    ]);
    expect(meeting.agenda[0].description).toBe('Rutiner for identifisering på tvers av etatene'); // omitted: unchanged
    expect(meeting.agenda[2].removalReason).toBe('Utsatt til neste møte');
    expect(meeting.amendments).toEqual([
      { kind: 'ADDED', kindLabel: 'Sak lagt til', itemId: itemD, title: 'Forfalte oppfølgingspunkter', reason: null, itemIds: null },
      { kind: 'UPDATED', kindLabel: 'Sak endret', itemId: itemA, title: 'Identifisering av ofre – nye rutiner', reason: null, itemIds: null },
      { kind: 'REMOVED', kindLabel: 'Sak fjernet', itemId: itemB, title: 'Samarbeidsavtaler med politiet', reason: 'Utsatt til neste møte', itemIds: null },
    ]);
  });

  it('answers the meeting as of an earlier instant from its own events', async () => {
    const { meeting } = await ok(MEETING, { id: first.id, asOf: beforeAmendment }, ngo);
    expect(meeting).toMatchObject({ id: first.id, status: 'PUBLISHED', asOf: beforeAmendment, minutesStatus: 'NONE' });
    expect(meeting.agenda.map((i: any) => [i.id, i.position, i.title])).toEqual([
      [itemA, 0, 'Identifisering av ofre'],
      [itemB, 1, 'Samarbeidsavtaler med politiet'],
    ]);
    // Before the meeting was scheduled it did not exist.
    expect((await ok(MEETING, { id: first.id, asOf: '2027-01-01T00:00:00Z' }, ngo)).meeting).toBeNull();
    const bad = await refused(MEETING, { id: first.id, asOf: 'last tuesday' }, ngo);
    expect(bad.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_INSTANT' });
  });

  it('keeps a draft agenda hidden on the asOf path too', async () => {
    const query = `query($id: ID!, $asOf: String) { meeting(id: $id, asOf: $asOf) { status agenda { id } } }`;
    const hidden = await t.gql(query, { id: first.id, asOf: beforePublishing }, ngo);
    expect(hidden.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'AGENDA_NOT_PUBLISHED' });
    expect(hidden.data?.meeting).toEqual({ status: 'SCHEDULED', agenda: null });
    const shown = await ok(query, { id: first.id, asOf: beforePublishing });
    expect(shown.meeting).toEqual({ status: 'SCHEDULED', agenda: [{ id: itemA }, { id: itemB }] });
  });

  it('holds the meeting: attendance only of members of the body', async () => {
    const early = await refused(ATTEND, { input: { meetingId: first.id, organizationIds: PROJECT_MEMBERS } });
    expect(early.extensions).toMatchObject({ code: 'CONFLICT', reason: 'MEETING_NOT_STARTED' });
    clock.set('2027-01-12T08:05:00.000Z');
    const outsider = await refused(ATTEND, { input: { meetingId: first.id, organizationIds: ['org-udi', 'org-rosa'] } });
    expect(outsider.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'ATTENDEE_NOT_A_MEMBER' });
    const held = await ok(ATTEND, { input: { meetingId: first.id, organizationIds: PROJECT_MEMBERS } });
    expect(held.recordAttendance).toEqual({
      status: 'HELD',
      statusLabel: 'Avholdt',
      attendance: [...PROJECT_MEMBERS].sort().map((organizationId) => ({ organizationId })),
    });
    const frozen = await refused(ADD_ITEM, { input: { meetingId: first.id, title: 'For sent' } });
    expect(frozen.extensions).toMatchObject({ code: 'CONFLICT', reason: 'MEETING_ALREADY_HELD' });
  });

  it('records a decision with an objection, and positions of members for their own organisation', async () => {
    const data = await ok(DECIDE, {
      input: {
        meetingId: first.id,
        agendaItemId: itemA,
        text: 'Etatene tar i bruk felles rutiner for identifisering.',
        rationale: 'Tiltak 6 og 34',
        citedMeasures: [34, 6],
        reviewDate: '2027-06-01',
        positions: [
          { organizationId: 'org-udi', position: 'SUPPORTS' },
          { organizationId: 'org-politiet', position: 'SUPPORTS' },
          { organizationId: 'org-imdi', position: 'OBJECTS', reason: 'Mangler finansiering' },
        ],
      },
    });
    decision = data.recordDecision;
    expect(decision).toMatchObject({
      meetingId: first.id,
      agendaItemId: itemA,
      citedMeasures: [6, 34],
      reviewDate: '2027-06-01',
      status: 'ACTIVE',
      statusLabel: 'Gjeldende',
      statusLabelEn: 'Active',
      supersedes: null,
      supersededBy: null,
    });
    expect(decision.positions).toEqual([
      { organizationId: 'org-imdi', position: 'OBJECTS', positionLabel: 'Har innsigelse', positionLabelEn: 'Objects', reason: 'Mangler finansiering' },
      { organizationId: 'org-politiet', position: 'SUPPORTS', positionLabel: 'Støtter', positionLabelEn: 'Supports', reason: null },
      { organizationId: 'org-udi', position: 'SUPPORTS', positionLabel: 'Støtter', positionLabelEn: 'Supports', reason: null },
    ]);

    const own = await ok(POSITION, { input: { decisionId: decision.id, organizationId: 'org-nav', position: 'ABSTAINS' } }, agency);
    expect(own.recordPosition.positions.map((p: any) => [p.organizationId, p.position])).toContainEqual(['org-nav', 'ABSTAINS']);
    const other = await refused(POSITION, { input: { decisionId: decision.id, organizationId: 'org-udi', position: 'OBJECTS', reason: 'x' } }, agency);
    expect(other.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_OWN_ORGANIZATION' });
    const noReason = await refused(POSITION, { input: { decisionId: decision.id, organizationId: 'org-nav', position: 'OBJECTS' } }, agency);
    expect(noReason.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'OBJECTION_NEEDS_REASON' });
    const auditorTry = await refused(POSITION, { input: { decisionId: decision.id, organizationId: 'org-nav', position: 'SUPPORTS' } }, auditor);
    expect(auditorTry.extensions).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('assigns an action item and drafts the minutes', async () => {
    const data = await ok(ASSIGN, {
      input: { meetingId: first.id, decisionId: decision.id, description: 'Utarbeide felles rutine', responsibleOrganizationId: 'org-udi', dueDate: '2027-02-01' },
    });
    actionItem = data.assignActionItem;
    expect(actionItem).toMatchObject({ meetingId: first.id, decisionId: decision.id, agendaItemId: itemA, status: 'OPEN', statusLabel: 'Åpen', overdue: false });
    const tooEarly = await refused(ASSIGN, {
      input: { meetingId: first.id, description: 'x', responsibleOrganizationId: 'org-udi', dueDate: '2027-01-01' },
    });
    expect(tooEarly.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'DUE_DATE_BEFORE_MEETING' });

    const minutes = await ok(MINUTES, { input: { meetingId: first.id, text: 'Referat fra prosjektgruppemøtet 12. januar.' } });
    expect(minutes.recordMinutes).toEqual({
      minutesStatus: 'DRAFT',
      minutes: { text: 'Referat fra prosjektgruppemøtet 12. januar.', status: 'DRAFT', approvedAtMeetingId: null },
    });
  });

  it('offers the overdue action item at the next meeting of the body, and lists it as overdue', async () => {
    const before = await ok(ACTION_ITEMS, { filter: { overdue: true } }, ngo);
    expect(nodes(before.actionItems)).toEqual([]);
    clock.set('2027-02-05T09:00:00.000Z'); // due 2027-02-01: overdue now
    const overdue = await ok(ACTION_ITEMS, { filter: { overdue: true } }, ngo);
    expect(ids(nodes(overdue.actionItems))).toEqual([actionItem.id]);
    expect(nodes(overdue.actionItems)[0].overdue).toBe(true);
    const byOrg = await ok(ACTION_ITEMS, { filter: { responsibleOrganizationId: 'org-udi', status: 'OPEN' } }, agency);
    expect(ids(nodes(byOrg.actionItems))).toEqual([actionItem.id]);
    const other = await ok(ACTION_ITEMS, { filter: { responsibleOrganizationId: 'org-nav' } }, agency);
    expect(nodes(other.actionItems)).toEqual([]);

    const next = await ok(`query($id: ID!) { meeting(id: $id) { suggestedAgendaItems { id description dueDate } } }`, { id: second.id }, agency);
    expect(next.meeting.suggestedAgendaItems).toEqual([{ id: actionItem.id, description: 'Utarbeide felles rutine', dueDate: '2027-02-01' }]);
    const same = await ok(`query($id: ID!) { meeting(id: $id) { suggestedAgendaItems { id } } }`, { id: first.id }, agency);
    expect(same.meeting.suggestedAgendaItems).toEqual([]);
  });

  it('approves the minutes at the next meeting of the body, and supersedes the decision there', async () => {
    const item = await ok(ADD_ITEM, { input: { meetingId: second.id, title: 'Godkjenning av referat og oppfølging', citedMeasures: [6] } });
    const itemE = item.addAgendaItem.agenda[0].id;
    await ok(PUBLISH, { input: { meetingId: second.id } });

    const notHeld = await refused(APPROVE, { input: { meetingId: first.id, approvingMeetingId: second.id } });
    expect(notHeld.extensions).toMatchObject({ code: 'CONFLICT', reason: 'APPROVING_MEETING_NOT_HELD' });

    clock.set('2027-02-12T08:10:00.000Z');
    await ok(ATTEND, { input: { meetingId: second.id, organizationIds: PROJECT_MEMBERS } });
    const approved = await ok(APPROVE, { input: { meetingId: first.id, approvingMeetingId: second.id } });
    expect(approved.approveMinutes).toEqual({
      minutesStatus: 'APPROVED',
      minutes: { text: 'Referat fra prosjektgruppemøtet 12. januar.', status: 'APPROVED', approvedAtMeetingId: second.id },
    });
    const immutable = await refused(MINUTES, { input: { meetingId: first.id, text: 'Endret' } });
    expect(immutable.extensions).toMatchObject({ code: 'CONFLICT', reason: 'MINUTES_ALREADY_APPROVED' });

    const replacing = await ok(DECIDE, {
      input: {
        meetingId: second.id,
        agendaItemId: itemE,
        text: 'Felles rutiner for identifisering, med finansiering fra 2028.',
        citedMeasures: [6],
        supersedes: decision.id,
        positions: [{ organizationId: 'org-imdi', position: 'SUPPORTS' }],
      },
    });
    const newDecision = replacing.recordDecision;
    expect(newDecision).toMatchObject({ supersedes: decision.id, status: 'ACTIVE' });
    // Recording it superseded the one it names, in the same write.
    const { decision: old } = await ok(`query($id: ID!) { decision(id: $id) { ${DECISION_FIELDS} } }`, { id: decision.id });
    expect(old).toMatchObject({ id: decision.id, status: 'SUPERSEDED', statusLabel: 'Erstattet', supersededBy: newDecision.id });
    // Asking for it again (as clients did before) answers the same, and changes nothing.
    const superseded = await ok(SUPERSEDE, { input: { decisionId: decision.id, supersededByDecisionId: newDecision.id } });
    expect(superseded.supersedeDecision).toEqual(old);

    const active = await ok(DECISIONS, { filter: { status: 'ACTIVE' } }, ngo);
    expect(ids(nodes(active.decisions))).toEqual([newDecision.id]);
    const measure34 = await ok(DECISIONS, { filter: { measure: 34 } }, ngo);
    expect(ids(nodes(measure34.decisions))).toEqual([decision.id]);
    const imdi = await ok(DECISIONS, { filter: { organizationId: 'org-imdi' } }, ngo);
    expect(ids(nodes(imdi.decisions))).toEqual([decision.id, newDecision.id]);
    const presenter = await ok(DECISIONS, { filter: { organizationId: 'org-udi', status: 'SUPERSEDED' } }, ngo);
    expect(ids(nodes(presenter.decisions))).toEqual([decision.id]);
    const body = await ok(DECISIONS, { filter: { kind: 'REFERENCE_GROUP' } }, ngo);
    expect(nodes(body.decisions)).toEqual([]);

    // The auditors' register: by meeting, and by when recorded (from inclusive, to exclusive).
    const atSecond = await ok(DECISIONS, { filter: { meetingId: second.id } }, auditor);
    expect(ids(nodes(atSecond.decisions))).toEqual([newDecision.id]);
    const { decision: laterOne } = await ok('query($id: ID!) { decision(id: $id) { recordedAt } }', { id: newDecision.id }, auditor);
    expect(laterOne.recordedAt > (await ok('query($id: ID!) { decision(id: $id) { recordedAt } }', { id: decision.id }, auditor)).decision.recordedAt).toBe(true);
    const fromLater = await ok(DECISIONS, { filter: { from: laterOne.recordedAt } }, auditor);
    expect(ids(nodes(fromLater.decisions))).toEqual([newDecision.id]);
    // The same instant in another zone's spelling means the same: normalised before comparing.
    const oslo = new Date(Date.parse(laterOne.recordedAt)).toISOString().replace('Z', '+00:00');
    const beforeLater = await ok(DECISIONS, { filter: { to: oslo } }, auditor);
    expect(ids(nodes(beforeLater.decisions))).toEqual([decision.id]);
    const badFrom = await refused(DECISIONS, { filter: { from: 'last tuesday' } }, auditor);
    expect(badFrom.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_TIME' });
    const backwards = await refused(DECISIONS, { filter: { from: laterOne.recordedAt, to: laterOne.recordedAt } }, auditor);
    expect(backwards.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_TIME_RANGE' });

    // The responsible organisation follows up its own item: progress notes, in order; others are refused.
    const udi = await t.token('AGENCY_MEMBER', 'org-udi', 'ulla');
    const PROGRESS = `mutation($input: ReportActionItemProgressInput!) { reportActionItemProgress(input: $input) { id status progress { note organizationId reportedAt } } }`;
    const notNav = await refused(PROGRESS, { input: { actionItemId: actionItem.id, note: 'Vi tar den' } }, agency);
    expect(notNav.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_OWN_ORGANIZATION' });
    expect((await refused(PROGRESS, { input: { actionItemId: actionItem.id, note: 'Sett' } }, auditor)).extensions).toMatchObject({ code: 'FORBIDDEN' });
    expect((await refused(PROGRESS, { input: { actionItemId: actionItem.id, note: ' ' } }, udi)).extensions).toMatchObject({ reason: 'NOTE_REQUIRED' });
    await ok(PROGRESS, { input: { actionItemId: actionItem.id, note: 'Utkast på høring' } }, udi);
    const noted = (await ok(PROGRESS, { input: { actionItemId: actionItem.id, note: 'Høringen er over' } }, udi)).reportActionItemProgress;
    expect(noted.status).toBe('OPEN');
    expect(noted.progress.map((p: { note: string; organizationId: string }) => [p.note, p.organizationId])).toEqual([
      ['Utkast på høring', 'org-udi'],
      ['Høringen er over', 'org-udi'],
    ]);
    expect((await refused(COMPLETE, { input: { actionItemId: actionItem.id } }, agency)).extensions).toMatchObject({ reason: 'NOT_OWN_ORGANIZATION' });

    const completed = await ok(COMPLETE, { input: { actionItemId: actionItem.id, note: 'Rutinen er vedtatt' } });
    expect(completed.completeActionItem).toMatchObject({ status: 'COMPLETED', statusLabel: 'Fullført', overdue: false, completionNote: 'Rutinen er vedtatt' });
    const suggestions = await ok(`query($id: ID!) { meeting(id: $id) { suggestedAgendaItems { id } } }`, { id: series[2].id }, agency);
    expect(suggestions.meeting.suggestedAgendaItems).toEqual([]);
  });

  it('shows the whole record of the first meeting, and its state before the amendment unchanged', async () => {
    const { meeting } = await ok(MEETING, { id: first.id }, auditor);
    expect(meeting).toMatchObject({ status: 'HELD', minutesStatus: 'APPROVED', minutesStatusLabel: 'Godkjent' });
    expect(meeting.attendance).toHaveLength(4);
    expect(meeting.decisions.map((d: any) => [d.id, d.status, d.supersededBy])).toEqual([[decision.id, 'SUPERSEDED', expect.any(String)]]);
    expect(meeting.actionItems.map((a: any) => [a.id, a.status])).toEqual([[actionItem.id, 'COMPLETED']]);
    const asOf = await ok(MEETING, { id: first.id, asOf: beforeAmendment }, auditor);
    expect(asOf.meeting.agenda.map((i: any) => i.title)).toEqual(['Identifisering av ofre', 'Samarbeidsavtaler med politiet']);
    expect(asOf.meeting.decisions).toEqual([]);
  });

  it('pushes the meeting after each change to its agenda (agendaChanged)', async () => {
    await t.listen();
    const client = t.subscriber(secretariat);
    const third = series[2];
    const subscription = client.iterate<{ agendaChanged: { id: string; agenda: Array<{ title: string }> } }>({
      query: `subscription($meetingId: ID!) { agendaChanged(meetingId: $meetingId) { id agenda { title } } }`,
      variables: { meetingId: third.id },
    });
    const next = subscription.next();
    await sleep(200);
    await ok(ADD_ITEM, { input: { meetingId: third.id, title: 'Status for tiltak 34' } });
    const { value } = await next;
    expect(value?.data?.agendaChanged).toEqual({ id: third.id, agenda: [{ title: 'Status for tiltak 34' }] });
    await subscription.return?.();
  });

  it('rebuilds the same read models from the log', async () => {
    const snapshot = async () => ({
      meetings: await ok(MEETINGS, { first: 100 }, auditor),
      first: await ok(MEETING, { id: first.id }, secretariat),
      second: await ok(MEETING, { id: second.id }, secretariat),
      third: await ok(MEETING, { id: series[2].id }, secretariat),
      decisions: await ok(DECISIONS, {}, auditor),
      actionItems: await ok(ACTION_ITEMS, {}, auditor),
    });
    const before = await snapshot();
    const dataDir = t.config.dataDir;
    await t.stop({ keepData: true });
    for (const file of ['read-models.sqlite', 'read-models.sqlite-wal', 'read-models.sqlite-shm']) rmSync(join(dataDir, file), { force: true });
    t = await TestApp.start({ clock, dataDir });
    // Start-up replays the log into the empty read-model database; wait until it has caught up.
    for (let i = 0; i < 100; i++) {
      const status = await ok('{ platformStatus { caughtUp } }', {}, secretariat);
      if (status.platformStatus.caughtUp) break;
      await sleep(50);
    }
    expect(await snapshot()).toEqual(before);
  });
});
