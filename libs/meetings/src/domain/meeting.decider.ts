import {
  Forbidden,
  InvalidInput,
  InvalidState,
  NotFound,
  assertNever,
  type Actor,
  type DecisionContext,
  type Decider,
} from '@kom/kernel';
import type { MeetingCommand, OtherMeeting } from './meeting.commands';
import { KOM_TIME_ZONE, MEETING_KINDS, POSITIONS, type MeetingEvent, type MeetingKind, type Position } from './meeting.events';
import { osloDate } from './oslo-time';

/*
 * The Meeting aggregate: one stream per meeting (`meeting-<meetingId>`) holding its schedule,
 * agenda, attendance, decisions, action items and minutes.
 *
 * Lifecycle: SCHEDULED (agenda drafted) → PUBLISHED (agenda published) → HELD (attendance
 * recorded); CANCELLED from SCHEDULED or PUBLISHED. Nothing is accepted on a cancelled meeting.
 *
 * Decisions taken here (each is checked by a spec beside this file):
 * - Only the secretariat (or the platform itself, SYSTEM) runs meetings, agendas, attendance,
 *   decisions, action items and minutes (SECRETARIAT_ONLY). Positions are the exception: see
 *   RecordPosition below.
 * - Scheduling or rescheduling into the past is refused for people (MEETING_IN_THE_PAST) but
 *   allowed for SYSTEM, which backfills history (seed, import).
 * - Agenda changes after publishing are amendments (amendment=true) until the meeting is held;
 *   a published agenda keeps at least one item (AGENDA_WOULD_BE_EMPTY). An item id is never
 *   reused, not even after the item was removed (AGENDA_ITEM_ALREADY_EXISTS). An issue is on an
 *   agenda at most once (ISSUE_ALREADY_ON_AGENDA).
 * - Attendance needs a published agenda (AGENDA_NOT_PUBLISHED) and a started meeting
 *   (MEETING_NOT_STARTED); it may be corrected until the minutes are approved, but an
 *   organisation with a recorded position cannot be dropped from it (ATTENDEE_HAS_POSITIONS).
 * - Decisions, positions, action items and minutes drafts are accepted on a HELD meeting until
 *   the minutes are approved (MINUTES_ALREADY_APPROVED). A position may be changed until then
 *   (the last one counts; the log keeps every one). Superseding, revoking, completing and
 *   cancelling action items stay possible after approval: they happen at later meetings.
 * - The secretariat flags a decision, in any status, as pointing to a research need
 *   (RESEARCH_NEED_REQUIRED, TEXT_TOO_LONG); the same text again changes nothing.
 * - Dates (review, due) are compared with the meeting's calendar date in Europe/Oslo.
 */

export type MeetingStatus = 'SCHEDULED' | 'PUBLISHED' | 'HELD' | 'CANCELLED';
export type DecisionStatus = 'ACTIVE' | 'SUPERSEDED' | 'REVOKED';
export type ActionItemStatus = 'OPEN' | 'COMPLETED' | 'CANCELLED';

export interface AgendaItem {
  readonly itemId: string;
  readonly title: string;
  readonly description: string;
  readonly presentingOrganizationId: string | null;
  readonly citedMeasures: readonly number[];
  readonly sourceIssueId: string | null;
  /** Added after the agenda was published. */
  readonly addedByAmendment: boolean;
  /** Changed after the agenda was published (stays true once set). */
  readonly updatedByAmendment: boolean;
}

/** An item removed after the agenda was published: it stays visible as removed, with the reason given. */
export interface RemovedAgendaItem extends AgendaItem {
  readonly removalReason: string | null;
}

export type AgendaAmendmentKind = 'ADDED' | 'UPDATED' | 'REORDERED' | 'REMOVED';

/** One change made to the agenda after it was published (one per amendment event). */
export interface AgendaAmendment {
  readonly kind: AgendaAmendmentKind;
  /** Null for a reordering. */
  readonly itemId: string | null;
  /** The item's title after the change (before it, for a removal); null for a reordering. */
  readonly title: string | null;
  /** The reason given, for a removal. */
  readonly reason: string | null;
  /** The new order, for a reordering. */
  readonly itemIds: readonly string[] | null;
}

export interface RecordedPosition {
  readonly position: Position;
  readonly reason: string | null;
}

