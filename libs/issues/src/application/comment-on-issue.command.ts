import { Inject, Injectable } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { osloDate } from '@kom/kernel';
import { CLOCK, CommandPath, KomCommand, type Clock, type CommandOutcome } from '@kom/platform';
import type { IssueCommand } from '../domain/issue.commands';
import type { IssueEvent } from '../domain/issue.events';
import { issueDecider, issueStream, type IssueState } from '../domain/issue.decider';
import { ISSUE_MEMBERSHIP, type IssueMembershipLookup } from './ports';

type CommentOnIssue = Extract<IssueCommand, { type: 'CommentOnIssue' }>;
type Outcome = CommandOutcome<IssueEvent, IssueState>;

/** What the caller says; membership is looked up by the handler, never taken from input. */
export type CommentOnIssueRequest = Omit<CommentOnIssue, 'memberOrganization'>;

export class CommentOnIssueCommand extends KomCommand<CommentOnIssueRequest, IssueEvent, IssueState> {}

/** Looks up whether the commenter's organisation belongs to either group today (Oslo). */
@Injectable()
@CommandHandler(CommentOnIssueCommand)
export class CommentOnIssueHandler implements ICommandHandler<CommentOnIssueCommand, Outcome> {
  constructor(
    @Inject(CommandPath) private readonly path: CommandPath,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ISSUE_MEMBERSHIP) private readonly memberships: IssueMembershipLookup,
  ) {}

  async execute({ payload, meta }: CommentOnIssueCommand): Promise<Outcome> {
    const today = osloDate(this.clock.now());
    const organizationId = meta.actor.organizationId;
    const memberOrganization =
      (await this.memberships.isMemberOn('REFERENCE_GROUP', organizationId, today)) ||
      (await this.memberships.isMemberOn('PROJECT_GROUP', organizationId, today));
    return this.path.execute(issueDecider, issueStream(payload.issueId), { ...payload, memberOrganization }, meta);
  }
}
