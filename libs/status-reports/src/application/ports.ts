import type { ApprovingDecision } from '../domain/status-report.decider';

/**
 * KOM's decisions as the meetings read side knows them, with the body of the meeting that took
 * them. The application binds it (apps/api); the approve handler looks the decision up and hands the
 * fact to the decider, which enforces the rule.
 */
export interface DecisionFacts {
  decision(decisionId: string): ApprovingDecision | undefined | Promise<ApprovingDecision | undefined>;
}

export const STATUS_REPORT_DECISIONS = Symbol.for('kom.statusReports.DecisionFacts');
