import { fold, type Actor, defaultPlanRefs } from '@kom/kernel';
import { meetingDecider, type MeetingEvent } from '@kom/meetings';
import { issueDecider } from '../domain/issue.decider';
import type { IssueEvent } from '../domain/issue.events';
import { decideOnIssue, placeIssueOnAgenda } from './issue-agenda-steps';

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
