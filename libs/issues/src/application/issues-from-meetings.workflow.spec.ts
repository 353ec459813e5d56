import { workflowSpec } from '@kom/kernel/testing';
import type { MeetingEvent } from '@kom/meetings';
import { issuesFromMeetingsWorkflow } from './issues-from-meetings.workflow';

// The issue follows its agenda items: given the meeting's events, when one more happens, then the
// issue commands to send. Pure: no store, no Nest.
const given = workflowSpec(issuesFromMeetingsWorkflow);
const meetingId = 'm-1';

const scheduled = (kind: 'REFERENCE_GROUP' | 'PROJECT_GROUP' | 'JOINT'): MeetingEvent => ({
  type: 'MeetingScheduled',
  data: {
    meetingId,
    kind,
    title: 'Møte',
    startsAt: '2026-03-10T09:00:00.000Z',
    endsAt: '2026-03-10T11:00:00.000Z',
    location: 'Oslo',
    videoLink: null,
    seriesId: null,
    seriesIndex: null,
    timeZone: 'Europe/Oslo',
  },
});
const added = (itemId: string, sourceIssueId: string | null): MeetingEvent => ({
  type: 'AgendaItemAdded',
  data: { meetingId, itemId, title: 'Sak', description: '', presentingOrganizationId: null, citedMeasures: [], sourceIssueId, position: 0, amendment: false },
});
const removed = (itemId: string): MeetingEvent => ({ type: 'AgendaItemRemoved', data: { meetingId, itemId, amendment: false, reason: null } });
const decided = (agendaItemId: string): MeetingEvent => ({
  type: 'DecisionRecorded',
  data: { meetingId, decisionId: 'd-1', agendaItemId, text: 'Vedtak', rationale: '', citedMeasures: [], reviewDate: null, supersedes: null },
});

describe('the issues-from-meetings workflow', () => {
  it('places the issue on the agenda of the body that meets, when an item names it as its source', () => {
    given([scheduled('REFERENCE_GROUP')])
      .when(added('i-1', 'issue-1'))
      .then([{ type: 'PlaceIssueOnAgenda', issueId: 'issue-1', meetingId, agendaItemId: 'i-1', body: 'REFERENCE_GROUP' }]);
    given([scheduled('JOINT')])
      .when(added('i-1', 'issue-1'))
      .then([{ type: 'PlaceIssueOnAgenda', issueId: 'issue-1', meetingId, agendaItemId: 'i-1', body: 'JOINT' }]);
  });

  it('sends nothing for an item without a source issue, or for a meeting it never saw scheduled', () => {
    given([scheduled('PROJECT_GROUP')]).when(added('i-1', null)).then([]);
    given([]).when(added('i-1', 'issue-1')).then([]);
  });

  it('takes the issue off the agenda when its item is removed, and nothing for another item', () => {
    given([scheduled('PROJECT_GROUP'), added('i-1', 'issue-1'), added('i-2', null)])
      .when(removed('i-1'))
      .then([{ type: 'RemoveIssueFromAgenda', issueId: 'issue-1', meetingId, agendaItemId: 'i-1' }]);
    given([scheduled('PROJECT_GROUP'), added('i-1', 'issue-1'), added('i-2', null)]).when(removed('i-2')).then([]);
  });

  it('forwards the issue on a reference-group decision and resolves it on a project-group or joint one', () => {
    const step = { issueId: 'issue-1', meetingId, agendaItemId: 'i-1', decisionId: 'd-1' };
    given([scheduled('REFERENCE_GROUP'), added('i-1', 'issue-1')]).when(decided('i-1')).then([{ type: 'ForwardIssue', ...step }]);
    given([scheduled('PROJECT_GROUP'), added('i-1', 'issue-1')]).when(decided('i-1')).then([{ type: 'ResolveIssue', ...step }]);
    given([scheduled('JOINT'), added('i-1', 'issue-1')]).when(decided('i-1')).then([{ type: 'ResolveIssue', ...step }]);
  });

  it('sends nothing for a decision on an item that came from no issue', () => {
    given([scheduled('PROJECT_GROUP'), added('i-2', null)]).when(decided('i-2')).then([]);
  });
});
