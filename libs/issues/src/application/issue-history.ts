import { Inject, Injectable } from '@nestjs/common';
import { fold } from '@kom/kernel';
import { EVENT_STORE, StreamNotFoundError, type EventStore } from '@kom/event-store';
import type { IssueEvent } from '../domain/issue.events';
import { issueDecider, issueStream } from '../domain/issue.decider';
import type { IssueView } from '../read-models/issues.queries';

/** An issue as it stood at an instant: its own events up to then (by metadata.occurredAt), folded. */
@Injectable()
export class IssueHistory {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async asOf(issueId: string, asOf: Date): Promise<IssueView | undefined> {
    let recorded;
    try {
      recorded = await this.store.readStream(issueStream(issueId));
    } catch (error) {
      if (error instanceof StreamNotFoundError) return undefined;
      throw error;
    }
    const at = (r: (typeof recorded)[number]) => String((r.metadata as { occurredAt?: string }).occurredAt ?? r.recordedAt);
    const upTo = recorded.filter((r) => Date.parse(at(r)) <= asOf.getTime());
    if (upTo.length === 0) return undefined;
    const state = fold(issueDecider, upTo.map((r) => ({ type: r.type, data: r.data }) as IssueEvent));
    if (state.status === 'none') return undefined;
    const last = upTo[upTo.length - 1]!;
    const outcome = [...upTo].reverse().find((r) => r.type === 'IssueResolved' || r.type === 'IssueClosed');
    const ending = [...upTo].reverse().find((r) => r.type === 'IssueClosed' || r.type === 'IssueWithdrawn');
    return {
      id: state.issueId,
      status: state.status,
      organizationId: state.organizationId,
      title: state.title,
      description: state.description,
      category: state.category,
      tags: [...state.tags],
      citedMeasures: [...state.citedMeasures],
      urgencyReason: state.urgency?.reason ?? null,
      citedIssueIds: [...state.citedIssueIds],
      submittedAt: at(upTo[0]!),
      submittedByRepresentativeId: (upTo[0]!.data as { representativeId?: string }).representativeId ?? null,
      meetingId: state.onAgenda?.meetingId ?? null,
      agendaItemId: state.onAgenda?.agendaItemId ?? null,
      outcomeAt: outcome ? at(outcome) : null,
      outcomeDecisionId: state.resolvedBy,
      closingReason: ending ? (ending.data as { reason: string }).reason : null,
      researchNeed: state.researchNeed,
      duplicateOfIssueId: state.duplicateOf,
      revision: Number(last.revision),
      asOf: asOf.toISOString(),
      seq: Number(upTo[0]!.position),
    };
  }
}
