import type { Citable, MeasureCitationRef, RepresentativeRef } from '@kom/kernel';
import type { OtherMeeting } from './meeting.commands';

/** What a proposal names; the rules trim and check it (agenda-proposal.decider.ts). */
export interface ProposalContent {
  readonly title: string;
  readonly description?: string | null;
  readonly citedMeasures?: readonly MeasureCitationRef[] | null;
  /** The registered plans and their measures (looked up by the handler); left out: the 2011–2014 plan's. */
  readonly citable?: Citable;
  readonly citedIssueIds?: readonly string[] | null;
}

export type AgendaProposalCommand =
  | ({
      type: 'ProposeAgendaItem';
      proposalId: string;
      meetingId: string;
      /** Facts the handler looked up: the meeting as its stream shows it (null: unknown) ... */
      meeting: OtherMeeting | null;
      /** ... the organisations of its body on its date (both groups for a joint meeting) ... */
      bodyMembers: readonly string[];
      /** ... and which cited issues the platform does not know. */
      unknownIssueIds: readonly string[];
      /** ... and the registered representative the actor's identity is linked to (recorded, not required). */
      representative?: RepresentativeRef | null;
    } & ProposalContent)
  | { type: 'AcceptAgendaProposal'; proposalId: string; agendaItemId: string }
  | { type: 'DeclineAgendaProposal'; proposalId: string; reason: string }
  | { type: 'WithdrawAgendaProposal'; proposalId: string; reason?: string | null };
