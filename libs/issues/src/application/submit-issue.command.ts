import { Inject, Injectable, Optional } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore } from '@kom/event-store';
import { REPRESENTATIVE_REGISTER, osloDate, type RepresentativeRegister } from '@kom/kernel';
import { CLOCK, CommandPath, KomCommand, type Clock, type CommandOutcome } from '@kom/platform';
import type { IssueCommand } from '../domain/issue.commands';
import type { IssueEvent } from '../domain/issue.events';
import { MAX_CITED_ISSUES, issueDecider, issueStream, type IssueState } from '../domain/issue.decider';
import { ISSUE_MEMBERSHIP, type IssueMembershipLookup } from './ports';

type SubmitIssue = Extract<IssueCommand, { type: 'SubmitIssue' }>;
type Outcome = CommandOutcome<IssueEvent, IssueState>;

/** What the caller says; membership and which cited issues exist are looked up by the handler, never taken from input. */
export type SubmitIssueRequest = Omit<SubmitIssue, 'referenceGroupMember' | 'existingCitedIssueIds' | 'representative'>;

export class SubmitIssueCommand extends KomCommand<SubmitIssueRequest, IssueEvent, IssueState> {}

/**
 * Looks up whether the submitting organisation is a member of the reference group today (Oslo),
 * and which of the cited issues exist (their streams, not a read model that may lag).
 */
@Injectable()
@CommandHandler(SubmitIssueCommand)
export class SubmitIssueHandler implements ICommandHandler<SubmitIssueCommand, Outcome> {
  constructor(
    @Inject(CommandPath) private readonly path: CommandPath,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ISSUE_MEMBERSHIP) private readonly memberships: IssueMembershipLookup,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Optional() @Inject(REPRESENTATIVE_REGISTER) private readonly register?: RepresentativeRegister,
  ) {}

  async execute({ payload, meta }: SubmitIssueCommand): Promise<Outcome> {
    // Recorded, not required: an identity linked to no representative still submits for its organisation.
    const representative = (await this.register?.representativeOf(meta.actor)) ?? null;
    const referenceGroupMember = await this.memberships.isMemberOn('REFERENCE_GROUP', payload.organizationId, osloDate(this.clock.now()));
    const cited = [...new Set(payload.citedIssueIds ?? [])].slice(0, MAX_CITED_ISSUES + 1);
    const existingCitedIssueIds: string[] = [];
    for (const id of cited) if ((await this.store.streamRevision(issueStream(id))) !== undefined) existingCitedIssueIds.push(id);
    return this.path.execute(issueDecider, issueStream(payload.issueId), { ...payload, referenceGroupMember, existingCitedIssueIds, representative }, meta);
  }
}
