import type { Meeting as MeetingState } from '../domain/meeting.decider';
import type { DecisionView, PositionView } from '../read-models/decisions.queries';
import type { MinutesView } from '../read-models/minutes.queries';
import type { MeetingNode } from './meeting.types';

const MINUTES_STATUS = { none: 'NONE', draft: 'DRAFT', approved: 'APPROVED' } as const;

/**
 * The meeting as its own events showed it at `asOf`: the decider's state mapped to the same
 * GraphQL types the read models answer. What the state does not hold is answered as empty or null:
 * amendment flags and the amendments log (the state keeps the current agenda only), items removed
 * by amendment, action items' completion notes and cancellation reasons, decisions' recordedAt.
 */
export function meetingFromState(state: MeetingState, revision: bigint, asOf: Date): MeetingNode {
  const minutes: MinutesView | undefined =
    state.minutes.status === 'none'
      ? undefined
      : {
          meetingId: state.meetingId,
          text: state.minutes.text,
          status: state.minutes.status === 'draft' ? 'DRAFT' : 'APPROVED',
          approvedAtMeetingId: state.minutes.status === 'approved' ? state.minutes.approvedAtMeetingId : null,
        };
  const positions: PositionView[] = state.decisions.flatMap((d) =>
    Object.entries(d.positions)
      .map(([organizationId, p]) => ({ decisionId: d.decisionId, organizationId, position: p.position, reason: p.reason }))
      .sort((a, b) => a.organizationId.localeCompare(b.organizationId)),
  );
  const decisions: DecisionView[] = state.decisions.map((d) => ({
    id: d.decisionId,
    meetingId: state.meetingId,
    agendaItemId: d.agendaItemId,
    text: d.text,
    rationale: d.rationale,
    citedMeasures: [...d.citedMeasures],
    reviewDate: d.reviewDate,
    status: d.status,
    supersedes: d.supersedes,
    supersededBy: d.supersededBy?.decisionId ?? null,
    revokedReason: d.revokedReason,
    recordedAt: null,
  }));
  return {
    id: state.meetingId,
    kind: state.kind,
    title: state.title,
    startsAt: new Date(state.startsAt).toISOString(),
    endsAt: new Date(state.endsAt).toISOString(),
    location: state.location,
    videoLink: state.videoLink,
    status: state.status,
    seriesId: state.seriesId,
    seriesIndex: state.seriesIndex,
    agendaPublishedAt: state.agendaPublishedAt,
    cancelledReason: state.cancelledReason,
    minutesStatus: MINUTES_STATUS[state.minutes.status],
    revision: Number(revision),
    asOf: asOf.toISOString(),
    snapshot: {
      agenda: state.agenda.map((item, position) => ({
        meetingId: state.meetingId,
        id: item.itemId,
        position,
        title: item.title,
        description: item.description,
        presentingOrganizationId: item.presentingOrganizationId,
        citedMeasures: [...item.citedMeasures],
        sourceIssueId: item.sourceIssueId,
        addedByAmendment: false,
        updatedByAmendment: false,
        removedByAmendment: false,
        removalReason: null,
      })),
      amendments: [],
      attendance: [...state.attendance].sort().map((organizationId) => ({ meetingId: state.meetingId, organizationId })),
      decisions,
      positions,
      actionItems: state.actionItems.map((a) => ({
        id: a.actionItemId,
        meetingId: state.meetingId,
        decisionId: a.decisionId,
        agendaItemId: a.agendaItemId,
        description: a.description,
        responsibleOrganizationId: a.responsibleOrganizationId,
        dueDate: a.dueDate,
        status: a.status,
        completionNote: null,
        cancelledReason: null,
      })),
      minutes,
    },
  };
}