export interface Decision {
  readonly decisionId: string;
  readonly agendaItemId: string;
  readonly text: string;
  readonly rationale: string;
  readonly citedMeasures: readonly number[];
  readonly reviewDate: string | null;
  readonly supersedes: string | null;
  readonly status: DecisionStatus;
  readonly supersededBy: { readonly decisionId: string; readonly meetingId: string } | null;
  readonly revokedReason: string | null;
  /** The research need it points to, if flagged. */
  readonly researchNeed: string | null;
  /** By organisation id; the latest recorded position counts. */
  readonly positions: Readonly<Record<string, RecordedPosition>>;
}

export interface ActionItem {
  readonly actionItemId: string;
  readonly description: string;
  readonly responsibleOrganizationId: string;
  readonly dueDate: string;
  readonly decisionId: string | null;
  readonly agendaItemId: string | null;
  readonly status: ActionItemStatus;
  /** Set when COMPLETED (if a note was given). */
  readonly completionNote: string | null;
  /** Set when CANCELLED. */
  readonly cancelledReason: string | null;
}

export type Minutes =
  | { readonly status: 'none' }
  | { readonly status: 'draft'; readonly text: string }
  | { readonly status: 'approved'; readonly text: string; readonly approvedAtMeetingId: string };

export interface Meeting {
  readonly status: MeetingStatus;
  readonly meetingId: string;
  readonly kind: MeetingKind;
  readonly title: string;
  readonly startsAt: string;
  readonly endsAt: string;
  readonly location: string | null;
  readonly videoLink: string | null;
  readonly seriesId: string | null;
  readonly seriesIndex: number | null;
  readonly agendaPublishedAt: string | null;
  readonly cancelledReason: string | null;
  /** The current agenda in order; removed items are gone from it. */
  readonly agenda: readonly AgendaItem[];
  /**
   * Items removed after publishing (amendments), in the order removed: they stay visible as removed.
   * Items removed while the agenda was a draft are gone without a trace (besides usedItemIds).
   */
  readonly removedItems: readonly RemovedAgendaItem[];
  /** Every change made to the agenda after it was published, oldest first. */
  readonly amendments: readonly AgendaAmendment[];
  /** Every item id ever used on this agenda, removed ones included: ids are never reused. */
  readonly usedItemIds: readonly string[];
  /** Organisations present; empty until attendance is recorded. */
  readonly attendance: readonly string[];
  readonly decisions: readonly Decision[];
  readonly actionItems: readonly ActionItem[];
  readonly minutes: Minutes;
}

export type MeetingState = { readonly status: 'none' } | Meeting;

export const initialState: MeetingState = { status: 'none' };

export const meetingStream = (meetingId: string) => `meeting-${meetingId}`;

// Limits mirror the published event schemas, so a refusal names the rule instead of failing
// schema validation.
const MAX_TITLE = 300;
const MAX_TEXT = 20_000;
const MAX_REASON = 5_000;
const MAX_RESEARCH_NEED = 1_000;
const MAX_CANCEL_REASON = 2_000;
const MAX_MINUTES = 100_000;
const MAX_LOCATION = 300;
const MAX_VIDEO_LINK = 500;
const MAX_ID = 100;
const MAX_AGENDA_ITEMS = 200;
const MEASURE_COUNT = 35;

// ---------------------------------------------------------------------------------------------
// evolve

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
        positions: { ...decision.positions, [d.organizationId]: { position: d.position, reason: d.reason } },
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

// ---------------------------------------------------------------------------------------------
// decide

type Cmd<T extends MeetingCommand['type']> = Extract<MeetingCommand, { type: T }>;

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

// --- schedule ----------------------------------------------------------------------------------

