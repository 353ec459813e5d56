import { Inject, Injectable, Optional } from '@nestjs/common';
import { REPRESENTATIVE_REGISTER, type RepresentativeRegister } from '@kom/kernel';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore } from '@kom/event-store';
import { osloDate } from '@kom/meetings';
import { CLOCK, CommandPath, DeciderHandler, KomCommand, load, type Clock, type CommandOutcome } from '@kom/platform';
import type { IssueCommand } from '../domain/issue.commands';
import type { IssueEvent } from '../domain/issue.events';
import { MAX_CITED_ISSUES, issueDecider, issueStream, type IssueState } from '../domain/issue.decider';
import { ISSUE_MEMBERSHIP, type IssueMembershipLookup } from './ports';

type Of<T extends IssueCommand['type']> = Extract<IssueCommand, { type: T }>;
type Outcome = CommandOutcome<IssueEvent, IssueState>;
const stream = (c: { issueId: string }) => issueStream(c.issueId);

/** What the caller says; membership and which cited issues exist are looked up by the handler, never taken from input. */
export type SubmitIssueRequest = Omit<Of<'SubmitIssue'>, 'referenceGroupMember' | 'existingCitedIssueIds' | 'representative'>;
export type CommentOnIssueRequest = Omit<Of<'CommentOnIssue'>, 'memberOrganization'>;

export class SubmitIssueCommand extends KomCommand<SubmitIssueRequest, IssueEvent, IssueState> {}
export class EditIssueCommand extends KomCommand<Of<'EditIssue'>, IssueEvent, IssueState> {}
export class WithdrawIssueCommand extends KomCommand<Of<'WithdrawIssue'>, IssueEvent, IssueState> {}
export class CommentOnIssueCommand extends KomCommand<CommentOnIssueRequest, IssueEvent, IssueState> {}
export class PlaceIssueOnAgendaCommand extends KomCommand<Of<'PlaceIssueOnAgenda'>, IssueEvent, IssueState> {}
export class RemoveIssueFromAgendaCommand extends KomCommand<Of<'RemoveIssueFromAgenda'>, IssueEvent, IssueState> {}
export class ForwardIssueCommand extends KomCommand<Of<'ForwardIssue'>, IssueEvent, IssueState> {}
export class ResolveIssueCommand extends KomCommand<Of<'ResolveIssue'>, IssueEvent, IssueState> {}
export class CloseIssueCommand extends KomCommand<Of<'CloseIssue'>, IssueEvent, IssueState> {}
export type MarkIssueDuplicateRequest = Omit<Of<'MarkIssueDuplicate'>, 'original'>;
export class MarkIssueDuplicateCommand extends KomCommand<MarkIssueDuplicateRequest, IssueEvent, IssueState> {}
export class FlagResearchNeedCommand extends KomCommand<Of<'FlagResearchNeed'>, IssueEvent, IssueState> {}

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
    return this.path.execute(issueDecider, stream(payload), { ...payload, referenceGroupMember, existingCitedIssueIds, representative }, meta);
  }
}

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
    return this.path.execute(issueDecider, stream(payload), { ...payload, memberOrganization }, meta);
  }
}

/**
 * Reads the original from its own stream (not a read model that may lag): whether it exists, its
 * status and whether it is itself a duplicate. Only the duplicate's stream is written.
 */
@Injectable()
@CommandHandler(MarkIssueDuplicateCommand)
export class MarkIssueDuplicateHandler implements ICommandHandler<MarkIssueDuplicateCommand, Outcome> {
  constructor(
    @Inject(CommandPath) private readonly path: CommandPath,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async execute({ payload, meta }: MarkIssueDuplicateCommand): Promise<Outcome> {
    const id = payload.duplicateOfIssueId;
    const valid = typeof id === 'string' && id.length > 0 && id.length <= 100 && id !== payload.issueId;
    const { state } = valid ? await load(this.store, issueDecider, issueStream(id)) : { state: issueDecider.initialState };
    const original = state.status === 'none' ? null : { status: state.status, duplicateOfIssueId: state.duplicateOf };
    return this.path.execute(issueDecider, stream(payload), { ...payload, original }, meta);
  }
}

@CommandHandler(EditIssueCommand)
export class EditIssueHandler extends DeciderHandler(issueDecider, stream) {}
@CommandHandler(WithdrawIssueCommand)
export class WithdrawIssueHandler extends DeciderHandler(issueDecider, stream) {}
@CommandHandler(PlaceIssueOnAgendaCommand)
export class PlaceIssueOnAgendaHandler extends DeciderHandler(issueDecider, stream) {}
@CommandHandler(RemoveIssueFromAgendaCommand)
export class RemoveIssueFromAgendaHandler extends DeciderHandler(issueDecider, stream) {}
@CommandHandler(ForwardIssueCommand)
export class ForwardIssueHandler extends DeciderHandler(issueDecider, stream) {}
@CommandHandler(ResolveIssueCommand)
export class ResolveIssueHandler extends DeciderHandler(issueDecider, stream) {}
@CommandHandler(CloseIssueCommand)
export class CloseIssueHandler extends DeciderHandler(issueDecider, stream) {}
@CommandHandler(FlagResearchNeedCommand)
export class FlagResearchNeedHandler extends DeciderHandler(issueDecider, stream) {}

export const ISSUE_COMMAND_HANDLERS = [
  SubmitIssueHandler,
  EditIssueHandler,
  WithdrawIssueHandler,
  CommentOnIssueHandler,
  PlaceIssueOnAgendaHandler,
  RemoveIssueFromAgendaHandler,
  ForwardIssueHandler,
  ResolveIssueHandler,
  CloseIssueHandler,
  FlagResearchNeedHandler,
  MarkIssueDuplicateHandler,
];
