import { Inject } from '@nestjs/common';
import { Args, ID, Query, Resolver } from '@nestjs/graphql';

import { AgreementsQueries } from '@kom/agreements';
import { IssuesQueries } from '@kom/issues';
import { DecisionsQueries } from '@kom/meetings';
import { CLOCK, type Clock } from '@kom/platform';
import { decisionHistory } from '../history/decision-history';
import { AuditTrailQueries } from '../read-models/audit-trail.queries';
import { toEntry } from './audit.resolver';
import { DecisionHistoryType, type DecisionHistoryStepKind } from './decision-history.types';

/** decisionHistory: for auditors and the secretariat (policy table). */
@Resolver(() => DecisionHistoryType)
export class DecisionHistoryResolver {
  constructor(
    @Inject(AuditTrailQueries) private readonly trail: AuditTrailQueries,
    @Inject(DecisionsQueries) private readonly decisions: DecisionsQueries,
    @Inject(IssuesQueries) private readonly issues: IssuesQueries,
    @Inject(AgreementsQueries) private readonly agreements: AgreementsQueries,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Query(() => DecisionHistoryType, { nullable: true, description: 'A decision’s whole story, each step with its audit entry. Null when unknown.' })
  decisionHistory(@Args('decisionId', { type: () => ID }) decisionId: string): DecisionHistoryType | null {
    const history = decisionHistory(
      { trail: this.trail, decisions: this.decisions, issues: this.issues, agreements: this.agreements, now: () => this.clock.now() },
      decisionId,
    );
    if (!history) return null;
    return { ...history, steps: history.steps.map((s) => ({ kind: s.kind as DecisionHistoryStepKind, entry: toEntry(s.row) })) };
  }
}
