/**
 * What decision history needs from the contexts that build on meetings (issues, agreements). Audit
 * reads every context's events but imports neither of them (dependency-cruiser:
 * `contexts-point-one-way`); apps/api binds this port to their public queries.
 */
export interface DecisionIssue {
  readonly id: string;
  readonly title: string;
  readonly status: string;
  readonly organizationId: string;
}

export interface DecisionAgreement {
  readonly id: string;
  readonly title: string;
  /** The agreement's status at the instant asked for. */
  readonly status: string;
}

export interface DecisionRelations {
  /** The issue a decision came from, through the issues lineage. */
  issueIdOf(decisionId: string): string | undefined;
  /** The issue as the read models show it now. */
  issue(issueId: string): DecisionIssue | undefined;
  /** The issue as it stood at an instant, folded from its stream; undefined before it was submitted. */
  issueAsOf(issueId: string, at: Date): Promise<DecisionIssue | undefined>;
  /** Every agreement that cites the decision, with its status at `at`. */
  agreementsCiting(decisionId: string, at: Date): DecisionAgreement[];
}

export const DECISION_RELATIONS = Symbol.for('kom.audit.DecisionRelations');
