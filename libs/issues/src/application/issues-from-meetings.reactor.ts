import type { EventStore, RecordedEvent } from '@kom/event-store';
import { meetingDecider, type MeetingEvent } from '@kom/meetings';
import { loadStream, type Reactor, type ReactorCommand } from '@kom/platform';
import { ForwardIssueCommand } from './forward-issue.command';
import { PlaceIssueOnAgendaCommand } from './place-issue-on-agenda.command';
import { RemoveIssueFromAgendaCommand } from './remove-issue-from-agenda.command';
import { ResolveIssueCommand } from './resolve-issue.command';

export const ISSUES_FROM_MEETINGS_REACTOR = 'issues-from-meetings';

/**
 * The issue follows what happens to its agenda items (the meetings context knows nothing of issues;
 * an agenda item only carries an opaque `sourceIssueId`):
 *
 * - AgendaItemAdded with a sourceIssueId → PlaceIssueOnAgenda (ON_REFERENCE_AGENDA at a
 *   reference-group meeting, ON_PROJECT_AGENDA at a project-group or joint meeting);
 * - AgendaItemRemoved of such an item → RemoveIssueFromAgenda (back to SUBMITTED / FORWARDED);
 * - DecisionRecorded on such an item → at a reference-group meeting ForwardIssue, at a
 *   project-group or joint meeting ResolveIssue: the body's decision moves the issue on.
 *
 * One reactor for all three, so the issue sees them in the log's order. The meeting is folded
 * from its own stream up to the triggering event, so a re-run decides exactly as the first run.
 */
export function issuesFromMeetingsReactor(store: EventStore): Reactor {
  return {
    name: ISSUES_FROM_MEETINGS_REACTOR,
    handles: ['AgendaItemAdded', 'AgendaItemRemoved', 'DecisionRecorded'],
    async react(event: RecordedEvent): Promise<readonly ReactorCommand[]> {
      const meetingEvent = { type: event.type, data: event.data } as MeetingEvent;
      switch (meetingEvent.type) {
        case 'AgendaItemAdded': {
          const { sourceIssueId, meetingId, itemId } = meetingEvent.data;
          if (sourceIssueId === null) return [];
          const meeting = (await loadStream(store, meetingDecider, event.streamId, { upTo: event.revision })).state;
          if (meeting.status === 'none') return [];
          return [
            (meta) =>
              new PlaceIssueOnAgendaCommand({ type: 'PlaceIssueOnAgenda', issueId: sourceIssueId, meetingId, agendaItemId: itemId, body: meeting.kind }, meta),
          ];
        }
        case 'AgendaItemRemoved': {
          const { meetingId, itemId } = meetingEvent.data;
          const before = (await loadStream(store, meetingDecider, event.streamId, { upTo: event.revision - 1n })).state;
          const issueId = before.status === 'none' ? null : (before.agenda.find((i) => i.itemId === itemId)?.sourceIssueId ?? null);
          if (issueId === null) return [];
          return [(meta) => new RemoveIssueFromAgendaCommand({ type: 'RemoveIssueFromAgenda', issueId, meetingId, agendaItemId: itemId }, meta)];
        }
        case 'DecisionRecorded': {
          const { meetingId, agendaItemId, decisionId } = meetingEvent.data;
          const meeting = (await loadStream(store, meetingDecider, event.streamId, { upTo: event.revision })).state;
          if (meeting.status === 'none') return [];
          const issueId = meeting.agenda.find((i) => i.itemId === agendaItemId)?.sourceIssueId ?? null;
          if (issueId === null) return [];
          const step = { issueId, meetingId, agendaItemId, decisionId };
          return meeting.kind === 'REFERENCE_GROUP'
            ? [(meta) => new ForwardIssueCommand({ type: 'ForwardIssue', ...step }, meta)]
            : [(meta) => new ResolveIssueCommand({ type: 'ResolveIssue', ...step }, meta)];
        }
        default:
          return [];
      }
    },
  };
}
