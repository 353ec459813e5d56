import { Forbidden, InvalidInput, InvalidState, NotFound } from '@kom/kernel';
import { deciderSpec } from '@kom/kernel/testing';
import { statusReportDecider, type ApprovingDecision } from './status-report.decider';
import type { StatusReportEvent } from './status-report.events';

const given = deciderSpec(statusReportDecider);
const year = 2027;
const agency = { userId: 'ulf', organizationId: 'org-udi', role: 'AGENCY_MEMBER' as const };
const ngo = { userId: 'kari', organizationId: 'org-rosa', role: 'NGO_REPRESENTATIVE' as const };
const drafted: StatusReportEvent = { type: 'StatusReportDrafted', data: { year, edition: 1 } };
const chapter: StatusReportEvent = { type: 'StatusReportChapterWritten', data: { year, edition: 1, chapter: 'TRENDS', lang: 'nb', text: 'Flere saker.' } };
const decision: ApprovingDecision = { decisionId: 'd-1', meetingId: 'm-1', body: 'PROJECT_GROUP', status: 'ACTIVE' };
const approved: StatusReportEvent = { type: 'StatusReportApproved', data: { year, edition: 1, decisionId: 'd-1', meetingId: 'm-1' } };
const published: StatusReportEvent = { type: 'StatusReportPublished', data: { year, edition: 1 } };
const corrected: StatusReportEvent = { type: 'StatusReportCorrectionOpened', data: { year, edition: 2, correctsEdition: 1, note: 'Tall fra UDI rettet.' } };
const approve = (over: Partial<ApprovingDecision> | null = {}) => ({
  type: 'ApproveStatusReport' as const,
  year,
  decisionId: 'd-1',
  decision: over === null ? null : { ...decision, ...over },
});
const figures = (counts: Record<string, number>, organizationId = 'org-udi') => ({ type: 'RecordStatusReportFigures' as const, year, organizationId, counts });

