import { assertNever, type DecisionContext, type Decider } from '@kom/kernel';
import type { MeetingCommand } from './meeting.commands';
import type { MeetingEvent } from './meeting.events';
import { type MeetingState, initialState } from './meeting.state';
import { evolve } from './meeting.evolve';
import { held, open, requireSecretariat } from './meeting-rules';
import { cancelMeeting, rescheduleMeeting, scheduleMeeting } from './decide-schedule';
import { addAgendaItem, agendaOpen, publishAgenda, removeAgendaItem, reorderAgenda, updateAgendaItem } from './decide-agenda';
import { recordAttendance } from './decide-attendance';
import { flagDecisionResearchNeed, recordDecision, recordPosition, revokeDecision, supersedeDecision } from './decide-decisions';
import { assignActionItem, cancelActionItem, completeActionItem, reportActionItemProgress } from './decide-action-items';
import { approveMinutes, recordMinutes } from './decide-minutes';

/*
 * The Meeting aggregate: one stream per meeting (`meeting-<meetingId>`) holding its schedule,
 * agenda, attendance, decisions, action items and minutes. SCHEDULED → PUBLISHED → HELD, or
 * CANCELLED before it is held. This file dispatches each command to the module of its concern
 * (decide-*.ts); the rules are stated by the specs beside them. The state and its fold live in
 * meeting.state.ts and meeting.evolve.ts; importers keep reading them from here.
 */
export * from './meeting.state';
export { evolve } from './meeting.evolve';

const MEMBER_COMMANDS: ReadonlySet<MeetingCommand['type']> = new Set(['RecordPosition', 'CompleteActionItem', 'ReportActionItemProgress']);

export function decide(command: MeetingCommand, state: MeetingState, { now, actor }: DecisionContext): MeetingEvent[] {
  // Members record their organisation's positions and follow up its action items themselves;
  // everything else is the secretariat's.
  if (!MEMBER_COMMANDS.has(command.type)) requireSecretariat(actor);
  switch (command.type) {
    case 'ScheduleMeeting':
      return scheduleMeeting(command, state, now, actor);
    case 'RescheduleMeeting':
      return rescheduleMeeting(command, open(state, command.meetingId), now, actor);
    case 'CancelMeeting':
      return cancelMeeting(command, open(state, command.meetingId));
    case 'AddAgendaItem':
      return addAgendaItem(command, agendaOpen(open(state, command.meetingId)));
    case 'UpdateAgendaItem':
      return updateAgendaItem(command, agendaOpen(open(state, command.meetingId)));
    case 'ReorderAgenda':
      return reorderAgenda(command, agendaOpen(open(state, command.meetingId)));
    case 'RemoveAgendaItem':
      return removeAgendaItem(command, agendaOpen(open(state, command.meetingId)));
    case 'PublishAgenda':
      return publishAgenda(command, open(state, command.meetingId), now);
    case 'RecordAttendance':
      return recordAttendance(command, open(state, command.meetingId), now);
    case 'RecordDecision':
      return recordDecision(command, held(open(state, command.meetingId)));
    case 'RecordPosition':
      return recordPosition(command, state, actor);
    case 'SupersedeDecision':
      return supersedeDecision(command, open(state, command.meetingId));
    case 'RevokeDecision':
      return revokeDecision(command, open(state, command.meetingId));
    case 'FlagDecisionResearchNeed':
      return flagDecisionResearchNeed(command, open(state, command.meetingId));
    case 'AssignActionItem':
      return assignActionItem(command, held(open(state, command.meetingId)));
    case 'CompleteActionItem':
      return completeActionItem(command, open(state, command.meetingId), actor);
    case 'ReportActionItemProgress':
      return reportActionItemProgress(command, open(state, command.meetingId), actor);
    case 'CancelActionItem':
      return cancelActionItem(command, open(state, command.meetingId));
    case 'RecordMinutes':
      return recordMinutes(command, held(open(state, command.meetingId)));
    case 'ApproveMinutes':
      return approveMinutes(command, open(state, command.meetingId));
    default:
      return assertNever(command);
  }
}

export const meetingDecider: Decider<MeetingCommand, MeetingEvent, MeetingState> = {
  decide,
  evolve,
  initialState,
};
