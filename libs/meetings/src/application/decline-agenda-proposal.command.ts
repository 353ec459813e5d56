import { CommandHandler } from '@nestjs/cqrs';
import { DeciderHandler, KomCommand } from '@kom/platform';
import type { AgendaProposalCommand } from '../domain/agenda-proposal.commands';
import { agendaProposalDecider, agendaProposalStream, type AgendaProposalState } from '../domain/agenda-proposal.decider';
import type { AgendaProposalEvent } from '../domain/agenda-proposal.events';

type DeclineAgendaProposal = Extract<AgendaProposalCommand, { type: 'DeclineAgendaProposal' }>;

export class DeclineAgendaProposalCommand extends KomCommand<DeclineAgendaProposal, AgendaProposalEvent, AgendaProposalState> {}

@CommandHandler(DeclineAgendaProposalCommand)
export class DeclineAgendaProposalHandler extends DeciderHandler(agendaProposalDecider, (c: DeclineAgendaProposal) => agendaProposalStream(c.proposalId)) {}
