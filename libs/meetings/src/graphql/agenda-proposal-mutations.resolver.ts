import { Inject } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { NotFound } from '@kom/kernel';
import { RequestMeta } from '@kom/auth';
import { CITABLE_MEASURES, IdempotentMutations, citedMeasureRefs as measureRefsOf, newId, type CitableMeasures, type Meta, withRevision } from '@kom/platform';
import { AcceptAgendaProposalCommand } from '../application/accept-agenda-proposal.command';
import { DeclineAgendaProposalCommand } from '../application/decline-agenda-proposal.command';
import { WithdrawAgendaProposalCommand } from '../application/withdraw-agenda-proposal.command';
import { ProposeAgendaItemCommand } from '../application/propose-agenda-item.command';
import { AgendaProposalsQueries, type AgendaProposalView } from '../read-models/agenda-proposals.queries';
import {
  AcceptAgendaProposalInput,
  AgendaProposal,
  DeclineAgendaProposalInput,
  ProposeAgendaItemInput,
  WithdrawAgendaProposalInput,
} from './agenda-proposal.types';

/** Agenda proposal mutations: each returns the proposal as the read model shows it afterwards. */
@Resolver(() => AgendaProposal)
export class AgendaProposalMutationsResolver {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(AgendaProposalsQueries) private readonly proposals: AgendaProposalsQueries,
    @Inject(IdempotentMutations) private readonly idempotency: IdempotentMutations,
    @Inject(CITABLE_MEASURES) private readonly measures: CitableMeasures,
  ) {}

  @Mutation(() => AgendaProposal, { description: 'Proposes an item for a coming meeting of a body your organisation belongs to.' })
  async proposeAgendaItem(@Args('input') input: ProposeAgendaItemInput, @RequestMeta() meta: Meta): Promise<AgendaProposalView> {
    const { idempotencyKey, citedMeasureRefs, citedMeasures: _numbers, ...rest } = input;
    const citedMeasures = measureRefsOf(input.citedMeasures, citedMeasureRefs);
    const content = citedMeasures === undefined ? rest : { ...rest, citedMeasures, citable: this.measures.citable() };
    const proposalId = await this.idempotency.run<string>({ actor: meta.actor, operation: 'proposeAgendaItem', key: idempotencyKey, input }, async (remember) => {
      const proposalId = remember(newId());
      await this.commands.execute(new ProposeAgendaItemCommand({ type: 'ProposeAgendaItem', proposalId, ...content }, meta));
      return proposalId;
    });
    return this.mustFind(proposalId);
  }

  @Mutation(() => AgendaProposal, { description: 'Accepts a proposal: its item joins the agenda (an amendment once published), citing the proposal.' })
  async acceptAgendaProposal(@Args('input') input: AcceptAgendaProposalInput, @RequestMeta() meta: Meta): Promise<AgendaProposalView> {
    await this.commands.execute(new AcceptAgendaProposalCommand({ proposalId: input.proposalId, agendaItemId: newId(), position: input.position ?? null }, meta));
    return this.mustFind(input.proposalId);
  }

  @Mutation(() => AgendaProposal, { description: 'Declines a proposal with a reason the proposer sees.' })
  async declineAgendaProposal(@Args('input') input: DeclineAgendaProposalInput, @RequestMeta() meta: Meta): Promise<AgendaProposalView> {
    const { expectedRevision, ...command } = input;
    await this.commands.execute(new DeclineAgendaProposalCommand({ type: 'DeclineAgendaProposal', ...command }, withRevision(meta, expectedRevision)));
    return this.mustFind(input.proposalId);
  }

  @Mutation(() => AgendaProposal, { description: 'The proposing organisation takes its proposal back before it is decided.' })
  async withdrawAgendaProposal(@Args('input') input: WithdrawAgendaProposalInput, @RequestMeta() meta: Meta): Promise<AgendaProposalView> {
    const { expectedRevision, ...command } = input;
    await this.commands.execute(new WithdrawAgendaProposalCommand({ type: 'WithdrawAgendaProposal', ...command }, withRevision(meta, expectedRevision)));
    return this.mustFind(input.proposalId);
  }

  private mustFind(proposalId: string): AgendaProposalView {
    const proposal = this.proposals.byId(proposalId);
    if (!proposal) throw new NotFound('proposal', proposalId);
    return proposal;
  }
}
