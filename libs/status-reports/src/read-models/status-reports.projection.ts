import type { Database } from 'better-sqlite3';
import type { RecordedEvent } from '@kom/event-store';
import { preparedStatements, type Projection } from '@kom/projections';
import type { StatusReportEvent } from '../domain/status-report.events';

export const STATUS_REPORT_EDITIONS_TABLE = 'status_report_editions';
export const STATUS_REPORT_CHAPTERS_TABLE = 'status_report_chapters';
export const STATUS_REPORT_FIGURES_TABLE = 'status_report_figures';

/**
 * Status reports by year and edition: each edition's state, its chapters (one row per chapter and
 * language) and the agencies' figures. A correction copies the published edition's chapters and
 * figures into the new one, which then changes on its own; the published rows never change.
 */
export const statusReportsProjection: Projection = {
  name: 'status_reports',
  version: 1,
  handles: [
    'StatusReportDrafted',
    'StatusReportChapterWritten',
    'StatusReportFiguresRecorded',
    'StatusReportApproved',
    'StatusReportPublished',
    'StatusReportCorrectionOpened',
  ],
  tables: [STATUS_REPORT_EDITIONS_TABLE, STATUS_REPORT_CHAPTERS_TABLE, STATUS_REPORT_FIGURES_TABLE],
  setup(db: Database) {
    db.exec(`CREATE TABLE IF NOT EXISTS ${STATUS_REPORT_EDITIONS_TABLE} (
      year INTEGER NOT NULL,
      edition INTEGER NOT NULL,
      status TEXT NOT NULL, -- DRAFT | APPROVED | PUBLISHED
      correction_note TEXT,
      decision_id TEXT,
      decision_meeting_id TEXT,
      opened_at TEXT NOT NULL,
      approved_at TEXT,
      published_at TEXT,
      published_position TEXT,
      PRIMARY KEY (year, edition)
    )`);
    db.exec(`CREATE TABLE IF NOT EXISTS ${STATUS_REPORT_CHAPTERS_TABLE} (
      year INTEGER NOT NULL, edition INTEGER NOT NULL, chapter TEXT NOT NULL, lang TEXT NOT NULL, text TEXT NOT NULL, written_at TEXT NOT NULL,
      PRIMARY KEY (year, edition, chapter, lang)
    )`);
    db.exec(`CREATE TABLE IF NOT EXISTS ${STATUS_REPORT_FIGURES_TABLE} (
      year INTEGER NOT NULL, edition INTEGER NOT NULL, organization_id TEXT NOT NULL, category TEXT NOT NULL, count INTEGER NOT NULL,
      PRIMARY KEY (year, edition, organization_id, category)
    )`);
  },
  apply(db: Database, event: RecordedEvent) {
    const e = { type: event.type, data: event.data } as StatusReportEvent;
    const at = typeof event.metadata.occurredAt === 'string' ? event.metadata.occurredAt : event.recordedAt;
    const s = statements(db);
    switch (e.type) {
      case 'StatusReportDrafted':
        s.open.run({ year: e.data.year, edition: e.data.edition, note: null, at });
        break;
      case 'StatusReportChapterWritten':
        s.chapter.run({ ...e.data, at });
        break;
      case 'StatusReportFiguresRecorded':
        for (const [category, count] of Object.entries(e.data.counts)) {
          s.figure.run({ year: e.data.year, edition: e.data.edition, organization_id: e.data.organizationId, category, count });
        }
        break;
      case 'StatusReportApproved':
        s.approve.run({ year: e.data.year, edition: e.data.edition, decision_id: e.data.decisionId, meeting_id: e.data.meetingId, at });
        break;
      case 'StatusReportPublished':
        s.publish.run({ year: e.data.year, edition: e.data.edition, at, position: String(event.position) });
        break;
      case 'StatusReportCorrectionOpened': {
        const keys = { year: e.data.year, edition: e.data.edition, from: e.data.correctsEdition };
        s.open.run({ year: e.data.year, edition: e.data.edition, note: e.data.note, at });
        s.copyChapters.run(keys);
        s.copyFigures.run(keys);
        break;
      }
    }
  },
};

const statements = preparedStatements((db: Database) => ({
  open: db.prepare(
    `INSERT OR IGNORE INTO ${STATUS_REPORT_EDITIONS_TABLE} (year, edition, status, correction_note, opened_at) VALUES (@year, @edition, 'DRAFT', @note, @at)`,
  ),
  chapter: db.prepare(
    `INSERT INTO ${STATUS_REPORT_CHAPTERS_TABLE} (year, edition, chapter, lang, text, written_at) VALUES (@year, @edition, @chapter, @lang, @text, @at)
     ON CONFLICT (year, edition, chapter, lang) DO UPDATE SET text = excluded.text, written_at = excluded.written_at`,
  ),
  figure: db.prepare(
    `INSERT INTO ${STATUS_REPORT_FIGURES_TABLE} (year, edition, organization_id, category, count) VALUES (@year, @edition, @organization_id, @category, @count)
     ON CONFLICT (year, edition, organization_id, category) DO UPDATE SET count = excluded.count`,
  ),
  approve: db.prepare(
    `UPDATE ${STATUS_REPORT_EDITIONS_TABLE} SET status = 'APPROVED', decision_id = @decision_id, decision_meeting_id = @meeting_id, approved_at = @at WHERE year = @year AND edition = @edition`,
  ),
  publish: db.prepare(
    `UPDATE ${STATUS_REPORT_EDITIONS_TABLE} SET status = 'PUBLISHED', published_at = @at, published_position = @position WHERE year = @year AND edition = @edition`,
  ),
  copyChapters: db.prepare(
    `INSERT OR IGNORE INTO ${STATUS_REPORT_CHAPTERS_TABLE} (year, edition, chapter, lang, text, written_at)
     SELECT year, @edition, chapter, lang, text, written_at FROM ${STATUS_REPORT_CHAPTERS_TABLE} WHERE year = @year AND edition = @from`,
  ),
  copyFigures: db.prepare(
    `INSERT OR IGNORE INTO ${STATUS_REPORT_FIGURES_TABLE} (year, edition, organization_id, category, count)
     SELECT year, @edition, organization_id, category, count FROM ${STATUS_REPORT_FIGURES_TABLE} WHERE year = @year AND edition = @from`,
  ),
}));
