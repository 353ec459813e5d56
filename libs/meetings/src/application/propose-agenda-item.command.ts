import { Inject, Injectable, Optional } from '@nestjs/common';
import { REPRESENTATIVE_REGISTER, osloDate, type RepresentativeRegister } from '@kom/kernel';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore } from '@kom/event-store';
import { CommandPath, KomCommand, type CommandOutcome } from '@kom/platform';
import type { AgendaProposalCommand } from '../domain/agenda-proposal.commands';
import { agendaProposalDecider, agendaProposalStream, type AgendaProposalState } from '../domain/agenda-proposal.decider';
import type { AgendaProposalEvent } from '../domain/agenda-proposal.events';
import { CitedIssuesSlot } from './cited-issues';
import { asOtherMeeting, bodyMembersOn, loadMeeting } from './meeting-facts';
import { MEMBERSHIP_LOOKUP, type MembershipLookup } from './ports';

type Propose = Extract<AgendaProposalCommand, { type: 'ProposeAgendaItem' }>;
export type ProposeAgendaItemRequest = Omit<Propose, 'meeting' | 'bodyMembers' | 'unknownIssueIds' | 'representative'>;
type Outcome = CommandOutcome<AgendaProposalEvent, AgendaProposalState>;

export class ProposeAgendaItemCommand extends KomCommand<ProposeAgendaItemRequest, AgendaProposalEvent, AgendaProposalState> {}

/**
 * Looks up the facts the rules need (the meeting from its own stream, its body's members on its
 * Oslo date, which cited issues exist), never from the caller, then decides.
 */
@Injectable()
@CommandHandler(ProposeAgendaItemCommand)
export class ProposeAgendaItemHandler implements ICommandHandler<ProposeAgendaItemCommand, Outcome> {
  constructor(
    @Inject(CommandPath) private readonly path: CommandPath,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(MEMBERSHIP_LOOKUP) private readonly memberships: MembershipLookup,
    @Inject(CitedIssuesSlot) private readonly issues: CitedIssuesSlot,
    @Optional() @Inject(REPRESENTATIVE_REGISTER) private readonly register?: RepresentativeRegister,
  ) {}

  async execute({ payload, meta }: ProposeAgendaItemCommand): Promise<Outcome> {
    const state = await loadMeeting(this.store, payload.meetingId);
    const meeting = state.status === 'none' ? null : asOtherMeeting(state);
    const bodyMembers = meeting ? await bodyMembersOn(this.memberships, meeting.kind, osloDate(meeting.startsAt)) : [];
    const unknownIssueIds = await this.issues.unknown((payload.citedIssueIds ?? []).map((id) => id.trim()).filter(Boolean));
    const representative = (await this.register?.representativeOf(meta.actor)) ?? null;
    const command: Propose = { ...payload, meeting, bodyMembers, unknownIssueIds, representative };
    return this.path.execute(agendaProposalDecider, agendaProposalStream(payload.proposalId), command, meta);
  }
}
