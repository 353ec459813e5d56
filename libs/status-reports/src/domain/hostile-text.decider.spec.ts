import { InvalidInput, TEXT_NOT_ALLOWED } from '@kom/kernel';
import { INVISIBLE_TEXT, deciderSpec, refusedTextCases } from '@kom/kernel/testing';
import { statusReportDecider } from './status-report.decider';
import type { StatusReportEvent } from './status-report.events';

// The platform's text policy (@kom/kernel text-policy.ts) on the annual status report's text.
const given = deciderSpec(statusReportDecider);
const year = 2027;
const drafted: StatusReportEvent = { type: 'StatusReportDrafted', data: { year, edition: 1 } };
const published: StatusReportEvent[] = [
  drafted,
  { type: 'StatusReportChapterWritten', data: { year, edition: 1, chapter: 'TRENDS', lang: 'nb', text: 'Flere saker.' } },
  { type: 'StatusReportApproved', data: { year, edition: 1, decisionId: 'd-1', meetingId: 'm-1' } },
  { type: 'StatusReportPublished', data: { year, edition: 1 } },
];

describe.each(refusedTextCases())('the status report refuses text with %s', (_kind, text) => {
  it('in a chapter and in a correction note', () => {
    given([drafted]).when({ type: 'WriteStatusReportChapter', year, chapter: 'TRENDS', lang: 'nb', text }).thenThrows(InvalidInput, TEXT_NOT_ALLOWED);
    given(published).when({ type: 'CorrectStatusReport', year, note: text }).thenThrows(InvalidInput, TEXT_NOT_ALLOWED);
  });
});

describe('the status report takes text of invisible characters as missing', () => {
  it('CHAPTER_TEXT_REQUIRED, CORRECTION_NOTE_REQUIRED', () => {
    given([drafted]).when({ type: 'WriteStatusReportChapter', year, chapter: 'TRENDS', lang: 'nb', text: INVISIBLE_TEXT }).thenThrows(InvalidInput, 'CHAPTER_TEXT_REQUIRED');
    given(published).when({ type: 'CorrectStatusReport', year, note: INVISIBLE_TEXT }).thenThrows(InvalidInput, 'CORRECTION_NOTE_REQUIRED');
  });
});
