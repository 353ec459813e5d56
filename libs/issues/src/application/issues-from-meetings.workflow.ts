import type { Workflow } from '@kom/kernel';
import { meetingDecider, type MeetingEvent, type MeetingState } from '@kom/meetings';
import type { IssueCommand } from '../domain/issue.commands';

type IssueStep = Extract<IssueCommand, { type: 'PlaceIssueOnAgenda' | 'RemoveIssueFromAgenda' | 'ForwardIssue' | 'ResolveIssue' }>;

/**
 * The issue follows what happens to its agenda items (the meetings context knows nothing of issues;
 * an agenda item only carries an opaque `sourceIssueId`). Its state is the meeting as the meeting's
 * own events tell it up to, not including, the event decided on:
 *
 * - AgendaItemAdded with a sourceIssueId → PlaceIssueOnAgenda (ON_REFERENCE_AGENDA at a
 *   reference-group meeting, ON_PROJECT_AGENDA at a project-group or joint meeting);
 * - AgendaItemRemoved of such an item → RemoveIssueFromAgenda (back to SUBMITTED / FORWARDED);
 * - DecisionRecorded on such an item → at a reference-group meeting ForwardIssue, at a
 *   project-group or joint meeting ResolveIssue: the body's decision moves the issue on.
 *
 * Pure (no I/O, no Nest): it sits in application/ only because its state is another context's.
 */
export const issuesFromMeetingsWorkflow: Workflow<MeetingEvent, MeetingEvent, MeetingState, IssueStep> = {
  initialState: meetingDecider.initialState,
  evolve: meetingDecider.evolve,
  decide(event, meeting) {
    if (meeting.status === 'none') return [];
    switch (event.type) {
      case 'AgendaItemAdded': {
        const { sourceIssueId, meetingId, itemId } = event.data;
        if (sourceIssueId === null) return [];
        return [{ type: 'PlaceIssueOnAgenda', issueId: sourceIssueId, meetingId, agendaItemId: itemId, body: meeting.kind }];
      }
      case 'AgendaItemRemoved': {
        const { meetingId, itemId } = event.data;
        const issueId = meeting.agenda.find((i) => i.itemId === itemId)?.sourceIssueId ?? null;
        return issueId === null ? [] : [{ type: 'RemoveIssueFromAgenda', issueId, meetingId, agendaItemId: itemId }];
      }
      case 'DecisionRecorded': {
        const { meetingId, agendaItemId, decisionId } = event.data;
        const issueId = meeting.agenda.find((i) => i.itemId === agendaItemId)?.sourceIssueId ?? null;
        if (issueId === null) return [];
        const step = { issueId, meetingId, agendaItemId, decisionId };
        return [meeting.kind === 'REFERENCE_GROUP' ? { type: 'ForwardIssue', ...step } : { type: 'ResolveIssue', ...step }];
      }
      default:
        return [];
    }
  },
};
