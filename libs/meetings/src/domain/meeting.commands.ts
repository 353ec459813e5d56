import type { Citable, MeasureCitationRef, RepresentativeRef } from '@kom/kernel';
import type { MeetingKind, Position } from './meeting.events';

/**
 * Facts from outside the meeting's stream that a rule needs. The command handler looks them up
 * (read models of other contexts, through ports) and passes them in, so the decider stays pure.
 */
export interface BodyMembers {
  /** Organisations that belong to the meeting's body on the meeting's date (both groups for JOINT). */
  readonly organizationIds: readonly string[];
}

export interface OtherMeeting {
  readonly meetingId: string;
  readonly kind: MeetingKind;
  readonly startsAt: string;
  readonly status: 'SCHEDULED' | 'PUBLISHED' | 'HELD' | 'CANCELLED';
}

interface Place {
  readonly location?: string | null;
  readonly videoLink?: string | null;
}

interface AgendaItemFields {
  readonly title: string;
  readonly description?: string | null;
  readonly presentingOrganizationId?: string | null;
  readonly citedMeasures?: readonly MeasureCitationRef[];
  /** The registered plans and their measures (looked up by the handler); left out: the 2011–2014 plan's. */
  readonly citable?: Citable;
}

export type MeetingCommand =
  | ({
      type: 'ScheduleMeeting';
      meetingId: string;
      kind: MeetingKind;
      title: string;
      startsAt: string;
      endsAt: string;
      seriesId?: string | null;
      seriesIndex?: number | null;
    } & Place)
  | ({ type: 'RescheduleMeeting'; meetingId: string; startsAt: string; endsAt: string } & Place)
  | { type: 'CancelMeeting'; meetingId: string; reason: string }
  | ({
      type: 'AddAgendaItem';
      meetingId: string;
      itemId: string;
      sourceIssueId?: string | null;
      /** 0-based; default: at the end. */
      position?: number | null;
    } & AgendaItemFields)
  | ({ type: 'UpdateAgendaItem'; meetingId: string; itemId: string } & AgendaItemFields)
  | { type: 'ReorderAgenda'; meetingId: string; itemIds: readonly string[] }
  | { type: 'RemoveAgendaItem'; meetingId: string; itemId: string; reason?: string | null }
  | { type: 'PublishAgenda'; meetingId: string }
  | { type: 'RecordAttendance'; meetingId: string; organizationIds: readonly string[]; members: BodyMembers }
  | {
      type: 'RecordDecision';
      meetingId: string;
      decisionId: string;
      agendaItemId: string;
      text: string;
      rationale?: string | null;
      citedMeasures?: readonly MeasureCitationRef[];
      citable?: Citable;
      reviewDate?: string | null;
      positions?: ReadonlyArray<{ organizationId: string; position: Position; reason?: string | null }>;
      /** When recording a decision that replaces an earlier one (see SupersedeDecision). */
      supersedes?: string | null;
    }
  | {
      type: 'RecordPosition';
      meetingId: string;
      decisionId: string;
      organizationId: string;
      position: Position;
      reason?: string | null;
      /** The registered representative the actor's identity is linked to (looked up by the handler); recorded when it is the organisation's. */
      representative?: RepresentativeRef | null;
    }
  | {
      /** On the stream of the meeting that took the old decision. */
      type: 'SupersedeDecision';
      meetingId: string;
      decisionId: string;
      /** The replacing decision, looked up by the handler: it must exist at a later meeting of the same body. */
      supersededBy: {
        decisionId: string;
        meeting: OtherMeeting;
        supersedes: string | null;
        /** The replacing decision's status; when given, it must be ACTIVE (added by the write side). */
        status?: 'ACTIVE' | 'SUPERSEDED' | 'REVOKED';
      };
    }
  | { type: 'RevokeDecision'; meetingId: string; decisionId: string; reason: string }
  | { type: 'FlagDecisionResearchNeed'; meetingId: string; decisionId: string; text: string }
  | {
      type: 'AssignActionItem';
      meetingId: string;
      actionItemId: string;
      description: string;
      responsibleOrganizationId: string;
      dueDate: string;
      decisionId?: string | null;
      agendaItemId?: string | null;
    }
  | { type: 'CompleteActionItem'; meetingId: string; actionItemId: string; note?: string | null }
  | { type: 'ReportActionItemProgress'; meetingId: string; actionItemId: string; note: string }
  | { type: 'CancelActionItem'; meetingId: string; actionItemId: string; reason: string }
  | { type: 'RecordMinutes'; meetingId: string; text: string }
  | {
      type: 'ApproveMinutes';
      meetingId: string;
      /** The approving meeting and the next meeting of the same body, looked up by the handler. */
      approvingMeeting: OtherMeeting;
      nextMeetingOfBody: OtherMeeting | null;
    };
