export { StatusReportsModule, type StatusReportsModuleOptions } from './status-reports.module';
export { statusReportsContext } from './status-reports.context';
export { STATUS_REPORT_DECISIONS, type DecisionFacts } from './application/ports';
export { statusReportDecider, statusReportStream, type ApprovingDecision, type StatusReportCommand, type EditionStatus } from './domain/status-report.decider';
export { CHAPTERS, FIGURE_CATEGORIES, type Chapter, type FigureCategory, type ReportLang, type StatusReportEvent } from './domain/status-report.events';
export { suppressSmallNumbers, cellText, type SuppressedCell, type SuppressedTable } from './domain/small-number-suppression';
export { mayReadDrafts } from './domain/report-access';
export { StatusReportsQueries, statusReportReads, type EditionView, type ChapterView, type FigureView } from './read-models/status-reports.queries';
