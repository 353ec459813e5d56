import type { DynamicModule } from '@nestjs/common';
import { AgreementsQueries, statusAt } from '@kom/agreements';
import { AuditModule, type DecisionAgreement, type DecisionIssue, type DecisionRelations } from '@kom/audit';
import { EVENT_STORE, type EventStore } from '@kom/event-store';
import { IssueHistory, IssuesQueries } from '@kom/issues';
import { READ_MODELS } from '@kom/platform';
import type { ReadModelDatabase } from '@kom/projections';

const issueOf = (view: DecisionIssue): DecisionIssue => ({ id: view.id, title: view.title, status: view.status, organizationId: view.organizationId });

/** The issue and agreements around a decision, from the issues and agreements contexts' public faces. */
export class DecisionRelationsAdapter implements DecisionRelations {
  constructor(
    private readonly issues: IssuesQueries,
    private readonly issueHistory: IssueHistory,
    private readonly agreements: AgreementsQueries,
  ) {}

  issueIdOf(decisionId: string): string | undefined {
    return this.issues.issueIdOf({ decisionId });
  }

  issue(issueId: string): DecisionIssue | undefined {
    const view = this.issues.byId(issueId);
    return view && issueOf(view);
  }

  async issueAsOf(issueId: string, at: Date): Promise<DecisionIssue | undefined> {
    const then = await this.issueHistory.asOf(issueId, at);
    return then && issueOf(then);
  }

  agreementsCiting(decisionId: string, at: Date): DecisionAgreement[] {
    return [...this.agreements.scan({ decisionId })].map(({ agreement }) => {
      const current = agreement.versions[agreement.versions.length - 1];
      return { id: agreement.agreementId, title: current?.title ?? '', status: statusAt(agreement, at) };
    });
  }
}

/** The audit context with DECISION_RELATIONS bound to the issues and agreements read models. */
export function auditModule(): DynamicModule {
  return AuditModule.forRoot({
    decisionRelations: {
      useFactory: (readModels: ReadModelDatabase, store: EventStore) =>
        new DecisionRelationsAdapter(new IssuesQueries(readModels), new IssueHistory(store), new AgreementsQueries(readModels)),
      inject: [READ_MODELS, EVENT_STORE],
    },
  });
}
