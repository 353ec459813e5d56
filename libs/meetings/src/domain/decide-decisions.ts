import { Forbidden, InvalidInput, InvalidState, NotFound, type Actor, osloDate } from '@kom/kernel';
import { POSITIONS, type MeetingEvent, type Position } from './meeting.events';
import type { Decision, Meeting, MeetingState } from './meeting.state';
import { type Cmd, MAX_REASON, MAX_RESEARCH_NEED, MAX_TEXT, calendarDate, held, measures, notApproved, open, optionalText, requireId, requiredText } from './meeting-rules';
import { agendaItem } from './decide-agenda';

/** Decisions, positions, superseding, revoking and research needs (specs: meeting-decisions.decider.spec.ts). */
export function recordDecision(c: Cmd<'RecordDecision'>, m: Meeting): MeetingEvent[] {
  notApproved(m);
  requireId(c.decisionId, 'decisionId');
  if (m.decisions.some((d) => d.decisionId === c.decisionId)) {
    throw new InvalidState('DECISION_ALREADY_RECORDED', `Decision ${c.decisionId} is already recorded`);
  }
  agendaItem(m, c.agendaItemId);
  const text = requiredText(c.text, MAX_TEXT, 'text', 'DECISION_TEXT_REQUIRED');
  const rationale = optionalText(c.rationale ?? null, MAX_TEXT, 'rationale', 'TEXT_TOO_LONG') ?? '';
  const citedMeasures = measures(c.citedMeasures ?? [], c.citable);
  const reviewDate = c.reviewDate == null ? null : calendarDate(c.reviewDate, 'reviewDate');
  if (reviewDate !== null && reviewDate < osloDate(m.startsAt)) {
    throw new InvalidInput('REVIEW_DATE_BEFORE_MEETING', 'A review date is not before the meeting date');
  }
  const supersedes = c.supersedes ?? null;
  if (supersedes !== null) {
    requireId(supersedes, 'supersedes');
    // A decision is replaced at a later meeting, never by one taken at the same meeting; that the
    // one named exists and may be replaced is checked against its own meeting (record-decision-step.ts).
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
export function recordPosition(c: Cmd<'RecordPosition'>, state: MeetingState, actor: Actor): MeetingEvent[] {
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
  // Who took the position for the organisation: its representative, when the actor is one (not the secretariat recording it).
  const representativeId = c.representative && c.representative.organizationId === c.organizationId && actor.organizationId === c.organizationId ? c.representative.representativeId : undefined;
  const event = positionRecorded(m, c.decisionId, c.organizationId, c.position, c.reason, representativeId);
  const current = decision.positions[c.organizationId];
  if (event.type === 'PositionRecorded' && current && current.position === event.data.position && current.reason === event.data.reason) {
    return [];
  }
  return [event];
}

export function positionRecorded(
  m: Meeting,
  decisionId: string,
  organizationId: string,
  position: Position,
  reasonRaw: string | null | undefined,
  representativeId?: string,
): MeetingEvent {
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
  return { type: 'PositionRecorded', data: { meetingId: m.meetingId, decisionId, organizationId, position, reason, ...(representativeId ? { representativeId } : {}) } };
}

/**
 * The replacing decision was recorded at another meeting (naming this one in `supersedes`); the
 * handler looks it up. It must be a later meeting of the same body, or a joint meeting (a joint
 * meeting speaks for both groups; a single group does not overrule a joint decision). Recording a
 * decision with `supersedes` runs this same rule in the same write (record-decision-step.ts); this
 * command remains for decisions recorded before that, which named one without superseding it.
 */
export function supersedeDecision(c: Cmd<'SupersedeDecision'>, m: Meeting): MeetingEvent[] {
  const decision = decisionOf(m, c.decisionId);
  // Recording the replacing decision already did it (record-decision-step.ts): asking again changes nothing.
  if (decision.status === 'SUPERSEDED' && decision.supersededBy?.decisionId === c.supersededBy.decisionId) return [];
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

export function revokeDecision(c: Cmd<'RevokeDecision'>, m: Meeting): MeetingEvent[] {
  const decision = decisionOf(m, c.decisionId);
  if (decision.status !== 'ACTIVE') throw new InvalidState('DECISION_NOT_ACTIVE', `Decision ${c.decisionId} is ${decision.status.toLowerCase()}`);
  const reason = requiredText(c.reason, MAX_REASON, 'reason', 'REASON_REQUIRED');
  return [{ type: 'DecisionRevoked', data: { meetingId: m.meetingId, decisionId: decision.decisionId, reason } }];
}

/** Any decision, whatever its status: a research need outlives the decision that named it. */
export function flagDecisionResearchNeed(c: Cmd<'FlagDecisionResearchNeed'>, m: Meeting): MeetingEvent[] {
  const decision = decisionOf(m, c.decisionId);
  const text = requiredText(c.text, MAX_RESEARCH_NEED, 'text', 'RESEARCH_NEED_REQUIRED');
  // A national identity number in the text is refused on the command path, before this runs.
  if (text === decision.researchNeed) return [];
  return [{ type: 'DecisionResearchNeedFlagged', data: { meetingId: m.meetingId, decisionId: decision.decisionId, text } }];
}

export function decisionOf(m: Meeting, decisionId: string): Decision {
  const decision = m.decisions.find((d) => d.decisionId === decisionId);
  if (!decision) throw new NotFound('decision', decisionId);
  return decision;
}