function scheduleMeeting(c: Cmd<'ScheduleMeeting'>, state: MeetingState, now: Date, actor: Actor): MeetingEvent[] {
  if (state.status !== 'none') {
    // A series re-run schedules the same (seriesId, seriesIndex) again: nothing to do.
    if (c.seriesId != null && state.seriesId === c.seriesId && state.seriesIndex === (c.seriesIndex ?? null)) return [];
    throw new InvalidState('MEETING_ALREADY_SCHEDULED', `Meeting ${c.meetingId} is already scheduled`);
  }
  requireId(c.meetingId, 'meetingId');
  if (!(MEETING_KINDS as readonly string[]).includes(c.kind)) {
    throw new InvalidInput('UNKNOWN_MEETING_KIND', `A meeting is one of ${MEETING_KINDS.join(', ')}`);
  }
  const title = requiredTitle(c.title);
  const times = meetingTimes(c.startsAt, c.endsAt, now, actor);
  const place = meetingPlace(c.location ?? null, c.videoLink ?? null);
  const seriesId = c.seriesId ?? null;
  const seriesIndex = c.seriesIndex ?? null;
  if ((seriesId === null) !== (seriesIndex === null) || (seriesIndex !== null && !(Number.isInteger(seriesIndex) && seriesIndex >= 0))) {
    throw new InvalidInput('INVALID_SERIES', 'A meeting of a series names both the series and its 0-based place in it');
  }
  if (seriesId !== null) requireId(seriesId, 'seriesId');
  return [
    {
      type: 'MeetingScheduled',
      data: { meetingId: c.meetingId, kind: c.kind, title, ...times, ...place, seriesId, seriesIndex, timeZone: KOM_TIME_ZONE },
    },
  ];
}

function rescheduleMeeting(c: Cmd<'RescheduleMeeting'>, m: Meeting, now: Date, actor: Actor): MeetingEvent[] {
  if (m.status === 'HELD') throw new InvalidState('MEETING_ALREADY_HELD', 'A held meeting cannot be rescheduled');
  const times = meetingTimes(c.startsAt, c.endsAt, now, actor);
  // An omitted place keeps the current one; null clears it.
  const place = meetingPlace(
    c.location === undefined ? m.location : c.location,
    c.videoLink === undefined ? m.videoLink : c.videoLink,
  );
  if (times.startsAt === m.startsAt && times.endsAt === m.endsAt && place.location === m.location && place.videoLink === m.videoLink) {
    return [];
  }
  return [{ type: 'MeetingRescheduled', data: { meetingId: m.meetingId, ...times, ...place } }];
}

function cancelMeeting(c: Cmd<'CancelMeeting'>, m: Meeting): MeetingEvent[] {
  if (m.status === 'HELD') throw new InvalidState('MEETING_ALREADY_HELD', 'A held meeting cannot be cancelled');
  const reason = requiredText(c.reason, MAX_CANCEL_REASON, 'reason', 'REASON_REQUIRED');
  return [{ type: 'MeetingCancelled', data: { meetingId: m.meetingId, reason } }];
}

function meetingTimes(startsAtRaw: string, endsAtRaw: string, now: Date, actor: Actor): { startsAt: string; endsAt: string } {
  const startsAt = instant(startsAtRaw, 'startsAt');
  const endsAt = instant(endsAtRaw, 'endsAt');
  if (Date.parse(endsAt) <= Date.parse(startsAt)) {
    throw new InvalidInput('END_NOT_AFTER_START', 'A meeting ends after it starts');
  }
  // People plan meetings ahead; the platform itself may backfill meetings that already took place.
  if (actor.role !== 'SYSTEM' && Date.parse(startsAt) < now.getTime()) {
    throw new InvalidInput('MEETING_IN_THE_PAST', 'A meeting cannot be scheduled to start in the past');
  }
  return { startsAt, endsAt };
}

function meetingPlace(locationRaw: string | null, videoLinkRaw: string | null): { location: string | null; videoLink: string | null } {
  const location = optionalText(locationRaw, MAX_LOCATION, 'location', 'LOCATION_TOO_LONG');
  const videoLink = optionalText(videoLinkRaw, MAX_VIDEO_LINK, 'videoLink', 'VIDEO_LINK_TOO_LONG');
  if (location === null && videoLink === null) {
    throw new InvalidInput('PLACE_REQUIRED', 'A meeting needs a location, a video link, or both');
  }
  if (videoLink !== null && !/^https?:\/\/\S+$/i.test(videoLink)) {
    throw new InvalidInput('VIDEO_LINK_NOT_A_URL', 'A video link is an http(s) address');
  }
  return { location, videoLink };
}

// --- agenda ------------------------------------------------------------------------------------

/** Agenda changes are drafts before publishing, amendments after, and refused once held. */
function agendaOpen(m: Meeting): Meeting {
  if (m.status === 'HELD') throw new InvalidState('MEETING_ALREADY_HELD', 'The agenda of a held meeting cannot change');
  return m;
}

const isAmendment = (m: Meeting) => m.status === 'PUBLISHED';

