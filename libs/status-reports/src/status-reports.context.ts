import type { BoundedContext } from '@kom/platform';
import { statusReportEventSchemas } from './domain/status-report.events';
import { statusReportsProjection } from './read-models/status-reports.projection';

const of = (data: unknown) => data as { year: number; edition: number };

export const statusReportsContext: BoundedContext = {
  name: 'status-reports',
  eventSchemas: statusReportEventSchemas,
  projections: [statusReportsProjection],
  auditSummaries: {
    StatusReportDrafted: (e) => ({ nb: `Tilstandsrapport ${of(e.data).year} påbegynt`, en: `Status report ${of(e.data).year} drafted` }),
    StatusReportChapterWritten: (e) => ({ nb: `Kapittel i tilstandsrapport ${of(e.data).year} skrevet`, en: `Chapter of status report ${of(e.data).year} written` }),
    StatusReportFiguresRecorded: (e) => ({ nb: `Tall til tilstandsrapport ${of(e.data).year} registrert`, en: `Figures for status report ${of(e.data).year} recorded` }),
    StatusReportApproved: (e) => ({ nb: `Tilstandsrapport ${of(e.data).year} (utgave ${of(e.data).edition}) godkjent`, en: `Status report ${of(e.data).year} (edition ${of(e.data).edition}) approved` }),
    StatusReportPublished: (e) => ({ nb: `Tilstandsrapport ${of(e.data).year} (utgave ${of(e.data).edition}) publisert`, en: `Status report ${of(e.data).year} (edition ${of(e.data).edition}) published` }),
    StatusReportCorrectionOpened: (e) => ({ nb: `Rettelse av tilstandsrapport ${of(e.data).year} påbegynt`, en: `Correction of status report ${of(e.data).year} opened` }),
  },
};
