import { Inject } from '@nestjs/common';
import { Args, ID, Parent, Query, ResolveField, Resolver, Subscription } from '@nestjs/graphql';
import type { Actor } from '@kom/kernel';
import { CurrentActor } from '@kom/auth';
import { Lang, CitedMeasureNumbersResolver, ProjectionsService, committedEvents, decodeSeqCursor, labelIn, mapCommitted, pageSize, toConnection } from '@kom/platform';
import { agendaProposalStream } from '../domain/agenda-proposal.decider';
import { AgendaProposalsQueries, type AgendaProposalView } from '../read-models/agenda-proposals.queries';
import { MeetingsQueries, type MeetingView } from '../read-models/meetings.queries';
import type { AgendaItemView } from '../read-models/agenda.queries';
import { AGENDA_PROPOSAL_STATUS_LABELS, AgendaProposal, AgendaProposalConnection, AgendaProposalsArgs } from './agenda-proposal.types';
import { AgendaItem, Meeting } from './meeting.types';

const STREAM_PREFIX = agendaProposalStream('');

/** The secretariat and auditors see every proposal; a representative their own organisation's. */
export function proposalVisibleTo(proposal: Pick<AgendaProposalView, 'organizationId'>, actor: Actor): boolean {
  return actor.role === 'SECRETARIAT' || actor.role === 'AUDITOR' || actor.role === 'SYSTEM' || proposal.organizationId === actor.organizationId;
}

/**
 * Agenda proposals: members propose, the secretariat accepts (the item joins the agenda) or
 * declines with a reason, the proposer may withdraw. Rules live in agenda-proposal.decider.ts.
 */
@Resolver(() => AgendaProposal)
export class AgendaProposalResolver extends CitedMeasureNumbersResolver(AgendaProposal) {
  constructor(
    @Inject(AgendaProposalsQueries) private readonly proposals: AgendaProposalsQueries,
    @Inject(MeetingsQueries) private readonly meetings: MeetingsQueries,
    @Inject(ProjectionsService) private readonly projections: ProjectionsService,
  ) {
    super();
  }

  @Query(() => AgendaProposalConnection, { description: 'Agenda proposals you may see, newest first (representatives: their own organisation’s).' })
  agendaProposals(@Args() args: AgendaProposalsArgs, @CurrentActor() actor: Actor) {
    const size = pageSize(args.first);
    const after = decodeSeqCursor(args.after);
    const filter = args.filter ?? {};
    const ownOnly = !proposalVisibleTo({ organizationId: '\u0000' }, actor);
    const rows = this.proposals.list(
      { ...filter, organizationId: ownOnly ? actor.organizationId : (filter.organizationId ?? null) },
      size + 1,
      after,
    );
    return toConnection(rows, size, (row) => String(row.seq));
  }

  @Query(() => AgendaProposal, { nullable: true, description: 'One proposal; null when unknown or not yours to see.' })
  agendaProposal(@Args('id', { type: () => ID }) id: string, @CurrentActor() actor: Actor): AgendaProposalView | undefined {
    const proposal = this.proposals.byId(id);
    return proposal && proposalVisibleTo(proposal, actor) ? proposal : undefined;
  }

  @Subscription(() => AgendaProposal, {
    description: 'Proposals you may see, pushed after each step (proposed, accepted, declined, withdrawn); optionally of one meeting.',
    resolve: (proposal: AgendaProposalView) => proposal,
  })
  agendaProposalChanged(
    @Args('meetingId', { type: () => ID, nullable: true }) meetingId: string | null | undefined,
    @CurrentActor() actor: Actor,
  ): AsyncIterableIterator<AgendaProposalView> {
    return mapCommitted(
      committedEvents(this.projections, (e) => e.streamId.startsWith(STREAM_PREFIX)),
      (event) => {
        const proposal = this.proposals.byId(event.streamId.slice(STREAM_PREFIX.length));
        if (!proposal || !proposalVisibleTo(proposal, actor)) return undefined;
        return meetingId && proposal.meetingId !== meetingId ? undefined : proposal;
      },
    );
  }

  @ResolveField(() => String, { description: 'The status in Norwegian (NB, default) or English (EN).' })
  statusLabel(@Parent() proposal: AgendaProposalView, @Args('lang', { type: () => Lang, defaultValue: Lang.NB }) lang: Lang): string {
    return labelIn(AGENDA_PROPOSAL_STATUS_LABELS[proposal.status], lang);
  }

  @ResolveField(() => Meeting, { nullable: true, description: 'The meeting it was proposed for.' })
  meeting(@Parent() proposal: AgendaProposalView): MeetingView | undefined {
    return this.meetings.byId(proposal.meetingId);
  }
}

/**
 * An agenda item accepted from a proposal names it, to those who may see the proposal: the same
 * rule as agendaProposal(id), or a published agenda would show any reader another organisation's proposal.
 */
@Resolver(() => AgendaItem)
export class AgendaItemProposalResolver extends CitedMeasureNumbersResolver(AgendaItem) {
  constructor(@Inject(AgendaProposalsQueries) private readonly proposals: AgendaProposalsQueries) {
    super();
  }

  @ResolveField(() => AgendaProposal, { nullable: true, description: 'The member proposal this item was accepted from; null when none, or when agendaProposal(id) would answer null to you.' })
  proposal(@Parent() item: AgendaItemView, @CurrentActor() actor: Actor): AgendaProposalView | undefined {
    const proposal = this.proposals.byAgendaItem(item.id);
    return proposal && proposalVisibleTo(proposal, actor) ? proposal : undefined;
  }
}
