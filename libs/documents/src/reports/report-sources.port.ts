import type { MeasureCitationRef } from '@kom/kernel';
import type { ReadModelDatabase } from '@kom/projections';

/** Issues raised by NGOs in the year that cite one measure (measure null: none), by where they ended. */
export interface IssueOutcomeFigures {
  readonly measure: MeasureCitationRef | null;
  readonly raised: number;
  readonly forwarded: number;
  readonly resolved: number;
  readonly closed: number;
  readonly withdrawn: number;
  readonly open: number;
}

/** Cooperation agreements of one police party over the year. */
export interface AgreementFigures {
  readonly policeOrganizationId: string;
  readonly inForce: number;
  readonly signed: number;
  readonly renewed: number;
  readonly terminated: number;
}

/** An issue flagged in the year as pointing to a research need. */
export interface IssueResearchNeed {
  readonly issueId: string;
  readonly title: string;
  readonly text: string;
  readonly citedMeasures: readonly MeasureCitationRef[];
}

/** An action plan whose period covers the report's year, with each measure's status that year (null: none recorded). */
export interface PlanMeasureStatuses {
  readonly planId: string;
  readonly titleNb: string;
  readonly titleEn: string;
  readonly measures: readonly { readonly number: number; readonly titleNb: string; readonly titleEn: string; readonly status: string | null }[];
}

/**
 * REPORT_SOURCES: figures the annual report needs from contexts documents may not import (issues,
 * agreements). Functions of a read-model database — live, or replayed to a position — and a year,
 * so the report at a position reads them as they stood there. The application binds them.
 */
export interface ReportSources {
  issueOutcomes(readModels: ReadModelDatabase, year: number): IssueOutcomeFigures[];
  agreements(readModels: ReadModelDatabase, year: number, at: Date): AgreementFigures[];
  /** The action plans whose period covers the year, oldest first. */
  planMeasures(readModels: ReadModelDatabase, year: number): PlanMeasureStatuses[];
  researchNeeds(readModels: ReadModelDatabase, year: number): IssueResearchNeed[];
  /** The projections (by name) these functions read: a replay for the report runs only those. */
  readonly projections: readonly string[];
}

export const REPORT_SOURCES = Symbol.for('kom.documents.ReportSources');

/** For builds that have no issues or agreements contexts wired: the chapters say there are none. */
export const noReportSources: ReportSources = { issueOutcomes: () => [], agreements: () => [], planMeasures: () => [], researchNeeds: () => [], projections: [] };
