import { Inject } from '@nestjs/common';
import { Args, ID, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';

import { requireIsoInstant, type Actor } from '@kom/kernel';
import { DecisionsQueries } from '@kom/meetings';
import { AccessLog, CLOCK, type Clock } from '@kom/platform';
import { CurrentActor } from '@kom/auth';
import { AuditNotary } from '../checkpoints/audit-notary';
import { decisionHistory } from '../history/decision-history';
import { DECISION_RELATIONS, type DecisionRelations } from '../history/decision-relations.port';
import { AuditTrailQueries } from '../read-models/audit-trail.queries';
import { toEntry } from './audit.resolver';
import { InclusionProofType } from './audit.types';
import { DecisionHistoryStepType, DecisionHistoryType, type DecisionHistoryStepKind } from './decision-history.types';

function parseAsOf(value: string | null | undefined): Date | undefined {
  return value === undefined || value === null ? undefined : requireIsoInstant(value, 'asOf', 'INVALID_AS_OF');
}

/** decisionHistory: for auditors and the secretariat (policy table). */
@Resolver(() => DecisionHistoryType)
export class DecisionHistoryResolver {
  constructor(
    @Inject(AuditTrailQueries) private readonly trail: AuditTrailQueries,
    @Inject(DecisionsQueries) private readonly decisions: DecisionsQueries,
    @Inject(DECISION_RELATIONS) private readonly relations: DecisionRelations,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(AccessLog) private readonly accessLog: AccessLog,
  ) {}

  @Query(() => DecisionHistoryType, {
    nullable: true,
    description:
      'A decision’s whole story, each step with its audit entry. With asOf, as it stood at that instant: only what had happened by then. ' +
      'Null when unknown, or not yet recorded at asOf.',
  })
  async decisionHistory(
    @Args('decisionId', { type: () => ID }) decisionId: string,
    @CurrentActor() actor: Actor,
    @Args('asOf', { type: () => String, nullable: true, description: 'ISO 8601 instant.' }) asOf?: string | null,
  ): Promise<DecisionHistoryType | null> {
    const at = parseAsOf(asOf);
    const history = decisionHistory(
      { trail: this.trail, decisions: this.decisions, relations: this.relations, now: () => this.clock.now() },
      decisionId,
      at,
    );
    if (!history) return null;
    let issue = history.issue;
    if (at && issue) {
      const then = await this.relations.issueAsOf(issue.id, at);
      issue = then ? { id: then.id, title: then.title, status: then.status, organizationId: then.organizationId } : null;
    }
    await this.accessLog.record(actor, { read: 'DECISION_HISTORY', ids: [decisionId], range: null, format: null, via: 'GRAPHQL' });
    return { ...history, issue, steps: history.steps.map((s) => ({ kind: s.kind as DecisionHistoryStepKind, entry: toEntry(s.row) })) };
  }
}

@Resolver(() => DecisionHistoryStepType)
export class DecisionHistoryStepResolver {
  constructor(@Inject(AuditNotary) private readonly notary: AuditNotary) {}

  @ResolveField('proof', () => InclusionProofType, {
    nullable: true,
    description: 'The proof that the event is in the latest signed checkpoint; null while no checkpoint covers it yet.',
  })
  proof(@Parent() step: DecisionHistoryStepType): InclusionProofType | null {
    return this.notary.inclusionProof(step.entry.eventId) ?? null;
  }
}
