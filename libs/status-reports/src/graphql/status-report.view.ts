import type { Actor } from '@kom/kernel';
import { Lang } from '@kom/platform';
import { mayReadDrafts } from '../domain/report-access';
import type { EditionView, StatusReportsQueries } from '../read-models/status-reports.queries';
import { ReportChapterEnum, ReportEditionStatusEnum, ReportFigures, StatusReport, StatusReportEdition } from './status-report.types';

/** The status report of a year as the actor may see it (drafts only for those who may read them); null when none. */
export function statusReportView(reports: StatusReportsQueries, year: number, actor: Actor): StatusReport | null {
  const drafts = mayReadDrafts(actor.role);
  const editions = reports.editions(year).filter((e) => drafts || e.status === 'PUBLISHED');
  const newest = editions[editions.length - 1];
  if (!newest) return null;
  return { year, edition: newest.edition, status: newest.status as ReportEditionStatusEnum, editions: editions.map((e) => editionView(reports, e, drafts)) };
}

function editionView(reports: StatusReportsQueries, e: EditionView, drafts: boolean): StatusReportEdition {
  const figures = new Map<string, ReportFigures>();
  if (drafts) {
    for (const f of reports.figures(e.year, e.edition)) {
      const row = figures.get(f.organizationId) ?? { organizationId: f.organizationId, sexualExploitation: 0, forcedLabour: 0, forcedCriminality: 0, begging: 0, other: 0 };
      const key = ({ SEXUAL_EXPLOITATION: 'sexualExploitation', FORCED_LABOUR: 'forcedLabour', FORCED_CRIMINALITY: 'forcedCriminality', BEGGING: 'begging', OTHER: 'other' } as const)[f.category];
      row[key] = f.count;
      figures.set(f.organizationId, row);
    }
  }
  return {
    edition: e.edition,
    status: e.status as ReportEditionStatusEnum,
    correctionNote: e.correctionNote,
    decisionId: e.decisionId,
    approvedAt: e.approvedAt,
    publishedAt: e.publishedAt,
    publishedPosition: e.publishedPosition,
    publicUrl: e.status === 'PUBLISHED' ? `/reports/${e.year}/${e.edition}.pdf` : null,
    chapters: reports.chapters(e.year, e.edition).map((c) => ({ chapter: c.chapter as ReportChapterEnum, lang: c.lang === 'en' ? Lang.EN : Lang.NB, text: c.text, writtenAt: c.writtenAt })),
    figures: [...figures.values()],
  };
}
