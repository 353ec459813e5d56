import { DEFAULT_PLAN_MEASURE_COUNT, Forbidden, checkedMeasureRefs, type Citable, type MeasureCitationRef, InvalidInput, InvalidState, NotFound, input, parseInput, type Actor } from '@kom/kernel';
import type { MeetingCommand } from './meeting.commands';
import type { Meeting, MeetingState } from './meeting.state';

/** What every part of the meeting decider checks alike: who acts, the meeting's state, and the shape of input. */
export type Cmd<T extends MeetingCommand['type']> = Extract<MeetingCommand, { type: T }>;

// Limits mirror the published event schemas, so a refusal names the rule instead of failing
// schema validation.
export const MAX_TITLE = 300;
export const MAX_TEXT = 20_000;
export const MAX_REASON = 5_000;
export const MAX_RESEARCH_NEED = 1_000;
export const MAX_CANCEL_REASON = 2_000;
export const MAX_MINUTES = 100_000;
export const MAX_LOCATION = 300;
export const MAX_VIDEO_LINK = 500;
export const MAX_AGENDA_ITEMS = 200;
export const MEASURE_COUNT = DEFAULT_PLAN_MEASURE_COUNT;

export function requireSecretariat(actor: Actor): void {
  if (actor.role !== 'SECRETARIAT' && actor.role !== 'SYSTEM') {
    throw new Forbidden('SECRETARIAT_ONLY', 'Only the KOM secretariat runs meetings, agendas and minutes');
  }
}

/** The meeting exists and is not cancelled. */
export function open(state: MeetingState, meetingId: string): Meeting {
  if (state.status === 'none') throw new NotFound('meeting', meetingId);
  if (state.status === 'CANCELLED') throw new InvalidState('MEETING_CANCELLED', `Meeting ${meetingId} was cancelled`);
  return state;
}

export function held(m: Meeting): Meeting {
  if (m.status !== 'HELD') throw new InvalidState('MEETING_NOT_HELD', 'This happens at a held meeting (record the attendance first)');
  return m;
}

export function notApproved(m: Meeting): void {
  if (m.minutes.status === 'approved') {
    throw new InvalidState('MINUTES_ALREADY_APPROVED', 'The minutes are approved: the record of this meeting is closed');
  }
}

// The input rules are zod schemas from @kom/kernel (`input`), shared with the other deciders; these
// wrappers keep each call site one line.
const titleSchema = input.requiredText('title', MAX_TITLE, 'TITLE_REQUIRED', 'TITLE_TOO_LONG').transform((t) => t.replace(/\s+/g, ' '));

export function requiredTitle(raw: string): string {
  return parseInput(titleSchema, raw, 'title');
}

export function requiredText(raw: string, max: number, field: string, requiredReason: string): string {
  return parseInput(input.requiredText(field, max, requiredReason, 'TEXT_TOO_LONG'), raw, field);
}

/** Trimmed; empty is null. */
export function optionalText(raw: string | null | undefined, max: number, field: string, tooLongReason: string): string | null {
  return parseInput(input.optionalText(field, max, tooLongReason), raw, field);
}

export function requireId(value: string, field: string): void {
  parseInput(input.id(field), value, field);
}

export function optionalId(value: string | null, field: string): string | null {
  if (value === null || value.trim() === '') return null;
  requireId(value, field);
  return value;
}

/** An ISO 8601 instant with a zone (Z or ±hh:mm), stored normalised to UTC. */
export function instant(raw: string, field: string): string {
  return parseInput(input.instant(field), raw, field);
}

/** A calendar date YYYY-MM-DD that exists. */
export function calendarDate(raw: string, field: string): string {
  return parseInput(input.calendarDay(field), raw, field);
}

/** Cited measures that exist in their plans (`citable`, from the command): each at most once, sorted. */
export function measures(raw: readonly MeasureCitationRef[], citable: Citable | undefined): MeasureCitationRef[] {
  return checkedMeasureRefs(raw, citable, 'merge');
}

export function sameNumbers(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((n, i) => n === b[i]);
}

export function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}
