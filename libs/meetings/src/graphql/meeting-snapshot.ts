import { osloDate } from '@kom/kernel';
import type { Meeting as MeetingState } from '../domain/meeting.decider';
import type { ActionItemView } from '../read-models/action-items.queries';
import type { AgendaAmendmentView, AgendaItemView } from '../read-models/agenda.queries';
import type { DecisionView, PositionView } from '../read-models/decisions.queries';
import type { MinutesView } from '../read-models/minutes.queries';
import type { MeetingHistory, MeetingTimes } from './meeting-history';
import type { MeetingNode } from './meeting.types';

const MINUTES_STATUS = { none: 'NONE', draft: 'DRAFT', approved: 'APPROVED' } as const;

/** Text order as SQLite's ORDER BY compares TEXT (binary), not the locale's. */
const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The meeting as its own events showed it at `asOf`: the decider's state (with the times of its
 * events beside it, see meetingHistoryAt) mapped to the same GraphQL types the read models answer,
 * field for field and in the read models' order:
 *  - agenda: the items in place, then the items removed by amendment ordered by when removed, then id;
 *  - amendments: by stream revision; decisions: by recordedAt, then id; action items: by when
 *    assigned, then id; positions and attendance: by organisation id.
 */
export function meetingFromState(state: MeetingState, revision: bigint, asOf: Date, times: MeetingTimes): MeetingNode {
  const meetingId = state.meetingId;
  const minutes: MinutesView | undefined =
    state.minutes.status === 'none'
      ? undefined
      : {
          meetingId,
          text: state.minutes.text,
          status: state.minutes.status === 'draft' ? 'DRAFT' : 'APPROVED',
          approvedAtMeetingId: state.minutes.status === 'approved' ? state.minutes.approvedAtMeetingId : null,
        };

  const inPlace: AgendaItemView[] = state.agenda.map((item, position) => ({
    meetingId,
    id: item.itemId,
    position,
    title: item.title,
    description: item.description,
    presentingOrganizationId: item.presentingOrganizationId,
    citedMeasures: [...item.citedMeasures],
    sourceIssueId: item.sourceIssueId,
    addedByAmendment: item.addedByAmendment,
    updatedByAmendment: item.updatedByAmendment,
    removedByAmendment: false,
    removalReason: null,
  }));
  const removedAt = (itemId: string) => times.agendaItemRemovedAt.get(itemId) ?? '';
  const removed: AgendaItemView[] = [...state.removedItems]
    .sort((a, b) => byText(removedAt(a.itemId), removedAt(b.itemId)) || byText(a.itemId, b.itemId))
    .map((item) => ({
      meetingId,
      id: item.itemId,
      position: null,
      title: item.title,
      description: item.description,
      presentingOrganizationId: item.presentingOrganizationId,
      citedMeasures: [...item.citedMeasures],
      sourceIssueId: item.sourceIssueId,
      addedByAmendment: item.addedByAmendment,
      updatedByAmendment: item.updatedByAmendment,
      removedByAmendment: true,
      removalReason: item.removalReason,
    }));

  const amendments: AgendaAmendmentView[] = state.amendments.map((a, i) => ({
    meetingId,
    kind: a.kind,
    itemId: a.itemId,
    title: a.title,
    reason: a.reason,
    itemIds: a.itemIds === null ? null : [...a.itemIds],
    occurredAt: times.amendments[i]?.occurredAt ?? null,
    revision: times.amendments[i]?.revision ?? Number(revision),
  }));

  const decisions: DecisionView[] = state.decisions
    .map((d) => ({
      id: d.decisionId,
      meetingId,
      agendaItemId: d.agendaItemId,
      text: d.text,
      rationale: d.rationale,
      citedMeasures: [...d.citedMeasures],
      reviewDate: d.reviewDate,
      status: d.status,
      supersedes: d.supersedes,
      supersededBy: d.supersededBy?.decisionId ?? null,
      revokedReason: d.revokedReason,
      researchNeed: d.researchNeed,
      recordedAt: times.decisionRecordedAt.get(d.decisionId) ?? null,
    }))
    .sort((a, b) => byText(a.recordedAt ?? '', b.recordedAt ?? '') || byText(a.id, b.id));
  const positions: PositionView[] = decisions.flatMap((d) =>
    Object.entries(state.decisions.find((s) => s.decisionId === d.id)!.positions)
      .map(([organizationId, p]) => ({ decisionId: d.id, organizationId, position: p.position, reason: p.reason, representativeId: p.representativeId ?? null }))
      .sort((a, b) => byText(a.organizationId, b.organizationId)),
  );

  const assignedAt = (id: string) => times.actionItemAssignedAt.get(id) ?? '';
  const actionItems: ActionItemView[] = state.actionItems
    .map((a) => ({
      id: a.actionItemId,
      meetingId,
      decisionId: a.decisionId,
      agendaItemId: a.agendaItemId,
      description: a.description,
      responsibleOrganizationId: a.responsibleOrganizationId,
      dueDate: a.dueDate,
      status: a.status,
      completionNote: a.completionNote,
      cancelledReason: a.cancelledReason,
    }))
    .sort((a, b) => byText(assignedAt(a.id), assignedAt(b.id)) || byText(a.id, b.id));

  return {
    id: meetingId,
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
      agenda: [...inPlace, ...removed],
      amendments,
      attendance: [...new Set(state.attendance)].sort(byText).map((organizationId) => ({ meetingId, organizationId })),
      decisions,
      positions,
      actionItems,
      minutes,
    },
  };
}

/**
 * Meeting.suggestedAgendaItems as the read models showed it at asOf (ActionItemsQueries.suggestedFor,
 * on states instead of rows): the OPEN action items set at earlier meetings of the same body (same
 * kind, starting before this one, both as of then) that are due before this meeting's date in
 * Europe/Oslo, by due date, then id. `others` are the other meetings' histories up to asOf.
 */
export function suggestedAgendaItemsFrom(
  meeting: { id: string; kind: string; startsAt: string },
  others: readonly MeetingHistory[],
  asOf: Date,
): ActionItemView[] {
  const startsAt = Date.parse(meeting.startsAt);
  const date = osloDate(meeting.startsAt);
  return others
    .flatMap(({ state, revision, times }) => {
      if (state.status === 'none' || state.meetingId === meeting.id || state.kind !== meeting.kind) return [];
      if (Date.parse(state.startsAt) >= startsAt) return [];
      return meetingFromState(state, revision, asOf, times).snapshot!.actionItems;
    })
    .filter((a) => a.status === 'OPEN' && a.dueDate < date)
    .sort((a, b) => byText(a.dueDate, b.dueDate) || byText(a.id, b.id));
}
