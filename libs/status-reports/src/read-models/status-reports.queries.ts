import { Inject, Injectable } from '@nestjs/common';
import type { Database } from 'better-sqlite3';
import { READ_MODELS } from '@kom/platform';
import { prepared, type ReadModelDatabase } from '@kom/projections';
import type { EditionStatus } from '../domain/status-report.decider';
import type { Chapter, FigureCategory, ReportLang } from '../domain/status-report.events';
import { STATUS_REPORT_CHAPTERS_TABLE, STATUS_REPORT_EDITIONS_TABLE, STATUS_REPORT_FIGURES_TABLE } from './status-reports.projection';

export interface EditionView {
  readonly year: number;
  readonly edition: number;
  readonly status: EditionStatus;
  readonly correctionNote: string | null;
  readonly decisionId: string | null;
  readonly decisionMeetingId: string | null;
  readonly openedAt: string;
  readonly approvedAt: string | null;
  readonly publishedAt: string | null;
  /** The log position of the publication event: the published edition is built there, forever. */
  readonly publishedPosition: string | null;
}

export interface ChapterView {
  readonly chapter: Chapter;
  readonly lang: ReportLang;
  readonly text: string;
  readonly writtenAt: string;
}

export interface FigureView {
  readonly organizationId: string;
  readonly category: FigureCategory;
  readonly count: number;
}

const EDITION = `year, edition, status, correction_note AS correctionNote, decision_id AS decisionId, decision_meeting_id AS decisionMeetingId,
  opened_at AS openedAt, approved_at AS approvedAt, published_at AS publishedAt, published_position AS publishedPosition`;

/** The status-report read model as plain functions of a database: the documents read it at a position. */
export const statusReportReads = {
  editions(db: Database, year: number): EditionView[] {
    return prepared(db, `SELECT ${EDITION} FROM ${STATUS_REPORT_EDITIONS_TABLE} WHERE year = ? ORDER BY edition`).all(year) as EditionView[];
  },
  edition(db: Database, year: number, edition: number): EditionView | undefined {
    return prepared(db, `SELECT ${EDITION} FROM ${STATUS_REPORT_EDITIONS_TABLE} WHERE year = ? AND edition = ?`).get(year, edition) as EditionView | undefined;
  },
  years(db: Database): number[] {
    return (prepared(db, `SELECT DISTINCT year FROM ${STATUS_REPORT_EDITIONS_TABLE} ORDER BY year DESC`).all() as Array<{ year: number }>).map((r) => r.year);
  },
  chapters(db: Database, year: number, edition: number): ChapterView[] {
    return prepared(db, `SELECT chapter, lang, text, written_at AS writtenAt FROM ${STATUS_REPORT_CHAPTERS_TABLE} WHERE year = ? AND edition = ? ORDER BY chapter, lang`)
      .all(year, edition) as ChapterView[];
  },
  figures(db: Database, year: number, edition: number): FigureView[] {
    return prepared(db, `SELECT organization_id AS organizationId, category, count FROM ${STATUS_REPORT_FIGURES_TABLE} WHERE year = ? AND edition = ? ORDER BY organization_id, category`)
      .all(year, edition) as FigureView[];
  },
};

@Injectable()
export class StatusReportsQueries {
  constructor(@Inject(READ_MODELS) private readonly readModels: ReadModelDatabase) {}

  editions(year: number): EditionView[] {
    return statusReportReads.editions(this.readModels.db, year);
  }
  years(): number[] {
    return statusReportReads.years(this.readModels.db);
  }
  chapters(year: number, edition: number): ChapterView[] {
    return statusReportReads.chapters(this.readModels.db, year, edition);
  }
  figures(year: number, edition: number): FigureView[] {
    return statusReportReads.figures(this.readModels.db, year, edition);
  }
}
