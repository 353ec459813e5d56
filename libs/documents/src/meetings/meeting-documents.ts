import {
  ActionItemsQueries,
  AgendaQueries,
  AttendanceQueries,
  DecisionsQueries,
  MeetingsQueries,
  MinutesQueries,
  AGENDA_AMENDMENT_KIND_LABELS,
  DECISION_STATUS_LABELS,
  MEETING_KIND_LABELS,
  MEETING_STATUS_LABELS,
  POSITION_LABELS,
  ACTION_ITEM_STATUS_LABELS,
  type AgendaItemView,
  type MeetingView,
} from '@kom/meetings';
import { OrganizationsQueries } from '@kom/organizations';
import type { ReadModelDatabase } from '@kom/projections';
import { DOCUMENT_TEXT, type DocumentLang, type DocumentText } from '../labels/document-labels';
import { calendarDate, osloDateTime } from '../labels/oslo-format';
import type { Block, TextDocument } from '../render/document-model';
import { Forbidden, NotFound, measureRefLabel } from '@kom/kernel';

/** Who may read what, as the GraphQL read side decides it: a draft agenda is the secretariat's only. */
export interface MeetingDocumentAccess {
  readonly mayReadDraftAgenda: boolean;
}

function meetingOrRefuse(readModels: ReadModelDatabase, meetingId: string): MeetingView {
  const meeting = new MeetingsQueries(readModels).byId(meetingId);
  if (!meeting) throw new NotFound('meeting', meetingId);
  return meeting;
}

function meetingFacts(meeting: MeetingView, t: DocumentText, lang: DocumentLang): Block {
  const items: (readonly [string, string])[] = [
    [t.body, MEETING_KIND_LABELS[meeting.kind][lang]],
    [t.when, `${osloDateTime(meeting.startsAt, lang)}–${osloDateTime(meeting.endsAt, lang).slice(-5)}`],
    [t.status, MEETING_STATUS_LABELS[meeting.status][lang]],
  ];
  if (meeting.location) items.push([t.where, meeting.location]);
  if (meeting.videoLink) items.push([t.videoLink, meeting.videoLink]);
  if (meeting.cancelledReason) items.push([t.cancelled, meeting.cancelledReason]);
  return { kind: 'facts', items };
}

function itemBlocks(item: AgendaItemView, index: number, t: DocumentText, orgName: (id: string) => string, published: boolean): Block[] {
  const marks: string[] = [];
  if (published && item.addedByAmendment) marks.push(t.addedAfterPublishing);
  else if (published && item.updatedByAmendment) marks.push(t.amended);
  const blocks: Block[] = [{ kind: 'heading', level: 3, text: `${t.item} ${index + 1}: ${item.title}`, note: marks.join(', ') || undefined }];
  if (item.description) blocks.push({ kind: 'paragraph', text: item.description });
  const facts: (readonly [string, string])[] = [];
  if (item.presentingOrganizationId) facts.push([t.presentedBy, orgName(item.presentingOrganizationId)]);
  if (item.citedMeasures.length > 0) facts.push([t.citedMeasures, item.citedMeasures.map(measureRefLabel).join(', ')]);
  if (item.sourceIssueId) facts.push([t.forwardedIssue, item.sourceIssueId]);
  if (facts.length > 0) blocks.push({ kind: 'facts', items: facts });
  return blocks;
}

/** The agenda of one meeting: its items in order, cited measures and forwarded issues, amendments marked. */
export function agendaDocument(readModels: ReadModelDatabase, meetingId: string, lang: DocumentLang, access: MeetingDocumentAccess): TextDocument {
  const t = DOCUMENT_TEXT[lang];
  const meeting = meetingOrRefuse(readModels, meetingId);
  const published = meeting.agendaPublishedAt !== null;
  if (!published && !access.mayReadDraftAgenda) {
    throw new Forbidden('AGENDA_NOT_PUBLISHED', 'The agenda is a draft until it is published; only the secretariat sees drafts');
  }
  const organizations = new OrganizationsQueries(readModels);
  const orgName = (id: string) => organizations.byId(id)?.name ?? id;
  const agenda = new AgendaQueries(readModels);
  const items = agenda.items(meetingId).filter((i) => i.position !== null);
  const removed = agenda.items(meetingId).filter((i) => i.position === null);
  const blocks: Block[] = [meetingFacts(meeting, t, lang), { kind: 'heading', level: 2, text: t.items }];
  if (items.length === 0) blocks.push({ kind: 'paragraph', text: t.noAgenda });
  items.forEach((item, index) => blocks.push(...itemBlocks(item, index, t, orgName, published)));
  const amendments = published ? agenda.amendments(meetingId) : [];
  if (amendments.length > 0 || removed.length > 0) {
    blocks.push({ kind: 'heading', level: 2, text: t.amendments });
    blocks.push({
      kind: 'list',
      items: amendments.map((a) => {
        const when = a.occurredAt ? `${osloDateTime(a.occurredAt, lang)}: ` : '';
        const what = AGENDA_AMENDMENT_KIND_LABELS[a.kind][lang];
        return `${when}${what}${a.title ? ` — ${a.title}` : ''}${a.reason ? ` (${t.reason.toLowerCase()}: ${a.reason})` : ''}`;
      }),
    });
  }
  return {
    shape: 'text',
    lang,
    title: `${t.agenda}: ${meeting.title}${published ? '' : ` (${t.draft.toLowerCase()})`}`,
    subtitle: `${MEETING_KIND_LABELS[meeting.kind][lang]} · ${osloDateTime(meeting.startsAt, lang)}`,
    blocks,
  };
}

