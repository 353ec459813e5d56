import type { Actor } from '@kom/kernel';

/** What can cite a measure: the other contexts' records. */
export const MEASURE_CITATION_KINDS = ['DECISION', 'AGENDA_ITEM', 'ISSUE', 'AGREEMENT'] as const;
export type MeasureCitationKind = (typeof MEASURE_CITATION_KINDS)[number];

/** One record that cites a measure, as the reader may see it. */
export interface MeasureCitationView {
  readonly kind: MeasureCitationKind;
  /** The decision's, agenda item's, issue's or agreement's id. */
  readonly id: string;
  /** Its title (a decision: its text). */
  readonly title: string;
  /** The meeting of a decision or an agenda item. */
  readonly meetingId: string | null;
  /** Its status in the owning context's words (ACTIVE, SUBMITTED, IN_FORCE, ...). */
  readonly status: string | null;
  /** When it was recorded, submitted, added or drafted (ISO 8601), when known. */
  readonly at: string | null;
  /** For an agreement: the decisions it cites that cite the measure (how it comes to cite it). */
  readonly viaDecisionIds: readonly string[];
}

/**
 * Port: who cites a measure. The measures context knows no other context; the application binds
 * this to the read models of meetings, issues and agreements, with their reading rules.
 */
export const MEASURE_CITATIONS = Symbol('MEASURE_CITATIONS');
export interface MeasureCitations {
  /** Records citing measure `measure` of plan `plan` (citations without a plan are the 2011–2014 plan's). */
  citing(measure: number, reader: Actor, plan: string): MeasureCitationView[];
}

/** Nothing cites anything: the binding when no other context is composed. */
export const NO_CITATIONS: MeasureCitations = { citing: () => [] };
