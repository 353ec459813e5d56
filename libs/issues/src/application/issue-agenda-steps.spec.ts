import { fold, type Actor, defaultPlanRefs } from '@kom/kernel';
import { meetingDecider, type MeetingEvent } from '@kom/meetings';
import { issueDecider } from '../domain/issue.decider';
import type { IssueEvent } from '../domain/issue.events';
import { decideOnIssue, placeIssueOnAgenda, recordDecisionOnIssueItem } from './issue-agenda-steps';

const secretariat: Actor = { userId: 'u-sec', organizationId: 'org-pod', role: 'SECRETARIAT' };
const context = { now: new Date('2026-03-02T09:00:00.000Z'), actor: secretariat };
const during = { ...context, now: new Date('2026-03-10T09:30:00.000Z') };
const issueId = 'issue-1';

const submitted: IssueEvent = {
  type: 'IssueSubmitted',
  data: {
    issueId,
    organizationId: 'org-rosa',
    title: 'Shelter capacity',
    description: 'Shelters are full.',
    category: 'IDENTIFICATION_AND_ASSISTANCE',
    tags: [],
    citedMeasures: defaultPlanRefs([17]),
    urgency: null,
    citedIssueIds: [],
  },
};
const withdrawn: IssueEvent = { type: 'IssueWithdrawn', data: { issueId, reason: 'Solved' } };
const forwarded: IssueEvent[] = [
  { type: 'IssuePlacedOnAgenda', data: { issueId, meetingId: 'm-ref', agendaItemId: 'item-ref', body: 'REFERENCE_GROUP' } },
  { type: 'IssueForwarded', data: { issueId, meetingId: 'm-ref', agendaItemId: 'item-ref', decisionId: 'd-ref' } },
];
const onProject: IssueEvent = { type: 'IssuePlacedOnAgenda', data: { issueId, meetingId: 'm-pro', agendaItemId: 'item-pro', body: 'PROJECT_GROUP' } };

const meetingScheduled = (meetingId: string, kind: 'REFERENCE_GROUP' | 'PROJECT_GROUP'): MeetingEvent => ({
  type: 'MeetingScheduled',
  data: { meetingId, kind, title: 'KOM', startsAt: '2026-03-10T09:00:00.000Z', endsAt: '2026-03-10T11:00:00.000Z', location: 'Oslo', videoLink: null, seriesId: null, seriesIndex: null, timeZone: 'Europe/Oslo' },
});
const heldProjectMeeting: MeetingEvent[] = [
  meetingScheduled('m-pro', 'PROJECT_GROUP'),
  {
    type: 'AgendaItemAdded',
    data: { meetingId: 'm-pro', itemId: 'item-pro', title: 'Shelter capacity', description: '', presentingOrganizationId: null, citedMeasures: [], sourceIssueId: issueId, position: 0, amendment: false },
  },
  { type: 'AgendaPublished', data: { meetingId: 'm-pro', publishedAt: '2026-03-02T09:00:00.000Z' } },
  { type: 'AttendanceRecorded', data: { meetingId: 'm-pro', organizationIds: ['org-udi'] } },
];

const issue = (events: IssueEvent[]) => fold(issueDecider, events);
const meeting = (events: MeetingEvent[]) => fold(meetingDecider, events);

describe('placing an issue on an agenda: both aggregates or neither', () => {
  it('adds the item from the issue and places the issue on it', () => {
    const decisions = placeIssueOnAgenda(
      { issue: issue([submitted]), meeting: meeting([meetingScheduled('m-ref', 'REFERENCE_GROUP')]) },
      { meetingId: 'm-ref', itemId: 'item-1', sourceIssueId: issueId },
      context,
    );
    expect(decisions.issue?.events).toEqual([
      { type: 'IssuePlacedOnAgenda', data: { issueId, meetingId: 'm-ref', agendaItemId: 'item-1', body: 'REFERENCE_GROUP' } },
    ]);
    expect(decisions.meeting?.events).toEqual([
      expect.objectContaining({
        type: 'AgendaItemAdded',
        data: expect.objectContaining({ itemId: 'item-1', title: 'Shelter capacity', presentingOrganizationId: 'org-rosa', citedMeasures: defaultPlanRefs([17]), sourceIssueId: issueId }),
      }),
    ]);
  });

  it('refuses both when the issue was withdrawn', () => {
    expect(() =>
      placeIssueOnAgenda(
        { issue: issue([submitted, withdrawn]), meeting: meeting([meetingScheduled('m-ref', 'REFERENCE_GROUP')]) },
        { meetingId: 'm-ref', itemId: 'item-1', sourceIssueId: issueId },
        context,
      ),
    ).toThrow(expect.objectContaining({ reason: 'ISSUE_WITHDRAWN' }));
  });

  it('refuses both when the meeting does not exist', () => {
    expect(() =>
      placeIssueOnAgenda({ issue: issue([submitted]), meeting: meeting([]) }, { meetingId: 'm-x', itemId: 'item-1', sourceIssueId: issueId }, context),
    ).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
  });
});

