export { MeetingsModule } from './meetings.module';
export { meetingsContext } from './meetings.context';
export { MEETING_KINDS, POSITIONS, meetingEventSchemas, type MeetingKind, type Position, type MeetingEvent } from './domain/meeting.events';
export type { MeetingCommand, OtherMeeting, BodyMembers } from './domain/meeting.commands';
export {
  meetingDecider,
  meetingStream,
  type MeetingState,
  type Meeting,
  type MeetingStatus,
  type AgendaItem,
  type Decision,
  type DecisionStatus,
  type ActionItem,
  type ActionItemStatus,
  type Minutes,
} from './domain/meeting.decider';
export { seriesOccurrences, MAX_SERIES_MEETINGS } from './domain/meeting-series';

// Ports the application binds (MEMBERSHIP_LOOKUP) and the read side implements (MEETING_LOOKUP).
export {
  MEMBERSHIP_LOOKUP,
  MEETING_LOOKUP,
  type MembershipLookup,
  type MeetingLookup,
  type DecisionFacts,
  type GroupKind,
} from './application/ports';

// Commands on the bus, one class per use case.
export { ScheduleMeetingCommand } from './application/schedule-meeting.command';
export {
  PlanMeetingSeriesCommand,
  seriesMeetingId,
  type PlanMeetingSeriesRequest,
  type MeetingSeriesOutcome,
} from './application/plan-meeting-series.command';
export { RescheduleMeetingCommand } from './application/reschedule-meeting.command';
export { CancelMeetingCommand } from './application/cancel-meeting.command';
export { AddAgendaItemCommand } from './application/add-agenda-item.command';
export { SourcedAgendaItemsSlot, type SourcedAgendaItems, type AddSourcedAgendaItem, type RecordSourcedDecision } from './application/sourced-agenda-items';
export { recordDecisionAcrossMeetings, type DecisionMeetingStates, type DecisionMeetingEvents } from './domain/record-decision-step';
export { CitedIssuesSlot, type CitedIssues } from './application/cited-issues';
export { agendaProposalEventSchemas, type AgendaProposalEvent } from './domain/agenda-proposal.events';
export { agendaProposalStream, type AgendaProposalStatus } from './domain/agenda-proposal.decider';
export { UpdateAgendaItemCommand } from './application/update-agenda-item.command';
export { ReorderAgendaCommand } from './application/reorder-agenda.command';
export { RemoveAgendaItemCommand } from './application/remove-agenda-item.command';
export { PublishAgendaCommand } from './application/publish-agenda.command';
export { RecordAttendanceCommand, type RecordAttendanceRequest } from './application/record-attendance.command';
export { RecordDecisionCommand } from './application/record-decision.command';
export { RecordPositionCommand } from './application/record-position.command';
export { SupersedeDecisionCommand, type SupersedeDecisionRequest } from './application/supersede-decision.command';
export { RevokeDecisionCommand } from './application/revoke-decision.command';
export { FlagDecisionResearchNeedCommand } from './application/flag-decision-research-need.command';
export { AssignActionItemCommand } from './application/assign-action-item.command';
export { CompleteActionItemCommand } from './application/complete-action-item.command';
export { CancelActionItemCommand } from './application/cancel-action-item.command';
export { RecordMinutesCommand } from './application/record-minutes.command';
export { ApproveMinutesCommand, type ApproveMinutesRequest } from './application/approve-minutes.command';
export { DecisionsQueries, type DecisionView } from './read-models/decisions.queries';
export { MeetingsQueries, type MeetingView } from './read-models/meetings.queries';
export { AgendaQueries, type AgendaItemView, type AgendaAmendmentView } from './read-models/agenda.queries';
export { AttendanceQueries, type AttendanceView } from './read-models/attendance.queries';
export { ActionItemsQueries, type ActionItemView } from './read-models/action-items.queries';
export { MinutesQueries, type MinutesView } from './read-models/minutes.queries';
export { meetingProjections } from './read-models';
export {
  MEETING_KIND_LABELS,
  MEETING_STATUS_LABELS,
  DECISION_STATUS_LABELS,
  POSITION_LABELS,
  ACTION_ITEM_STATUS_LABELS,
  MINUTES_STATUS_LABELS,
  AGENDA_AMENDMENT_KIND_LABELS,
  MeetingKindEnum,
  DecisionStatusEnum,
  ActionItemStatusEnum,
} from './graphql/meeting.enums';
export { DecisionPosition } from './graphql/meeting.types';
export { AgendaProposal } from './graphql/agenda-proposal.types';
