import { Inject, Injectable } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { NotFound, type DecisionContext } from '@kom/kernel';
import { EVENT_STORE, type EventStore } from '@kom/event-store';
import { CommandPath, loadStream, type AcrossStreamsOutcome, type CommandMeta, type DecisionsOf, type StreamToDecide } from '@kom/platform';
import { agendaProposalDecider, agendaProposalStream, type AgendaProposalState } from '../domain/agenda-proposal.decider';
import type { MeetingCommand } from '../domain/meeting.commands';
import { meetingDecider, meetingStream, type MeetingState } from '../domain/meeting.decider';

export interface AcceptAgendaProposalRequest {
  readonly proposalId: string;
  readonly agendaItemId: string;
  /** 0-based place on the agenda; default: at the end. */
  readonly position?: number | null;
}

export type ProposalAndMeeting = {
  readonly proposal: StreamToDecide<AgendaProposalState>;
  readonly meeting: StreamToDecide<MeetingState>;
};

/**
 * Accepting a proposal adds its item to the meeting's agenda (presented by the proposing
 * organisation, with its cited measures) and marks the proposal accepted, citing the item: both
 * streams' events decided together, so the meeting's own rules (cancelled, held, amendment after
 * publishing) refuse the acceptance as well. Pure: the handler appends both in one write.
 */
export function acceptAgendaProposal(
  states: { readonly proposal: AgendaProposalState; readonly meeting: MeetingState },
  request: AcceptAgendaProposalRequest,
  context: DecisionContext,
): DecisionsOf<ProposalAndMeeting> {
  const proposal = states.proposal;
  if (proposal.status === 'none') throw new NotFound('proposal', request.proposalId);
  const accepted = agendaProposalDecider.decide({ type: 'AcceptAgendaProposal', proposalId: proposal.proposalId, agendaItemId: request.agendaItemId }, proposal, context);
  const add: MeetingCommand = {
    type: 'AddAgendaItem',
    meetingId: proposal.meetingId,
    itemId: request.agendaItemId,
    title: proposal.title,
    description: proposal.description,
    presentingOrganizationId: proposal.organizationId,
    citedMeasures: proposal.citedMeasures,
    // Checked when proposed: measures are never taken out of a plan.
    citable: proposal.citedMeasures,
    sourceIssueId: null,
    position: request.position ?? null,
  };
  const added = meetingDecider.decide(add, states.meeting, context);
  return { proposal: { command: 'AcceptAgendaProposal', events: accepted }, meeting: { command: 'AddAgendaItem', events: added } };
}

export class AcceptAgendaProposalCommand extends Command<AcrossStreamsOutcome<ProposalAndMeeting>> {
  constructor(
    readonly payload: AcceptAgendaProposalRequest,
    readonly meta: CommandMeta,
  ) {
    super();
  }
}

@Injectable()
@CommandHandler(AcceptAgendaProposalCommand)
export class AcceptAgendaProposalHandler implements ICommandHandler<AcceptAgendaProposalCommand, AcrossStreamsOutcome<ProposalAndMeeting>> {
  constructor(
    @Inject(CommandPath) private readonly path: CommandPath,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async execute({ payload, meta }: AcceptAgendaProposalCommand): Promise<AcrossStreamsOutcome<ProposalAndMeeting>> {
    const proposal = await loadStream(this.store, agendaProposalDecider, agendaProposalStream(payload.proposalId));
    if (proposal.state.status === 'none') throw new NotFound('proposal', payload.proposalId);
    const streams: ProposalAndMeeting = {
      proposal: { streamId: agendaProposalStream(payload.proposalId), decider: agendaProposalDecider },
      meeting: { streamId: meetingStream(proposal.state.meetingId), decider: meetingDecider },
    };
    return this.path.executeAcrossStreams(streams, (states, context) => acceptAgendaProposal(states, payload, context), meta);
  }
}