describe('resolving an issue: the decision, its action items and the issue, or nothing', () => {
  const states = () => ({ issue: issue([submitted, ...forwarded, onProject]), meeting: meeting(heldProjectMeeting) });
  const request = {
    issueId,
    meetingId: 'm-pro',
    agendaItemId: 'item-pro',
    decisionId: 'd-pro',
    text: 'UDI maps capacity.',
    actionItems: [{ actionItemId: 'a-1', description: 'Map capacity', responsibleOrganizationId: 'org-udi', dueDate: '2026-05-31' }],
  };

  it('records the decision, ties the action items to it and resolves the issue', () => {
    const decisions = decideOnIssue(states(), request, 'ResolveIssue', during);
    expect(decisions.issue?.events.map((e) => e.type)).toEqual(['IssueResolved']);
    expect(decisions.meeting?.events.map((e) => e.type)).toEqual(['DecisionRecorded', 'ActionItemAssigned']);
    expect(decisions.meeting?.events[1]?.data).toMatchObject({ actionItemId: 'a-1', decisionId: 'd-pro', agendaItemId: 'item-pro' });
  });

  it('refuses the whole step when one action item is refused', () => {
    const bad = { ...request, actionItems: [...request.actionItems, { actionItemId: 'a-2', description: 'Late', responsibleOrganizationId: 'org-udi', dueDate: '2026-01-01' }] };
    expect(() => decideOnIssue(states(), bad, 'ResolveIssue', during)).toThrow(expect.objectContaining({ reason: 'DUE_DATE_BEFORE_MEETING' }));
  });

  it('refuses when the issue is no longer on that agenda item', () => {
    const closed: IssueEvent = { type: 'IssueClosed', data: { issueId, reason: 'Dup', meetingId: 'm-pro', agendaItemId: 'item-pro' } };
    expect(() => decideOnIssue({ ...states(), issue: issue([submitted, ...forwarded, onProject, closed]) }, request, 'ResolveIssue', during)).toThrow(
      expect.objectContaining({ reason: 'ISSUE_CLOSED' }),
    );
  });
});