function addAgendaItem(c: Cmd<'AddAgendaItem'>, m: Meeting): MeetingEvent[] {
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

function updateAgendaItem(c: Cmd<'UpdateAgendaItem'>, m: Meeting): MeetingEvent[] {
  const current = agendaItem(m, c.itemId);
  const fields = agendaItemFields(c, current);
  if (
    fields.title === current.title &&
    fields.description === current.description &&
    fields.presentingOrganizationId === current.presentingOrganizationId &&
    sameNumbers(fields.citedMeasures, current.citedMeasures)
  ) {
    return [];
  }
  return [{ type: 'AgendaItemUpdated', data: { meetingId: m.meetingId, itemId: c.itemId, ...fields, amendment: isAmendment(m) } }];
}

/**
 * Title is always given; an omitted (undefined) description, presenting organisation or list of
 * measures keeps the current value on update (empty / none on add), null clears it.
 */
function agendaItemFields(
  c: { title: string; description?: string | null; presentingOrganizationId?: string | null; citedMeasures?: readonly number[] },
  current: AgendaItem | undefined,
) {
  const title = requiredTitle(c.title);
  const description =
    c.description === undefined ? (current?.description ?? '') : (optionalText(c.description, MAX_TEXT, 'description', 'TEXT_TOO_LONG') ?? '');
  const presentingOrganizationId =
    c.presentingOrganizationId === undefined ? (current?.presentingOrganizationId ?? null) : optionalId(c.presentingOrganizationId, 'presentingOrganizationId');
  const citedMeasures = c.citedMeasures === undefined ? [...(current?.citedMeasures ?? [])] : measures(c.citedMeasures);
  return { title, description, presentingOrganizationId, citedMeasures };
}

function reorderAgenda(c: Cmd<'ReorderAgenda'>, m: Meeting): MeetingEvent[] {
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

function removeAgendaItem(c: Cmd<'RemoveAgendaItem'>, m: Meeting): MeetingEvent[] {
  agendaItem(m, c.itemId);
  if (m.status === 'PUBLISHED' && m.agenda.length === 1) {
    throw new InvalidState('AGENDA_WOULD_BE_EMPTY', 'A published agenda keeps at least one item');
  }
  const reason = optionalText(c.reason ?? null, MAX_CANCEL_REASON, 'reason', 'TEXT_TOO_LONG');
  return [{ type: 'AgendaItemRemoved', data: { meetingId: m.meetingId, itemId: c.itemId, amendment: isAmendment(m), reason } }];
}

function publishAgenda(_c: Cmd<'PublishAgenda'>, m: Meeting, now: Date): MeetingEvent[] {
  if (m.status !== 'SCHEDULED') throw new InvalidState('AGENDA_ALREADY_PUBLISHED', 'The agenda is published once');
  if (m.agenda.length === 0) throw new InvalidState('AGENDA_EMPTY', 'An agenda needs at least one item to be published');
  return [{ type: 'AgendaPublished', data: { meetingId: m.meetingId, publishedAt: now.toISOString() } }];
}

function agendaItem(m: Meeting, itemId: string): AgendaItem {
  const item = m.agenda.find((i) => i.itemId === itemId);
  if (!item) throw new NotFound('agenda_item', itemId);
  return item;
}

// --- attendance --------------------------------------------------------------------------------

function recordAttendance(c: Cmd<'RecordAttendance'>, m: Meeting, now: Date): MeetingEvent[] {
  if (m.status === 'SCHEDULED') throw new InvalidState('AGENDA_NOT_PUBLISHED', 'Attendance is recorded at a meeting with a published agenda');
  notApproved(m);
  if (now.getTime() < Date.parse(m.startsAt)) throw new InvalidState('MEETING_NOT_STARTED', 'Attendance is recorded once the meeting has started');
  const organizationIds = [...c.organizationIds];
  if (organizationIds.length === 0) throw new InvalidInput('ATTENDANCE_EMPTY', 'At least one organisation attends a held meeting');
  const seen = new Set<string>();
  for (const organizationId of organizationIds) {
    if (seen.has(organizationId)) throw new InvalidInput('ATTENDEE_LISTED_TWICE', `${organizationId} is listed twice`);
    seen.add(organizationId);
    if (!c.members.organizationIds.includes(organizationId)) {
      throw new InvalidInput('ATTENDEE_NOT_A_MEMBER', `Organisation ${organizationId} was not a member of the meeting's body on the meeting date`);
    }
  }
  // A correction may not drop an organisation whose position is on record.
  for (const decision of m.decisions) {
    for (const organizationId of Object.keys(decision.positions)) {
      if (!seen.has(organizationId)) {
        throw new InvalidState('ATTENDEE_HAS_POSITIONS', `Organisation ${organizationId} has a recorded position and stays in the attendance`);
      }
    }
  }
  if (m.status === 'HELD' && sameSet(organizationIds, m.attendance)) return [];
  return [{ type: 'AttendanceRecorded', data: { meetingId: m.meetingId, organizationIds } }];
}

// --- decisions ---------------------------------------------------------------------------------

function recordDecision(c: Cmd<'RecordDecision'>, m: Meeting): MeetingEvent[] {
  notApproved(m);
  requireId(c.decisionId, 'decisionId');
  if (m.decisions.some((d) => d.decisionId === c.decisionId)) {
    throw new InvalidState('DECISION_ALREADY_RECORDED', `Decision ${c.decisionId} is already recorded`);
  }
  agendaItem(m, c.agendaItemId);
  const text = requiredText(c.text, MAX_TEXT, 'text', 'DECISION_TEXT_REQUIRED');
  const rationale = optionalText(c.rationale ?? null, MAX_TEXT, 'rationale', 'TEXT_TOO_LONG') ?? '';
  const citedMeasures = measures(c.citedMeasures ?? []);
  const reviewDate = c.reviewDate == null ? null : calendarDate(c.reviewDate, 'reviewDate');
  if (reviewDate !== null && reviewDate < osloDate(m.startsAt)) {
    throw new InvalidInput('REVIEW_DATE_BEFORE_MEETING', 'A review date is not before the meeting date');
  }
  const supersedes = c.supersedes ?? null;
  if (supersedes !== null) {
    requireId(supersedes, 'supersedes');
    // A decision is replaced at a later meeting, never by one taken at the same meeting.
    if (supersedes === c.decisionId || m.decisions.some((d) => d.decisionId === supersedes)) {
      throw new InvalidInput('SUPERSEDES_DECISION_OF_SAME_MEETING', 'A decision supersedes a decision of an earlier meeting');
    }
  }
  const positions = c.positions ?? [];
  const seen = new Set<string>();
  const positionEvents: MeetingEvent[] = positions.map((p) => {
    if (seen.has(p.organizationId)) throw new InvalidInput('POSITION_LISTED_TWICE', `${p.organizationId} has one position per decision`);
    seen.add(p.organizationId);
    return positionRecorded(m, c.decisionId, p.organizationId, p.position, p.reason);
  });
  return [
    {
      type: 'DecisionRecorded',
      data: { meetingId: m.meetingId, decisionId: c.decisionId, agendaItemId: c.agendaItemId, text, rationale, citedMeasures, reviewDate, supersedes },
    },
    ...positionEvents,
  ];
}

/**
 * The secretariat records any attending organisation's position; an agency member only their own
 * organisation's; an NGO representative only their own organisation's, and only at a
 * reference-group or joint meeting (NGOs are not members of the project group); auditors read.
 */
function recordPosition(c: Cmd<'RecordPosition'>, state: MeetingState, actor: Actor): MeetingEvent[] {
  if (actor.role === 'AUDITOR') throw new Forbidden('READ_ONLY_ROLE', 'Auditors read; they do not record positions');
  const m = held(open(state, c.meetingId));
  if (actor.role === 'AGENCY_MEMBER' || actor.role === 'NGO_REPRESENTATIVE') {
    if (actor.role === 'NGO_REPRESENTATIVE' && m.kind === 'PROJECT_GROUP') {
      throw new Forbidden('NGO_POSITION_NOT_AT_PROJECT_GROUP', 'NGO representatives record positions at reference-group and joint meetings');
    }
    if (c.organizationId !== actor.organizationId) {
      throw new Forbidden('NOT_OWN_ORGANIZATION', 'A member records the position of their own organisation only');
    }
  }
  notApproved(m);
  const decision = decisionOf(m, c.decisionId);
  if (decision.status !== 'ACTIVE') throw new InvalidState('DECISION_NOT_ACTIVE', `Decision ${c.decisionId} is ${decision.status.toLowerCase()}`);
  const event = positionRecorded(m, c.decisionId, c.organizationId, c.position, c.reason);
  const current = decision.positions[c.organizationId];
  if (event.type === 'PositionRecorded' && current && current.position === event.data.position && current.reason === event.data.reason) {
    return [];
  }
  return [event];
}

function positionRecorded(m: Meeting, decisionId: string, organizationId: string, position: Position, reasonRaw: string | null | undefined): MeetingEvent {
  if (!m.attendance.includes(organizationId)) {
    throw new InvalidInput('POSITION_ORGANIZATION_NOT_ATTENDING', `Organisation ${organizationId} did not attend this meeting`);
  }
  if (!(POSITIONS as readonly string[]).includes(position)) {
    throw new InvalidInput('UNKNOWN_POSITION', `A position is one of ${POSITIONS.join(', ')}`);
  }
  const reason = optionalText(reasonRaw ?? null, MAX_REASON, 'reason', 'TEXT_TOO_LONG');
  if (position === 'OBJECTS' && reason === null) {
    throw new InvalidInput('OBJECTION_NEEDS_REASON', 'An objection states its reason');
  }
  return { type: 'PositionRecorded', data: { meetingId: m.meetingId, decisionId, organizationId, position, reason } };
}

/**
 * The replacing decision was recorded at another meeting (naming this one in `supersedes`); the
 * handler looks it up. It must be a later meeting of the same body, or a joint meeting (a joint
 * meeting speaks for both groups; a single group does not overrule a joint decision).
 */
function supersedeDecision(c: Cmd<'SupersedeDecision'>, m: Meeting): MeetingEvent[] {
  const decision = decisionOf(m, c.decisionId);
  if (decision.status !== 'ACTIVE') throw new InvalidState('DECISION_NOT_ACTIVE', `Decision ${c.decisionId} is ${decision.status.toLowerCase()}`);
  const by = c.supersededBy;
  if (by.supersedes !== decision.decisionId) {
    throw new InvalidInput('REPLACING_DECISION_DOES_NOT_NAME_THIS', `Decision ${by.decisionId} was not recorded to supersede ${decision.decisionId}`);
  }
  if (by.status !== undefined && by.status !== 'ACTIVE') {
    throw new InvalidState('REPLACING_DECISION_NOT_ACTIVE', `Decision ${by.decisionId} is ${by.status.toLowerCase()}`);
  }
  if (by.meeting.meetingId === m.meetingId || Date.parse(by.meeting.startsAt) <= Date.parse(m.startsAt)) {
    throw new InvalidInput('REPLACING_DECISION_NOT_LATER', 'A decision is superseded by a decision of a later meeting');
  }
  if (by.meeting.kind !== m.kind && by.meeting.kind !== 'JOINT') {
    throw new InvalidInput('REPLACING_DECISION_OTHER_BODY', 'A decision is superseded by the same body, or by a joint meeting');
  }
  return [
    {
      type: 'DecisionSuperseded',
      data: { meetingId: m.meetingId, decisionId: decision.decisionId, supersededByDecisionId: by.decisionId, supersededByMeetingId: by.meeting.meetingId },
    },
  ];
}

function revokeDecision(c: Cmd<'RevokeDecision'>, m: Meeting): MeetingEvent[] {
  const decision = decisionOf(m, c.decisionId);
  if (decision.status !== 'ACTIVE') throw new InvalidState('DECISION_NOT_ACTIVE', `Decision ${c.decisionId} is ${decision.status.toLowerCase()}`);
  const reason = requiredText(c.reason, MAX_REASON, 'reason', 'REASON_REQUIRED');
  return [{ type: 'DecisionRevoked', data: { meetingId: m.meetingId, decisionId: decision.decisionId, reason } }];
}

/** Any decision, whatever its status: a research need outlives the decision that named it. */
function flagDecisionResearchNeed(c: Cmd<'FlagDecisionResearchNeed'>, m: Meeting): MeetingEvent[] {
  const decision = decisionOf(m, c.decisionId);
  const text = requiredText(c.text, MAX_RESEARCH_NEED, 'text', 'RESEARCH_NEED_REQUIRED');
  // A national identity number in the text is refused on the command path, before this runs.
  if (text === decision.researchNeed) return [];
  return [{ type: 'DecisionResearchNeedFlagged', data: { meetingId: m.meetingId, decisionId: decision.decisionId, text } }];
}

function decisionOf(m: Meeting, decisionId: string): Decision {
  const decision = m.decisions.find((d) => d.decisionId === decisionId);
  if (!decision) throw new NotFound('decision', decisionId);
  return decision;
}

// --- action items ------------------------------------------------------------------------------

function assignActionItem(c: Cmd<'AssignActionItem'>, m: Meeting): MeetingEvent[] {
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

function completeActionItem(c: Cmd<'CompleteActionItem'>, m: Meeting, actor: Actor): MeetingEvent[] {
  responsibleOrSecretariat(openActionItem(m, c.actionItemId), actor);
  const note = optionalText(c.note ?? null, MAX_REASON, 'note', 'TEXT_TOO_LONG');
  return [{ type: 'ActionItemCompleted', data: { meetingId: m.meetingId, actionItemId: c.actionItemId, note } }];
}

function reportActionItemProgress(c: Cmd<'ReportActionItemProgress'>, m: Meeting, actor: Actor): MeetingEvent[] {
  responsibleOrSecretariat(openActionItem(m, c.actionItemId), actor);
  const note = requiredText(c.note, MAX_REASON, 'note', 'NOTE_REQUIRED');
  return [{ type: 'ActionItemProgressReported', data: { meetingId: m.meetingId, actionItemId: c.actionItemId, note } }];
}

/** An action item is followed up by the organisation responsible for it, or by the secretariat. */
function responsibleOrSecretariat(item: ActionItem, actor: Actor): void {
  if (actor.role === 'SECRETARIAT') return;
  if (actor.role === 'AUDITOR') throw new Forbidden('READ_ONLY_ROLE', 'Auditors read; they do not follow up action items');
  if (actor.organizationId !== item.responsibleOrganizationId) {
    throw new Forbidden('NOT_OWN_ORGANIZATION', "A member follows up their own organisation's action items only");
  }
}

function cancelActionItem(c: Cmd<'CancelActionItem'>, m: Meeting): MeetingEvent[] {
  openActionItem(m, c.actionItemId);
  const reason = requiredText(c.reason, MAX_REASON, 'reason', 'REASON_REQUIRED');
  return [{ type: 'ActionItemCancelled', data: { meetingId: m.meetingId, actionItemId: c.actionItemId, reason } }];
}

function openActionItem(m: Meeting, actionItemId: string): ActionItem {
  const item = m.actionItems.find((a) => a.actionItemId === actionItemId);
  if (!item) throw new NotFound('action_item', actionItemId);
  if (item.status !== 'OPEN') throw new InvalidState('ACTION_ITEM_NOT_OPEN', `Action item ${actionItemId} is ${item.status.toLowerCase()}`);
  return item;
}

// --- minutes -----------------------------------------------------------------------------------

function recordMinutes(c: Cmd<'RecordMinutes'>, m: Meeting): MeetingEvent[] {
  notApproved(m);
  const text = requiredText(c.text, MAX_MINUTES, 'text', 'MINUTES_TEXT_REQUIRED');
  if (m.minutes.status === 'draft' && m.minutes.text === text) return [];
  return [{ type: 'MinutesDrafted', data: { meetingId: m.meetingId, text } }];
}

/**
 * Minutes are approved by the next meeting of the same body: the approving meeting is of the
 * same kind, starts later, is not cancelled, has been held (its attendance is recorded, so it
 * could approve), and is the first such meeting after this one (the handler looks it up).
 */
function approveMinutes(c: Cmd<'ApproveMinutes'>, m: Meeting): MeetingEvent[] {
  held(m);
  notApproved(m);
  if (m.minutes.status !== 'draft') throw new InvalidState('MINUTES_NOT_DRAFTED', 'There are no minutes to approve yet');
  const approving: OtherMeeting = c.approvingMeeting;
  if (approving.kind !== m.kind) {
    throw new InvalidInput('APPROVING_MEETING_OTHER_BODY', 'Minutes are approved by a meeting of the same body');
  }
  if (approving.meetingId === m.meetingId || Date.parse(approving.startsAt) <= Date.parse(m.startsAt)) {
    throw new InvalidInput('APPROVING_MEETING_NOT_LATER', 'Minutes are approved at a later meeting');
  }
  if (approving.status === 'CANCELLED') throw new InvalidState('APPROVING_MEETING_CANCELLED', `Meeting ${approving.meetingId} was cancelled`);
  if (approving.status !== 'HELD') {
    throw new InvalidState('APPROVING_MEETING_NOT_HELD', `Meeting ${approving.meetingId} has not been held (no attendance recorded)`);
  }
  if (c.nextMeetingOfBody === null || c.nextMeetingOfBody.meetingId !== approving.meetingId) {
    throw new InvalidInput('APPROVING_MEETING_NOT_NEXT', 'Minutes are approved by the next meeting of the same body');
  }
  return [{ type: 'MinutesApproved', data: { meetingId: m.meetingId, approvedAtMeetingId: approving.meetingId } }];
}

// --- guards and input helpers ------------------------------------------------------------------

function requireSecretariat(actor: Actor): void {
  if (actor.role !== 'SECRETARIAT' && actor.role !== 'SYSTEM') {
    throw new Forbidden('SECRETARIAT_ONLY', 'Only the KOM secretariat runs meetings, agendas and minutes');
  }
}

/** The meeting exists and is not cancelled. */
function open(state: MeetingState, meetingId: string): Meeting {
  if (state.status === 'none') throw new NotFound('meeting', meetingId);
  if (state.status === 'CANCELLED') throw new InvalidState('MEETING_CANCELLED', `Meeting ${meetingId} was cancelled`);
  return state;
}

function held(m: Meeting): Meeting {
  if (m.status !== 'HELD') throw new InvalidState('MEETING_NOT_HELD', 'This happens at a held meeting (record the attendance first)');
  return m;
}

function notApproved(m: Meeting): void {
  if (m.minutes.status === 'approved') {
    throw new InvalidState('MINUTES_ALREADY_APPROVED', 'The minutes are approved: the record of this meeting is closed');
  }
}

function requiredTitle(raw: string): string {
  const title = (raw ?? '').trim().replace(/\s+/g, ' ');
  if (title === '') throw new InvalidInput('TITLE_REQUIRED', 'A title is required');
  if (title.length > MAX_TITLE) throw new InvalidInput('TITLE_TOO_LONG', `A title has at most ${MAX_TITLE} characters`);
  return title;
}

function requiredText(raw: string, max: number, field: string, requiredReason: string): string {
  const text = optionalText(raw, max, field, 'TEXT_TOO_LONG');
  if (text === null) throw new InvalidInput(requiredReason, `${field} is required`);
  return text;
}

/** Trimmed; empty is null. */
function optionalText(raw: string | null | undefined, max: number, field: string, tooLongReason: string): string | null {
  const text = (raw ?? '').trim();
  if (text === '') return null;
  if (text.length > max) throw new InvalidInput(tooLongReason, `${field} has at most ${max} characters`);
  return text;
}

function requireId(value: string, field: string): void {
  if (typeof value !== 'string' || value.trim() === '' || value.length > MAX_ID) {
    throw new InvalidInput('INVALID_ID', `${field} is an id of 1 to ${MAX_ID} characters`);
  }
}

function optionalId(value: string | null, field: string): string | null {
  if (value === null || value.trim() === '') return null;
  requireId(value, field);
  return value;
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** An ISO 8601 instant with a zone (Z or ±hh:mm), stored normalised to UTC. */
function instant(raw: string, field: string): string {
  const ms = ISO_INSTANT.test(raw ?? '') && isCalendarDate(raw.slice(0, 10)) ? Date.parse(raw) : NaN;
  if (Number.isNaN(ms)) throw new InvalidInput('INVALID_INSTANT', `${field} is an ISO 8601 date and time with a zone`);
  return new Date(ms).toISOString();
}

/** A calendar date YYYY-MM-DD that exists. */
function calendarDate(raw: string, field: string): string {
  if (!isCalendarDate(raw)) throw new InvalidInput('INVALID_DATE', `${field} is a calendar date YYYY-MM-DD`);
  return raw;
}

function isCalendarDate(raw: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw ?? '');
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() + 1 === month && d.getUTCDate() === day;
}

/** Measure numbers of the action plan (1-35): each at most once, ascending. */
function measures(raw: readonly number[]): number[] {
  for (const n of raw) {
    if (!Number.isInteger(n) || n < 1 || n > MEASURE_COUNT) {
      throw new InvalidInput('UNKNOWN_MEASURE', `The action plan has measures 1 to ${MEASURE_COUNT}`);
    }
  }
  return [...new Set(raw)].sort((a, b) => a - b);
}

function sameNumbers(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((n, i) => n === b[i]);
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}

export const meetingDecider: Decider<MeetingCommand, MeetingEvent, MeetingState> = {
  decide,
  evolve,
  initialState,
};
