import { InvalidInput, InvalidState, NotFound, sameMeasureRefs, type Citable, type MeasureCitationRef } from '@kom/kernel';
import type { MeetingEvent } from './meeting.events';
import type { AgendaItem, Meeting } from './meeting.state';
import { type Cmd, MAX_AGENDA_ITEMS, MAX_CANCEL_REASON, MAX_TEXT, measures, optionalId, optionalText, requireId, requiredTitle } from './meeting-rules';

/** The agenda: items added, changed, reordered, removed; publishing; amendments after it (specs: meeting-agenda.decider.spec.ts). */
/** Agenda changes are drafts before publishing, amendments after, and refused once held. */
export function agendaOpen(m: Meeting): Meeting {
  if (m.status === 'HELD') throw new InvalidState('MEETING_ALREADY_HELD', 'The agenda of a held meeting cannot change');
  return m;
}

export const isAmendment = (m: Meeting) => m.status === 'PUBLISHED';

export function addAgendaItem(c: Cmd<'AddAgendaItem'>, m: Meeting): MeetingEvent[] {
  requireId(c.itemId, 'itemId');
  if (m.usedItemIds.includes(c.itemId)) {
    throw new InvalidState('AGENDA_ITEM_ALREADY_EXISTS', `Agenda item ${c.itemId} already exists on this agenda`);
  }
  if (m.agenda.length >= MAX_AGENDA_ITEMS) throw new InvalidState('AGENDA_FULL', `An agenda has at most ${MAX_AGENDA_ITEMS} items`);
  const fields = agendaItemFields(c, undefined);
  const sourceIssueId = c.sourceIssueId ?? null;
  if (sourceIssueId !== null) {
    requireId(sourceIssueId, 'sourceIssueId');
    if (m.agenda.some((item) => item.sourceIssueId === sourceIssueId)) {
      throw new InvalidState('ISSUE_ALREADY_ON_AGENDA', `Issue ${sourceIssueId} is already on this agenda`);
    }
  }
  const position = c.position ?? m.agenda.length;
  if (!Number.isInteger(position) || position < 0 || position > m.agenda.length) {
    throw new InvalidInput('AGENDA_POSITION_OUT_OF_RANGE', `The position is between 0 and ${m.agenda.length}`);
  }
  return [
    {
      type: 'AgendaItemAdded',
      data: { meetingId: m.meetingId, itemId: c.itemId, ...fields, sourceIssueId, position, amendment: isAmendment(m) },
    },
  ];
}

export function updateAgendaItem(c: Cmd<'UpdateAgendaItem'>, m: Meeting): MeetingEvent[] {
  const current = agendaItem(m, c.itemId);
  const fields = agendaItemFields(c, current);
  if (
    fields.title === current.title &&
    fields.description === current.description &&
    fields.presentingOrganizationId === current.presentingOrganizationId &&
    sameMeasureRefs(fields.citedMeasures, current.citedMeasures)
  ) {
    return [];
  }
  return [{ type: 'AgendaItemUpdated', data: { meetingId: m.meetingId, itemId: c.itemId, ...fields, amendment: isAmendment(m) } }];
}

/**
 * Title is always given; an omitted (undefined) description, presenting organisation or list of
 * measures keeps the current value on update (empty / none on add), null clears it.
 */
export function agendaItemFields(
  c: { title: string; description?: string | null; presentingOrganizationId?: string | null; citedMeasures?: readonly MeasureCitationRef[]; citable?: Citable },
  current: AgendaItem | undefined,
) {
  const title = requiredTitle(c.title);
  const description =
    c.description === undefined ? (current?.description ?? '') : (optionalText(c.description, MAX_TEXT, 'description', 'TEXT_TOO_LONG') ?? '');
  const presentingOrganizationId =
    c.presentingOrganizationId === undefined ? (current?.presentingOrganizationId ?? null) : optionalId(c.presentingOrganizationId, 'presentingOrganizationId');
  const citedMeasures = c.citedMeasures === undefined ? [...(current?.citedMeasures ?? [])] : measures(c.citedMeasures, c.citable);
  return { title, description, presentingOrganizationId, citedMeasures };
}

export function reorderAgenda(c: Cmd<'ReorderAgenda'>, m: Meeting): MeetingEvent[] {
  const current = m.agenda.map((item) => item.itemId);
  const wanted = [...c.itemIds];
  if (wanted.length !== current.length || new Set(wanted).size !== wanted.length || !wanted.every((id) => current.includes(id))) {
    throw new InvalidInput(
      'AGENDA_REORDER_NOT_A_PERMUTATION',
      'A new order lists every current agenda item exactly once, and nothing else',
    );
  }
  if (wanted.every((id, i) => id === current[i])) return [];
  return [{ type: 'AgendaReordered', data: { meetingId: m.meetingId, itemIds: wanted, amendment: isAmendment(m) } }];
}

export function removeAgendaItem(c: Cmd<'RemoveAgendaItem'>, m: Meeting): MeetingEvent[] {
  agendaItem(m, c.itemId);
  if (m.status === 'PUBLISHED' && m.agenda.length === 1) {
    throw new InvalidState('AGENDA_WOULD_BE_EMPTY', 'A published agenda keeps at least one item');
  }
  const reason = optionalText(c.reason ?? null, MAX_CANCEL_REASON, 'reason', 'TEXT_TOO_LONG');
  return [{ type: 'AgendaItemRemoved', data: { meetingId: m.meetingId, itemId: c.itemId, amendment: isAmendment(m), reason } }];
}

export function publishAgenda(_c: Cmd<'PublishAgenda'>, m: Meeting, now: Date): MeetingEvent[] {
  if (m.status !== 'SCHEDULED') throw new InvalidState('AGENDA_ALREADY_PUBLISHED', 'The agenda is published once');
  if (m.agenda.length === 0) throw new InvalidState('AGENDA_EMPTY', 'An agenda needs at least one item to be published');
  return [{ type: 'AgendaPublished', data: { meetingId: m.meetingId, publishedAt: now.toISOString() } }];
}

export function agendaItem(m: Meeting, itemId: string): AgendaItem {
  const item = m.agenda.find((i) => i.itemId === itemId);
  if (!item) throw new NotFound('agenda_item', itemId);
  return item;
}