describe('a decision recorded on an issue’s agenda item: the issue moves with it, or nothing is written', () => {
  const heldReferenceMeeting: MeetingEvent[] = heldProjectMeeting.map((event) =>
    event.type === 'MeetingScheduled'
      ? meetingScheduled('m-ref', 'REFERENCE_GROUP')
      : event.type === 'AgendaItemAdded'
        ? { ...event, data: { ...event.data, meetingId: 'm-ref', itemId: 'item-ref' } }
        : ({ ...event, data: { ...event.data, meetingId: 'm-ref' } } as MeetingEvent),
  );
  const onReference: IssueEvent = { type: 'IssuePlacedOnAgenda', data: { issueId, meetingId: 'm-ref', agendaItemId: 'item-ref', body: 'REFERENCE_GROUP' } };
  const onReferenceLater: IssueEvent = { type: 'IssuePlacedOnAgenda', data: { issueId, meetingId: 'm-ref-2', agendaItemId: 'item-ref-2', body: 'REFERENCE_GROUP' } };
  const decision = (meetingId: string, agendaItemId: string, extra: { supersedes?: string } = {}) =>
    ({ type: 'RecordDecision', meetingId, agendaItemId, decisionId: 'd-1', text: 'To the project group.', sourceIssueId: issueId, ...extra }) as const;
  const types = (events: readonly { type: string }[] | undefined) => events?.map((e) => e.type);

  it('forwards the issue by a reference-group decision, in the same step', () => {
    const decisions = recordDecisionOnIssueItem({ issue: issue([submitted, onReference]), meeting: meeting(heldReferenceMeeting) }, decision('m-ref', 'item-ref'), during);
    expect(decisions.issue?.events).toEqual([{ type: 'IssueForwarded', data: { issueId, meetingId: 'm-ref', agendaItemId: 'item-ref', decisionId: 'd-1' } }]);
    expect(types(decisions.meeting?.events)).toEqual(['DecisionRecorded']);
    expect(decisions.superseded?.events).toEqual([]);
  });

  it('resolves the issue by a project-group decision', () => {
    const decisions = recordDecisionOnIssueItem({ issue: issue([submitted, ...forwarded, onProject]), meeting: meeting(heldProjectMeeting) }, decision('m-pro', 'item-pro'), during);
    expect(types(decisions.issue?.events)).toEqual(['IssueResolved']);
    expect(types(decisions.meeting?.events)).toEqual(['DecisionRecorded']);
  });

  it("refuses with the issue's reason once it is withdrawn, before anything of the meeting (ISSUE_WITHDRAWN)", () => {
    expect(() =>
      recordDecisionOnIssueItem({ issue: issue([submitted, onReference, withdrawn]), meeting: meeting(heldReferenceMeeting) }, decision('m-ref', 'item-ref'), during),
    ).toThrow(expect.objectContaining({ reason: 'ISSUE_WITHDRAWN' }));
    // Not even a meeting that is not held yet speaks first.
    expect(() =>
      recordDecisionOnIssueItem({ issue: issue([submitted, onReference, withdrawn]), meeting: meeting(heldReferenceMeeting.slice(0, -1)) }, decision('m-ref', 'item-ref'), during),
    ).toThrow(expect.objectContaining({ reason: 'ISSUE_WITHDRAWN' }));
  });

  it('refuses a decision on a stale item: the issue was placed on a later meeting since (ISSUE_NOT_ON_THAT_AGENDA)', () => {
    expect(() =>
      recordDecisionOnIssueItem({ issue: issue([submitted, onReference, onReferenceLater]), meeting: meeting(heldReferenceMeeting) }, decision('m-ref', 'item-ref'), during),
    ).toThrow(expect.objectContaining({ reason: 'ISSUE_NOT_ON_THAT_AGENDA' }));
  });

  it('refuses a second decision on the item once the first moved the issue on (ISSUE_ALREADY_FORWARDED)', () => {
    const forwardedHere: IssueEvent = { type: 'IssueForwarded', data: { issueId, meetingId: 'm-ref', agendaItemId: 'item-ref', decisionId: 'd-0' } };
    expect(() =>
      recordDecisionOnIssueItem({ issue: issue([submitted, onReference, forwardedHere]), meeting: meeting(heldReferenceMeeting) }, decision('m-ref', 'item-ref'), during),
    ).toThrow(expect.objectContaining({ reason: 'ISSUE_ALREADY_FORWARDED' }));
  });

  it('records the decision alone when the item names an issue that does not exist (a log from before placing checked it)', () => {
    const decisions = recordDecisionOnIssueItem({ issue: issue([]), meeting: meeting(heldReferenceMeeting) }, decision('m-ref', 'item-ref'), during);
    expect(decisions.issue?.events).toEqual([]);
    expect(types(decisions.meeting?.events)).toEqual(['DecisionRecorded']);
  });

  it('supersedes the decision it names in the same step', () => {
    const earlier: MeetingEvent[] = [
      { type: 'MeetingScheduled', data: { ...(meetingScheduled('m-pro-0', 'PROJECT_GROUP').data as object), startsAt: '2026-02-10T09:00:00.000Z', endsAt: '2026-02-10T11:00:00.000Z' } } as MeetingEvent,
      { type: 'AgendaItemAdded', data: { meetingId: 'm-pro-0', itemId: 'item-0', title: 'Capacity', description: '', presentingOrganizationId: null, citedMeasures: [], sourceIssueId: null, position: 0, amendment: false } },
      { type: 'AgendaPublished', data: { meetingId: 'm-pro-0', publishedAt: '2026-02-01T09:00:00.000Z' } },
      { type: 'AttendanceRecorded', data: { meetingId: 'm-pro-0', organizationIds: ['org-udi'] } },
      { type: 'DecisionRecorded', data: { meetingId: 'm-pro-0', decisionId: 'd-0', agendaItemId: 'item-0', text: 'Wait.', rationale: '', citedMeasures: [], reviewDate: null, supersedes: null } },
    ];
    const decisions = recordDecisionOnIssueItem(
      { issue: issue([submitted, ...forwarded, onProject]), meeting: meeting(heldProjectMeeting), superseded: meeting(earlier) },
      decision('m-pro', 'item-pro', { supersedes: 'd-0' }),
      during,
    );
    expect(types(decisions.issue?.events)).toEqual(['IssueResolved']);
    expect(decisions.superseded?.events).toEqual([
      { type: 'DecisionSuperseded', data: { meetingId: 'm-pro-0', decisionId: 'd-0', supersededByDecisionId: 'd-1', supersededByMeetingId: 'm-pro' } },
    ]);
  });
});
