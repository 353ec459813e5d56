import { Forbidden, InvalidInput, InvalidState, NotFound, assertNever, containsNationalIdNumber, type DecisionContext, type Decider } from '@kom/kernel';
import { cleanText } from '@kom/kernel';
import {
  FIGURE_CATEGORIES,
  MAX_CHAPTER_LENGTH,
  MAX_FIGURE,
  type Chapter,
  type FigureCounts,
  type ReportLang,
  type StatusReportEvent,
} from './status-report.events';

/** What the meetings read side says about the decision cited as the approval (null: no such decision). */
export interface ApprovingDecision {
  readonly decisionId: string;
  readonly meetingId: string;
  readonly body: 'PROJECT_GROUP' | 'REFERENCE_GROUP' | 'JOINT';
  readonly status: 'ACTIVE' | 'SUPERSEDED' | 'REVOKED';
}

export type StatusReportCommand =
  | { type: 'DraftStatusReport'; year: number }
  | { type: 'WriteStatusReportChapter'; year: number; chapter: Chapter; lang: ReportLang; text: string }
  | { type: 'RecordStatusReportFigures'; year: number; organizationId: string; counts: Readonly<Record<string, number>> }
  | { type: 'ApproveStatusReport'; year: number; decisionId: string; decision: ApprovingDecision | null }
  | { type: 'PublishStatusReport'; year: number }
  | { type: 'CorrectStatusReport'; year: number; note: string };

export type EditionStatus = 'DRAFT' | 'APPROVED' | 'PUBLISHED';

export type StatusReportState =
  | { readonly status: 'none' }
  | { readonly status: 'exists'; readonly year: number; readonly edition: number; readonly editionStatus: EditionStatus; readonly hasChapters: boolean };

export const initialState: StatusReportState = { status: 'none' };

export const statusReportStream = (year: number) => `status-report-${year}`;

/** Bodies whose decisions speak for the project group. */
const APPROVING_BODIES = new Set(['PROJECT_GROUP', 'JOINT']);

export function evolve(state: StatusReportState, event: StatusReportEvent): StatusReportState {
  switch (event.type) {
    case 'StatusReportDrafted':
      return { status: 'exists', year: event.data.year, edition: event.data.edition, editionStatus: 'DRAFT', hasChapters: false };
    case 'StatusReportChapterWritten':
      return state.status === 'none' ? state : { ...state, hasChapters: true };
    case 'StatusReportFiguresRecorded':
      return state;
    case 'StatusReportApproved':
      return state.status === 'none' ? state : { ...state, editionStatus: 'APPROVED' };
    case 'StatusReportPublished':
      return state.status === 'none' ? state : { ...state, editionStatus: 'PUBLISHED' };
    case 'StatusReportCorrectionOpened':
      // The chapters carry over into the correction: it starts from what was published.
      return state.status === 'none' ? state : { ...state, edition: event.data.edition, editionStatus: 'DRAFT' };
    default:
      return assertNever(event);
  }
}

function checkYear(year: number): void {
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new InvalidInput('INVALID_YEAR', 'a report year is a whole year between 2000 and 2100');
}

function secretariatOnly({ actor }: DecisionContext): void {
  if (actor.role !== 'SECRETARIAT') throw new Forbidden('SECRETARIAT_ONLY', 'only the secretariat writes, approves and publishes the status report');
}

function draftOf(state: StatusReportState, year: number) {
  if (state.status === 'none') throw new NotFound('status report', String(year));
  if (state.editionStatus !== 'DRAFT') throw new InvalidState('REPORT_NOT_DRAFT', `edition ${state.edition} of ${year} is ${state.editionStatus.toLowerCase()}: correct it with a new edition`);
  return state;
}

function checkCounts(counts: Readonly<Record<string, number>>): FigureCounts {
  for (const key of Object.keys(counts)) {
    if (!(FIGURE_CATEGORIES as readonly string[]).includes(key)) throw new InvalidInput('UNKNOWN_FIGURE_CATEGORY', `${key} is not a form of exploitation counted in the report`);
  }
  const out: Record<string, number> = {};
  for (const category of FIGURE_CATEGORIES) {
    const value = counts[category] ?? 0;
    if (!Number.isInteger(value) || value < 0 || value > MAX_FIGURE) throw new InvalidInput('INVALID_FIGURE', `${category} must be a whole number from 0 to ${MAX_FIGURE}`);
    out[category] = value;
  }
  return out as FigureCounts;
}

