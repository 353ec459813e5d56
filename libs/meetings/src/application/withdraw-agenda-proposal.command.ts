import { CommandHandler } from '@nestjs/cqrs';
import { DeciderHandler, KomCommand } from '@kom/platform';
import type { AgendaProposalCommand } from '../domain/agenda-proposal.commands';
import { agendaProposalDecider, agendaProposalStream, type AgendaProposalState } from '../domain/agenda-proposal.decider';
import type { AgendaProposalEvent } from '../domain/agenda-proposal.events';

type WithdrawAgendaProposal = Extract<AgendaProposalCommand, { type: 'WithdrawAgendaProposal' }>;

export class WithdrawAgendaProposalCommand extends KomCommand<WithdrawAgendaProposal, AgendaProposalEvent, AgendaProposalState> {}

@CommandHandler(WithdrawAgendaProposalCommand)
export class WithdrawAgendaProposalHandler extends DeciderHandler(agendaProposalDecider, (c: WithdrawAgendaProposal) => agendaProposalStream(c.proposalId)) {}