describe('status report decider', () => {
  it('drafts edition 1 of a year, once', () => {
    given([]).when({ type: 'DraftStatusReport', year }).then([drafted]);
    given([drafted]).when({ type: 'DraftStatusReport', year }).thenThrows(InvalidState, 'REPORT_EXISTS');
    given([]).when({ type: 'DraftStatusReport', year: 1999 }).thenThrows(InvalidInput, 'INVALID_YEAR');
    given([]).when({ type: 'DraftStatusReport', year }, { actor: agency }).thenThrows(Forbidden, 'SECRETARIAT_ONLY');
  });

  it('writes a chapter of the draft in nb or en, trimmed; never empty, never with a national identity number', () => {
    given([drafted]).when({ type: 'WriteStatusReportChapter', year, chapter: 'TRENDS', lang: 'nb', text: '  Flere saker.\r\n' }).then([chapter]);
    given([drafted]).when({ type: 'WriteStatusReportChapter', year, chapter: 'TRENDS', lang: 'en', text: '   ' }).thenThrows(InvalidInput, 'CHAPTER_TEXT_REQUIRED');
    given([drafted]).when({ type: 'WriteStatusReportChapter', year, chapter: 'TRENDS', lang: 'nb', text: 'x'.repeat(20_001) }).thenThrows(InvalidInput, 'CHAPTER_TOO_LONG');
    given([drafted]).when({ type: 'WriteStatusReportChapter', year, chapter: 'CHALLENGES', lang: 'nb', text: 'Saken gjelder 01010012356.' }).thenThrows(InvalidInput, 'PERSONAL_DATA_REFUSED');
    given([]).when({ type: 'WriteStatusReportChapter', year, chapter: 'TRENDS', lang: 'nb', text: 'x' }).thenThrows(NotFound, 'STATUS_REPORT_NOT_FOUND');
    given([drafted]).when({ type: 'WriteStatusReportChapter', year, chapter: 'TRENDS', lang: 'nb', text: 'x' }, { actor: agency }).thenThrows(Forbidden, 'SECRETARIAT_ONLY');
  });

  it('records an agency’s own whole-number figures (missing forms count 0); refuses others’, fractions, negatives and unknown forms', () => {
    given([drafted])
      .when(figures({ SEXUAL_EXPLOITATION: 12, BEGGING: 3 }), { actor: agency })
      .then([
        {
          type: 'StatusReportFiguresRecorded',
          data: { year, edition: 1, organizationId: 'org-udi', counts: { SEXUAL_EXPLOITATION: 12, FORCED_LABOUR: 0, FORCED_CRIMINALITY: 0, BEGGING: 3, OTHER: 0 } },
        },
      ]);
    given([drafted]).when(figures({ OTHER: 1 }, 'org-nav'), { actor: agency }).thenThrows(Forbidden, 'NOT_OWN_ORGANIZATION');
    given([drafted]).when(figures({ OTHER: 1 }, 'org-nav')).events();
    given([drafted]).when(figures({ OTHER: 1 }, 'org-rosa'), { actor: ngo }).thenThrows(Forbidden, 'AGENCY_OR_SECRETARIAT_ONLY');
    given([drafted]).when(figures({ OTHER: 1.5 })).thenThrows(InvalidInput, 'INVALID_FIGURE');
    given([drafted]).when(figures({ OTHER: -1 })).thenThrows(InvalidInput, 'INVALID_FIGURE');
    given([drafted]).when(figures({ NAME: 1 })).thenThrows(InvalidInput, 'UNKNOWN_FIGURE_CATEGORY');
    given([drafted, chapter, approved]).when(figures({ OTHER: 1 })).thenThrows(InvalidState, 'REPORT_NOT_DRAFT');
  });

  it('is approved by a project-group or joint decision that exists and is not revoked, once it has a chapter', () => {
    given([drafted, chapter]).when(approve()).then([approved]);
    given([drafted, chapter]).when(approve({ body: 'JOINT' })).then([approved]);
    given([drafted, chapter]).when(approve({ body: 'REFERENCE_GROUP' })).thenThrows(InvalidInput, 'DECISION_NOT_BY_PROJECT_GROUP');
    given([drafted, chapter]).when(approve({ status: 'REVOKED' })).thenThrows(InvalidInput, 'APPROVING_DECISION_REVOKED');
    given([drafted, chapter]).when(approve(null)).thenThrows(InvalidInput, 'APPROVING_DECISION_NOT_FOUND');
    given([drafted, chapter]).when(approve({ decisionId: 'd-other' })).thenThrows(InvalidInput, 'APPROVING_DECISION_NOT_FOUND');
    given([drafted]).when(approve()).thenThrows(InvalidState, 'REPORT_HAS_NO_CHAPTERS');
    given([drafted, chapter, approved]).when(approve()).thenThrows(InvalidState, 'REPORT_NOT_DRAFT');
  });

  it('publishes an approved edition, once; a published edition takes no chapter', () => {
    given([drafted, chapter, approved]).when({ type: 'PublishStatusReport', year }).then([published]);
    given([drafted, chapter]).when({ type: 'PublishStatusReport', year }).thenThrows(InvalidState, 'REPORT_NOT_APPROVED');
    given([drafted, chapter, approved, published]).when({ type: 'PublishStatusReport', year }).thenThrows(InvalidState, 'REPORT_ALREADY_PUBLISHED');
    given([]).when({ type: 'PublishStatusReport', year }).thenThrows(NotFound);
    given([drafted, chapter, approved, published]).when({ type: 'WriteStatusReportChapter', year, chapter: 'TRENDS', lang: 'nb', text: 'x' }).thenThrows(InvalidState, 'REPORT_NOT_DRAFT');
  });

  it('corrects a published edition with a new edition that says what changed, approved and published again', () => {
    given([drafted, chapter, approved, published]).when({ type: 'CorrectStatusReport', year, note: ' Tall fra UDI rettet. ' }).then([corrected]);
    given([drafted, chapter, approved, published]).when({ type: 'CorrectStatusReport', year, note: ' ' }).thenThrows(InvalidInput, 'CORRECTION_NOTE_REQUIRED');
    given([drafted, chapter]).when({ type: 'CorrectStatusReport', year, note: 'x' }).thenThrows(InvalidState, 'REPORT_NOT_PUBLISHED');
    given([]).when({ type: 'CorrectStatusReport', year, note: 'x' }).thenThrows(NotFound);
    given([drafted, chapter, approved, published, corrected]).when(approve()).then([{ type: 'StatusReportApproved', data: { year, edition: 2, decisionId: 'd-1', meetingId: 'm-1' } }]);
    given([drafted, chapter, approved, published, corrected]).when({ type: 'PublishStatusReport', year }).thenThrows(InvalidState, 'REPORT_NOT_APPROVED');
  });
});