export function decide(command: StatusReportCommand, state: StatusReportState, context: DecisionContext): StatusReportEvent[] {
  checkYear(command.year);
  const { year } = command;
  switch (command.type) {
    case 'DraftStatusReport':
      secretariatOnly(context);
      if (state.status !== 'none') throw new InvalidState('REPORT_EXISTS', `the status report for ${year} is already drafted`);
      return [{ type: 'StatusReportDrafted', data: { year, edition: 1 } }];
    case 'WriteStatusReportChapter': {
      secretariatOnly(context);
      const draft = draftOf(state, year);
      const text = cleanText(command.text, 'text');
      if (text.length === 0) throw new InvalidInput('CHAPTER_TEXT_REQUIRED', 'a chapter needs text');
      if (text.length > MAX_CHAPTER_LENGTH) throw new InvalidInput('CHAPTER_TOO_LONG', `a chapter holds at most ${MAX_CHAPTER_LENGTH} characters`);
      if (containsNationalIdNumber(text)) throw new InvalidInput('PERSONAL_DATA_REFUSED', 'the text holds a national identity number: the report never holds personal data');
      return [{ type: 'StatusReportChapterWritten', data: { year, edition: draft.edition, chapter: command.chapter, lang: command.lang, text } }];
    }
    case 'RecordStatusReportFigures': {
      const { actor } = context;
      if (actor.role !== 'SECRETARIAT' && actor.role !== 'AGENCY_MEMBER') throw new Forbidden('AGENCY_OR_SECRETARIAT_ONLY', 'figures come from the agencies or the secretariat');
      if (actor.role === 'AGENCY_MEMBER' && actor.organizationId !== command.organizationId) {
        throw new Forbidden('NOT_OWN_ORGANIZATION', "an agency records its own organisation's figures");
      }
      const draft = draftOf(state, year);
      return [{ type: 'StatusReportFiguresRecorded', data: { year, edition: draft.edition, organizationId: command.organizationId, counts: checkCounts(command.counts) } }];
    }
    case 'ApproveStatusReport': {
      secretariatOnly(context);
      const draft = draftOf(state, year);
      if (!draft.hasChapters) throw new InvalidState('REPORT_HAS_NO_CHAPTERS', 'write at least one chapter before approval');
      const decision = command.decision;
      if (decision === null || decision.decisionId !== command.decisionId) throw new InvalidInput('APPROVING_DECISION_NOT_FOUND', `no decision ${command.decisionId}`);
      if (!APPROVING_BODIES.has(decision.body)) throw new InvalidInput('DECISION_NOT_BY_PROJECT_GROUP', 'the report is approved by a decision of the project group (or a joint meeting)');
      if (decision.status === 'REVOKED') throw new InvalidInput('APPROVING_DECISION_REVOKED', `decision ${decision.decisionId} is revoked`);
      return [{ type: 'StatusReportApproved', data: { year, edition: draft.edition, decisionId: decision.decisionId, meetingId: decision.meetingId } }];
    }
    case 'PublishStatusReport': {
      secretariatOnly(context);
      if (state.status === 'none') throw new NotFound('status report', String(year));
      if (state.editionStatus === 'PUBLISHED') throw new InvalidState('REPORT_ALREADY_PUBLISHED', `edition ${state.edition} of ${year} is published`);
      if (state.editionStatus !== 'APPROVED') throw new InvalidState('REPORT_NOT_APPROVED', 'the project group approves the report before it is published');
      return [{ type: 'StatusReportPublished', data: { year, edition: state.edition } }];
    }
    case 'CorrectStatusReport': {
      secretariatOnly(context);
      if (state.status === 'none') throw new NotFound('status report', String(year));
      if (state.editionStatus !== 'PUBLISHED') throw new InvalidState('REPORT_NOT_PUBLISHED', 'only a published edition is corrected; change the draft instead');
      const note = cleanText(command.note, 'note');
      if (note.length === 0) throw new InvalidInput('CORRECTION_NOTE_REQUIRED', 'a correction says what changed');
      if (note.length > 2000) throw new InvalidInput('CORRECTION_NOTE_TOO_LONG', 'a correction note holds at most 2000 characters');
      if (containsNationalIdNumber(note)) throw new InvalidInput('PERSONAL_DATA_REFUSED', 'the note holds a national identity number');
      return [{ type: 'StatusReportCorrectionOpened', data: { year, edition: state.edition + 1, correctsEdition: state.edition, note } }];
    }
    default:
      return assertNever(command);
  }
}

export const statusReportDecider: Decider<StatusReportCommand, StatusReportEvent, StatusReportState> = { decide, evolve, initialState };
