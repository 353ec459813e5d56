import { assertNever } from '@kom/kernel';
import type { MeetingEvent } from './meeting.events';
import type { ActionItem, AgendaAmendment, AgendaItem, Decision, Meeting, MeetingState } from './meeting.state';

/** The fold: a meeting's state from its events. Total over MeetingEvent; an event never refused here. */
export function evolve(state: MeetingState, event: MeetingEvent): MeetingState {
  if (event.type === 'MeetingScheduled') {
    const d = event.data;
    return {
      status: 'SCHEDULED',
      meetingId: d.meetingId,
      kind: d.kind,
      title: d.title,
      startsAt: d.startsAt,
      endsAt: d.endsAt,
      location: d.location,
      videoLink: d.videoLink,
      seriesId: d.seriesId,
      seriesIndex: d.seriesIndex,
      agendaPublishedAt: null,
      cancelledReason: null,
      agenda: [],
      removedItems: [],
      amendments: [],
      usedItemIds: [],
      attendance: [],
      decisions: [],
      actionItems: [],
      minutes: { status: 'none' },
    };
  }
  if (state.status === 'none') return state;
  const m = state;
  switch (event.type) {
    case 'MeetingRescheduled': {
      const { startsAt, endsAt, location, videoLink } = event.data;
      return { ...m, startsAt, endsAt, location, videoLink };
    }
    case 'MeetingCancelled':
      return { ...m, status: 'CANCELLED', cancelledReason: event.data.reason };
    case 'AgendaItemAdded': {
      const d = event.data;
      const item: AgendaItem = {
        itemId: d.itemId,
        title: d.title,
        description: d.description,
        presentingOrganizationId: d.presentingOrganizationId,
        citedMeasures: d.citedMeasures,
        sourceIssueId: d.sourceIssueId,
        addedByAmendment: d.amendment,
        updatedByAmendment: false,
      };
      const agenda = [...m.agenda];
      agenda.splice(Math.min(d.position, agenda.length), 0, item);
      return {
        ...m,
        agenda,
        usedItemIds: [...m.usedItemIds, d.itemId],
        amendments: d.amendment ? [...m.amendments, amendment('ADDED', d.itemId, d.title)] : m.amendments,
      };
    }
    case 'AgendaItemUpdated': {
      const d = event.data;
      return {
        ...m,
        agenda: m.agenda.map((item) =>
          item.itemId === d.itemId
            ? {
                ...item,
                title: d.title,
                description: d.description,
                presentingOrganizationId: d.presentingOrganizationId,
                citedMeasures: d.citedMeasures,
                updatedByAmendment: item.updatedByAmendment || d.amendment,
              }
            : item,
        ),
        amendments: d.amendment ? [...m.amendments, amendment('UPDATED', d.itemId, d.title)] : m.amendments,
      };
    }
    case 'AgendaReordered': {
      const d = event.data;
      const byId = new Map(m.agenda.map((item) => [item.itemId, item]));
      return {
        ...m,
        agenda: d.itemIds.flatMap((itemId) => byId.get(itemId) ?? []),
        amendments: d.amendment ? [...m.amendments, { kind: 'REORDERED', itemId: null, title: null, reason: null, itemIds: d.itemIds }] : m.amendments,
      };
    }
    case 'AgendaItemRemoved': {
      const d = event.data;
      const removed = m.agenda.find((item) => item.itemId === d.itemId);
      if (!removed) return m;
      const agenda = m.agenda.filter((item) => item.itemId !== d.itemId);
      if (!d.amendment) return { ...m, agenda };
      return {
        ...m,
        agenda,
        removedItems: [...m.removedItems, { ...removed, removalReason: d.reason }],
        amendments: [...m.amendments, amendment('REMOVED', d.itemId, removed.title, d.reason)],
      };
    }
    case 'AgendaPublished':
      return { ...m, status: m.status === 'SCHEDULED' ? 'PUBLISHED' : m.status, agendaPublishedAt: event.data.publishedAt };
    case 'AttendanceRecorded':
      return { ...m, status: 'HELD', attendance: event.data.organizationIds };
    case 'DecisionRecorded': {
      const d = event.data;
      const decision: Decision = {
        decisionId: d.decisionId,
        agendaItemId: d.agendaItemId,
        text: d.text,
        rationale: d.rationale,
        citedMeasures: d.citedMeasures,
        reviewDate: d.reviewDate,
        supersedes: d.supersedes,
        status: 'ACTIVE',
        supersededBy: null,
        revokedReason: null,
        researchNeed: null,
        positions: {},
      };
      return { ...m, decisions: [...m.decisions, decision] };
    }
    case 'PositionRecorded': {
      const d = event.data;
      return updateDecision(m, d.decisionId, (decision) => ({
        ...decision,
        positions: {
          ...decision.positions,
          [d.organizationId]: { position: d.position, reason: d.reason, ...(d.representativeId ? { representativeId: d.representativeId } : {}) },
        },
      }));
    }
    case 'DecisionSuperseded': {
      const d = event.data;
      return updateDecision(m, d.decisionId, (decision) => ({
        ...decision,
        status: 'SUPERSEDED',
        supersededBy: { decisionId: d.supersededByDecisionId, meetingId: d.supersededByMeetingId },
      }));
    }
    case 'DecisionRevoked':
      return updateDecision(m, event.data.decisionId, (decision) => ({ ...decision, status: 'REVOKED', revokedReason: event.data.reason }));
    case 'DecisionResearchNeedFlagged':
      return updateDecision(m, event.data.decisionId, (decision) => ({ ...decision, researchNeed: event.data.text }));
    case 'ActionItemAssigned': {
      const d = event.data;
      const item: ActionItem = {
        actionItemId: d.actionItemId,
        description: d.description,
        responsibleOrganizationId: d.responsibleOrganizationId,
        dueDate: d.dueDate,
        decisionId: d.decisionId,
        agendaItemId: d.agendaItemId,
        status: 'OPEN',
        completionNote: null,
        cancelledReason: null,
      };
      return { ...m, actionItems: [...m.actionItems, item] };
    }
    case 'ActionItemCompleted':
      return updateActionItem(m, event.data.actionItemId, { status: 'COMPLETED', completionNote: event.data.note });
    case 'ActionItemProgressReported':
      return m; // a note on the way: no rule depends on it
    case 'ActionItemCancelled':
      return updateActionItem(m, event.data.actionItemId, { status: 'CANCELLED', cancelledReason: event.data.reason });
    case 'MinutesDrafted':
      return { ...m, minutes: { status: 'draft', text: event.data.text } };
    case 'MinutesApproved':
      return {
        ...m,
        minutes: { status: 'approved', text: m.minutes.status === 'none' ? '' : m.minutes.text, approvedAtMeetingId: event.data.approvedAtMeetingId },
      };
    default:
      return assertNever(event);
  }
}

function updateDecision(m: Meeting, decisionId: string, change: (d: Decision) => Decision): Meeting {
  return { ...m, decisions: m.decisions.map((d) => (d.decisionId === decisionId ? change(d) : d)) };
}

function updateActionItem(m: Meeting, actionItemId: string, change: Partial<ActionItem>): Meeting {
  return { ...m, actionItems: m.actionItems.map((a) => (a.actionItemId === actionItemId ? { ...a, ...change } : a)) };
}

function amendment(kind: 'ADDED' | 'UPDATED' | 'REMOVED', itemId: string, title: string, reason: string | null = null): AgendaAmendment {
  return { kind, itemId, title, reason, itemIds: null };
}
