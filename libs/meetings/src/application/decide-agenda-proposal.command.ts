import { CommandHandler } from '@nestjs/cqrs';
import { DeciderHandler, KomCommand } from '@kom/platform';
import type { AgendaProposalCommand } from '../domain/agenda-proposal.commands';
import { agendaProposalDecider, agendaProposalStream, type AgendaProposalState } from '../domain/agenda-proposal.decider';
import type { AgendaProposalEvent } from '../domain/agenda-proposal.events';

type Decline = Extract<AgendaProposalCommand, { type: 'DeclineAgendaProposal' }>;
type Withdraw = Extract<AgendaProposalCommand, { type: 'WithdrawAgendaProposal' }>;

export class DeclineAgendaProposalCommand extends KomCommand<Decline, AgendaProposalEvent, AgendaProposalState> {}
export class WithdrawAgendaProposalCommand extends KomCommand<Withdraw, AgendaProposalEvent, AgendaProposalState> {}

@CommandHandler(DeclineAgendaProposalCommand)
export class DeclineAgendaProposalHandler extends DeciderHandler(agendaProposalDecider, (c: Decline) => agendaProposalStream(c.proposalId)) {}

@CommandHandler(WithdrawAgendaProposalCommand)
export class WithdrawAgendaProposalHandler extends DeciderHandler(agendaProposalDecider, (c: Withdraw) => agendaProposalStream(c.proposalId)) {}