/** The minutes of one meeting: attendance, decisions with positions and dissent, action items, the text. */
export function minutesDocument(readModels: ReadModelDatabase, meetingId: string, lang: DocumentLang, at: Date): TextDocument {
  const t = DOCUMENT_TEXT[lang];
  const meeting = meetingOrRefuse(readModels, meetingId);
  const organizations = new OrganizationsQueries(readModels);
  const orgName = (id: string) => organizations.byId(id)?.name ?? id;
  const agenda = new AgendaQueries(readModels);
  const decisions = new DecisionsQueries(readModels);
  const minutes = new MinutesQueries(readModels).byMeeting(meetingId);
  const attendance = new AttendanceQueries(readModels).byMeeting(meetingId);
  const actionItems = new ActionItemsQueries(readModels, { now: () => at }).byMeeting(meetingId);

  const blocks: Block[] = [meetingFacts(meeting, t, lang), { kind: 'heading', level: 2, text: t.attendance }];
  const present = attendance.map((a) => orgName(a.organizationId)).sort((a, b) => a.localeCompare(b, 'nb'));
  blocks.push(present.length > 0 ? { kind: 'list', items: present } : { kind: 'paragraph', text: t.none });

  blocks.push({ kind: 'heading', level: 2, text: t.decisions });
  // In agenda order, then as recorded: the order the meeting took them.
  const order = new Map(agenda.items(meetingId).map((item) => [item.id, item.position ?? Number.MAX_SAFE_INTEGER]));
  const recorded = [...decisions.byMeeting(meetingId)].sort((a, b) => (order.get(a.agendaItemId) ?? 0) - (order.get(b.agendaItemId) ?? 0) || (a.recordedAt ?? '').localeCompare(b.recordedAt ?? '') || a.id.localeCompare(b.id));
  if (recorded.length === 0) blocks.push({ kind: 'paragraph', text: t.none });
  for (const d of recorded) {
    const item = agenda.item(meetingId, d.agendaItemId);
    blocks.push({ kind: 'heading', level: 3, text: `${t.decision}: ${item?.title ?? d.agendaItemId}`, note: d.status === 'ACTIVE' ? undefined : DECISION_STATUS_LABELS[d.status][lang] });
    blocks.push({ kind: 'paragraph', text: d.text });
    const facts: (readonly [string, string])[] = [];
    if (d.rationale) facts.push([t.rationale, d.rationale]);
    if (d.citedMeasures.length > 0) facts.push([t.citedMeasures, d.citedMeasures.map(measureRefLabel).join(', ')]);
    if (d.reviewDate) facts.push([t.reviewDate, calendarDate(d.reviewDate, lang)]);
    if (d.supersededBy) facts.push([t.supersededBy, d.supersededBy]);
    if (d.revokedReason) facts.push([t.revokedReason, d.revokedReason]);
    if (facts.length > 0) blocks.push({ kind: 'facts', items: facts });
    const positions = decisions.positions(d.id);
    blocks.push(
      positions.length > 0
        ? {
            kind: 'table',
            caption: t.positions,
            columns: [t.organization, t.stance, t.reason],
            rows: positions.map((p) => [orgName(p.organizationId), POSITION_LABELS[p.position][lang], p.reason ?? '']),
          }
        : { kind: 'paragraph', text: t.noPositions },
    );
  }

  blocks.push({ kind: 'heading', level: 2, text: t.actionItems });
  blocks.push(
    actionItems.length > 0
      ? {
          kind: 'table',
          caption: t.actionItems,
          columns: [t.actionItems, t.owner, t.due, t.status],
          rows: actionItems.map((a) => [a.description, orgName(a.responsibleOrganizationId), calendarDate(a.dueDate, lang), ACTION_ITEM_STATUS_LABELS[a.status][lang]]),
        }
      : { kind: 'paragraph', text: t.none },
  );

  blocks.push({ kind: 'heading', level: 2, text: t.minutesText });
  blocks.push({ kind: 'paragraph', text: minutes?.text || t.none });
  if (minutes?.approvedAtMeetingId) {
    const approvedAt = new MeetingsQueries(readModels).byId(minutes.approvedAtMeetingId);
    blocks.push({ kind: 'facts', items: [[t.approvedAt, approvedAt ? `${approvedAt.title} (${osloDateTime(approvedAt.startsAt, lang)})` : minutes.approvedAtMeetingId]] });
  }
  const draft = minutes?.status !== 'APPROVED';
  return {
    shape: 'text',
    lang,
    title: `${t.minutes}: ${meeting.title}${draft ? ` (${t.draft.toLowerCase()})` : ''}`,
    subtitle: `${MEETING_KIND_LABELS[meeting.kind][lang]} · ${osloDateTime(meeting.startsAt, lang)}`,
    blocks,
  };
}
