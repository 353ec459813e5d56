import type { EventStore, RecordedEvent } from '@kom/event-store';
import type { MeetingEvent } from '@kom/meetings';
import { loadStream, type CommandMeta, type Reactor, type ReactorCommand } from '@kom/platform';
import { issuesFromMeetingsWorkflow } from './issues-from-meetings.workflow';
import { ForwardIssueCommand } from './forward-issue.command';
import { PlaceIssueOnAgendaCommand } from './place-issue-on-agenda.command';
import { RemoveIssueFromAgendaCommand } from './remove-issue-from-agenda.command';
import { ResolveIssueCommand } from './resolve-issue.command';

export const ISSUES_FROM_MEETINGS_REACTOR = 'issues-from-meetings';

/**
 * Runs the pure issues-from-meetings workflow (its rules and given/when/then specs:
 * issues-from-meetings.workflow.ts): folds the meeting from its own stream up to the event before
 * the triggering one, so a re-run decides exactly as the first run, and sends what it decides.
 * One reactor for all three event types, so the issue sees them in the log's order.
 */
export function issuesFromMeetingsReactor(store: EventStore): Reactor {
  return {
    name: ISSUES_FROM_MEETINGS_REACTOR,
    handles: ['AgendaItemAdded', 'AgendaItemRemoved', 'DecisionRecorded'],
    async react(event: RecordedEvent): Promise<readonly ReactorCommand[]> {
      const before = (await loadStream(store, issuesFromMeetingsWorkflow, event.streamId, { upTo: event.revision - 1n })).state;
      const steps = issuesFromMeetingsWorkflow.decide({ type: event.type, data: event.data } as MeetingEvent, before);
      return steps.map((step) => (meta: CommandMeta) => {
        switch (step.type) {
          case 'PlaceIssueOnAgenda':
            return new PlaceIssueOnAgendaCommand(step, meta);
          case 'RemoveIssueFromAgenda':
            return new RemoveIssueFromAgendaCommand(step, meta);
          case 'ForwardIssue':
            return new ForwardIssueCommand(step, meta);
          case 'ResolveIssue':
            return new ResolveIssueCommand(step, meta);
        }
      });
    },
  };
}
