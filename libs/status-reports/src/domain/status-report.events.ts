import { z } from 'zod';
import { defineEvent } from '@kom/kernel';

export const CHAPTERS = ['TRENDS', 'CHALLENGES', 'RESEARCH_NEEDS'] as const;
export type Chapter = (typeof CHAPTERS)[number];

export const REPORT_LANGS = ['nb', 'en'] as const;
export type ReportLang = (typeof REPORT_LANGS)[number];

/** Forms of exploitation an agency counts identified presumed victims by (never a person). */
export const FIGURE_CATEGORIES = ['SEXUAL_EXPLOITATION', 'FORCED_LABOUR', 'FORCED_CRIMINALITY', 'BEGGING', 'OTHER'] as const;
export type FigureCategory = (typeof FIGURE_CATEGORIES)[number];

export const MAX_FIGURE = 1_000_000;
export const MAX_CHAPTER_LENGTH = 20_000;

const year = z.number().int().min(2000).max(2100);
const edition = z.number().int().min(1).max(1000);
const id = z.string().min(1).max(128);
const count = z.number().int().min(0).max(MAX_FIGURE);

export const StatusReportDrafted = defineEvent('StatusReportDrafted', 1, z.object({ year, edition }));

export const StatusReportChapterWritten = defineEvent(
  'StatusReportChapterWritten',
  1,
  z.object({ year, edition, chapter: z.enum(CHAPTERS), lang: z.enum(REPORT_LANGS), text: z.string().min(1).max(MAX_CHAPTER_LENGTH) }),
);

/** One agency's annual counts: whole numbers by form of exploitation, replacing what it recorded before. */
export const StatusReportFiguresRecorded = defineEvent(
  'StatusReportFiguresRecorded',
  1,
  z.object({
    year,
    edition,
    organizationId: id,
    counts: z.object({ SEXUAL_EXPLOITATION: count, FORCED_LABOUR: count, FORCED_CRIMINALITY: count, BEGGING: count, OTHER: count }),
  }),
);

/** The project group's decision (taken at a PROJECT_GROUP or JOINT meeting) that approves the edition. */
export const StatusReportApproved = defineEvent('StatusReportApproved', 1, z.object({ year, edition, decisionId: id, meetingId: id }));

export const StatusReportPublished = defineEvent('StatusReportPublished', 1, z.object({ year, edition }));

/** A correction opens the next edition (a draft again); the published one stays as it was. */
export const StatusReportCorrectionOpened = defineEvent(
  'StatusReportCorrectionOpened',
  1,
  z.object({ year, edition, correctsEdition: edition, note: z.string().min(1).max(2000) }),
);

type Data<T extends { data: z.ZodType }> = z.infer<T['data']>;

export type StatusReportEvent =
  | { type: 'StatusReportDrafted'; data: Data<typeof StatusReportDrafted> }
  | { type: 'StatusReportChapterWritten'; data: Data<typeof StatusReportChapterWritten> }
  | { type: 'StatusReportFiguresRecorded'; data: Data<typeof StatusReportFiguresRecorded> }
  | { type: 'StatusReportApproved'; data: Data<typeof StatusReportApproved> }
  | { type: 'StatusReportPublished'; data: Data<typeof StatusReportPublished> }
  | { type: 'StatusReportCorrectionOpened'; data: Data<typeof StatusReportCorrectionOpened> };

export type FigureCounts = Data<typeof StatusReportFiguresRecorded>['counts'];

export const statusReportEventSchemas = [
  StatusReportDrafted,
  StatusReportChapterWritten,
  StatusReportFiguresRecorded,
  StatusReportApproved,
  StatusReportPublished,
  StatusReportCorrectionOpened,
];
