import { Forbidden, InvalidInput, InvalidState, NotFound, type Actor, osloDate } from '@kom/kernel';
import type { MeetingEvent } from './meeting.events';
import type { ActionItem, Meeting } from './meeting.state';
import { type Cmd, MAX_REASON, calendarDate, notApproved, optionalText, requireId, requiredText } from './meeting-rules';
import { agendaItem } from './decide-agenda';
import { decisionOf } from './decide-decisions';

/** Action items on decisions: assigned, progressed, completed, cancelled (specs: meeting-decisions.decider.spec.ts). */
export function assignActionItem(c: Cmd<'AssignActionItem'>, m: Meeting): MeetingEvent[] {
  notApproved(m);
  requireId(c.actionItemId, 'actionItemId');
  if (m.actionItems.some((a) => a.actionItemId === c.actionItemId)) {
    throw new InvalidState('ACTION_ITEM_ALREADY_ASSIGNED', `Action item ${c.actionItemId} is already assigned`);
  }
  const description = requiredText(c.description, MAX_REASON, 'description', 'DESCRIPTION_REQUIRED');
  if (!c.responsibleOrganizationId?.trim()) {
    throw new InvalidInput('RESPONSIBLE_ORGANIZATION_REQUIRED', 'An action item has a responsible organisation');
  }
  requireId(c.responsibleOrganizationId, 'responsibleOrganizationId');
  const dueDate = calendarDate(c.dueDate, 'dueDate');
  if (dueDate < osloDate(m.startsAt)) throw new InvalidInput('DUE_DATE_BEFORE_MEETING', 'A due date is not before the meeting date');
  const decisionId = c.decisionId ?? null;
  let agendaItemId = c.agendaItemId ?? null;
  if (agendaItemId !== null) agendaItem(m, agendaItemId);
  if (decisionId !== null) {
    const decision = decisionOf(m, decisionId);
    if (agendaItemId !== null && agendaItemId !== decision.agendaItemId) {
      throw new InvalidInput('ACTION_ITEM_LINKS_DISAGREE', `Decision ${decisionId} was taken on another agenda item`);
    }
    // Linked to a decision, the action item belongs to the decision's agenda item too.
    agendaItemId = decision.agendaItemId;
  }
  return [
    {
      type: 'ActionItemAssigned',
      data: {
        meetingId: m.meetingId,
        actionItemId: c.actionItemId,
        decisionId,
        agendaItemId,
        description,
        responsibleOrganizationId: c.responsibleOrganizationId,
        dueDate,
      },
    },
  ];
}

export function completeActionItem(c: Cmd<'CompleteActionItem'>, m: Meeting, actor: Actor): MeetingEvent[] {
  responsibleOrSecretariat(openActionItem(m, c.actionItemId), actor);
  const note = optionalText(c.note ?? null, MAX_REASON, 'note', 'TEXT_TOO_LONG');
  return [{ type: 'ActionItemCompleted', data: { meetingId: m.meetingId, actionItemId: c.actionItemId, note } }];
}

export function reportActionItemProgress(c: Cmd<'ReportActionItemProgress'>, m: Meeting, actor: Actor): MeetingEvent[] {
  responsibleOrSecretariat(openActionItem(m, c.actionItemId), actor);
  const note = requiredText(c.note, MAX_REASON, 'note', 'NOTE_REQUIRED');
  return [{ type: 'ActionItemProgressReported', data: { meetingId: m.meetingId, actionItemId: c.actionItemId, note } }];
}

/** An action item is followed up by the organisation responsible for it, or by the secretariat. */
export function responsibleOrSecretariat(item: ActionItem, actor: Actor): void {
  if (actor.role === 'SECRETARIAT') return;
  if (actor.role === 'AUDITOR') throw new Forbidden('READ_ONLY_ROLE', 'Auditors read; they do not follow up action items');
  if (actor.organizationId !== item.responsibleOrganizationId) {
    throw new Forbidden('NOT_OWN_ORGANIZATION', "A member follows up their own organisation's action items only");
  }
}

export function cancelActionItem(c: Cmd<'CancelActionItem'>, m: Meeting): MeetingEvent[] {
  openActionItem(m, c.actionItemId);
  const reason = requiredText(c.reason, MAX_REASON, 'reason', 'REASON_REQUIRED');
  return [{ type: 'ActionItemCancelled', data: { meetingId: m.meetingId, actionItemId: c.actionItemId, reason } }];
}

export function openActionItem(m: Meeting, actionItemId: string): ActionItem {
  const item = m.actionItems.find((a) => a.actionItemId === actionItemId);
  if (!item) throw new NotFound('action_item', actionItemId);
  if (item.status !== 'OPEN') throw new InvalidState('ACTION_ITEM_NOT_OPEN', `Action item ${actionItemId} is ${item.status.toLowerCase()}`);
  return item;
}
