import { Module } from '@nestjs/common';
import { AddAgendaItemHandler } from './application/add-agenda-item.command';
import { ApproveMinutesHandler } from './application/approve-minutes.command';
import { AssignActionItemHandler } from './application/assign-action-item.command';
import { CancelActionItemHandler } from './application/cancel-action-item.command';
import { CancelMeetingHandler } from './application/cancel-meeting.command';
import { CompleteActionItemHandler } from './application/complete-action-item.command';
import { ReportActionItemProgressHandler } from './application/report-action-item-progress.command';
import { PlanMeetingSeriesHandler } from './application/plan-meeting-series.command';
import { PublishAgendaHandler } from './application/publish-agenda.command';
import { RecordAttendanceHandler } from './application/record-attendance.command';
import { RecordDecisionHandler } from './application/record-decision.command';
import { RecordMinutesHandler } from './application/record-minutes.command';
import { RecordPositionHandler } from './application/record-position.command';
import { RemoveAgendaItemHandler } from './application/remove-agenda-item.command';
import { ReorderAgendaHandler } from './application/reorder-agenda.command';
import { RescheduleMeetingHandler } from './application/reschedule-meeting.command';
import { RevokeDecisionHandler } from './application/revoke-decision.command';
import { FlagDecisionResearchNeedHandler } from './application/flag-decision-research-need.command';
import { ScheduleMeetingHandler } from './application/schedule-meeting.command';
import { SupersedeDecisionHandler } from './application/supersede-decision.command';
import { UpdateAgendaItemHandler } from './application/update-agenda-item.command';
import { AcceptAgendaProposalHandler } from './application/accept-agenda-proposal.command';
import { CitedIssuesSlot } from './application/cited-issues';
import { DeclineAgendaProposalHandler } from './application/decline-agenda-proposal.command';
import { WithdrawAgendaProposalHandler } from './application/withdraw-agenda-proposal.command';
import { ProposeAgendaItemHandler } from './application/propose-agenda-item.command';
import { AgendaItemProposalResolver, AgendaProposalResolver } from './graphql/agenda-proposal.resolver';
import { AgendaProposalMutationsResolver } from './graphql/agenda-proposal-mutations.resolver';
import { AgendaProposalsQueries } from './read-models/agenda-proposals.queries';
import { MEETING_LOOKUP } from './application/ports';
import { SourcedAgendaItemsSlot } from './application/sourced-agenda-items';
import { ActionItemResolver } from './graphql/action-item.resolver';
import { AgendaAmendmentResolver, MinutesResolver } from './graphql/agenda-labels.resolver';
import { DecisionMutationsResolver } from './graphql/decision-mutations.resolver';
import { DecisionPositionResolver, DecisionResolver } from './graphql/decision.resolver';
import { MeetingMutationsResolver } from './graphql/meeting-mutations.resolver';
import { MeetingResolver } from './graphql/meeting.resolver';
import { ActionItemsQueries } from './read-models/action-items.queries';
import { AgendaQueries } from './read-models/agenda.queries';
import { AttendanceQueries } from './read-models/attendance.queries';
import { DecisionsQueries } from './read-models/decisions.queries';
import { ReadModelMeetingLookup } from './read-models/meeting-lookup';
import { MeetingsQueries } from './read-models/meetings.queries';
import { MinutesQueries } from './read-models/minutes.queries';

/**
 * The meetings context. Its handlers need two ports: MEETING_LOOKUP (read models, provided here
 * by the read side) and MEMBERSHIP_LOOKUP (bound by the application to @kom/organizations; it must
 * be visible to this module: a global provider, or an import of the module that exports it).
 */
@Module({
  providers: [
    ScheduleMeetingHandler,
    PlanMeetingSeriesHandler,
    RescheduleMeetingHandler,
    CancelMeetingHandler,
    AddAgendaItemHandler,
    SourcedAgendaItemsSlot,
    UpdateAgendaItemHandler,
    ReorderAgendaHandler,
    RemoveAgendaItemHandler,
    PublishAgendaHandler,
    RecordAttendanceHandler,
    RecordDecisionHandler,
    RecordPositionHandler,
    SupersedeDecisionHandler,
    RevokeDecisionHandler,
    FlagDecisionResearchNeedHandler,
    AssignActionItemHandler,
    CompleteActionItemHandler,
    ReportActionItemProgressHandler,
    CancelActionItemHandler,
    RecordMinutesHandler,
    ApproveMinutesHandler,
    ProposeAgendaItemHandler,
    AcceptAgendaProposalHandler,
    DeclineAgendaProposalHandler,
    WithdrawAgendaProposalHandler,
    CitedIssuesSlot,
    AgendaProposalsQueries,
    AgendaProposalResolver,
    AgendaProposalMutationsResolver,
    AgendaItemProposalResolver,
    // Read side: queries, the MEETING_LOOKUP port over them, GraphQL.
    MeetingsQueries,
    AgendaQueries,
    AttendanceQueries,
    DecisionsQueries,
    ActionItemsQueries,
    MinutesQueries,
    ReadModelMeetingLookup,
    { provide: MEETING_LOOKUP, useExisting: ReadModelMeetingLookup },
    MeetingResolver,
    MeetingMutationsResolver,
    DecisionResolver,
    DecisionPositionResolver,
    DecisionMutationsResolver,
    ActionItemResolver,
    AgendaAmendmentResolver,
    MinutesResolver,
  ],
  exports: [MeetingsQueries, DecisionsQueries, MEETING_LOOKUP, SourcedAgendaItemsSlot, CitedIssuesSlot],
})
export class MeetingsModule {}
