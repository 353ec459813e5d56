import { z } from 'zod';
import { Forbidden, checkedMeasureRefs, type MeasureCitationRef, InvalidInput, InvalidState, NotFound, assertNever, type DecisionContext, type Decider } from '@kom/kernel';
import { input } from '@kom/kernel';
import type { AgendaProposalCommand, ProposalContent } from './agenda-proposal.commands';
import type { AgendaProposalEvent } from './agenda-proposal.events';

/*
 * An agenda proposal: one stream per proposal (`agendaProposal-<proposalId>`).
 * PROPOSED → ACCEPTED (the item joins the agenda in the same write) | DECLINED (with a reason) |
 * WITHDRAWN (by the proposing organisation). Every decided state is final.
 */

export type AgendaProposalStatus = 'PROPOSED' | 'ACCEPTED' | 'DECLINED' | 'WITHDRAWN';

export interface AgendaProposal {
  readonly status: AgendaProposalStatus;
  readonly proposalId: string;
  readonly meetingId: string;
  readonly organizationId: string;
  readonly title: string;
  readonly description: string;
  readonly citedMeasures: readonly MeasureCitationRef[];
  readonly citedIssueIds: readonly string[];
  readonly agendaItemId: string | null;
  readonly reason: string | null;
}

export type AgendaProposalState = { readonly status: 'none' } | AgendaProposal;

export const agendaProposalStream = (proposalId: string) => `agendaProposal-${proposalId}`;

const initialState: AgendaProposalState = { status: 'none' };

function evolve(state: AgendaProposalState, event: AgendaProposalEvent): AgendaProposalState {
  switch (event.type) {
    case 'AgendaItemProposed':
      return { status: 'PROPOSED', ...event.data, agendaItemId: null, reason: null };
    case 'AgendaProposalAccepted':
      return state.status === 'none' ? state : { ...state, status: 'ACCEPTED', agendaItemId: event.data.agendaItemId };
    case 'AgendaProposalDeclined':
      return state.status === 'none' ? state : { ...state, status: 'DECLINED', reason: event.data.reason };
    case 'AgendaProposalWithdrawn':
      return state.status === 'none' ? state : { ...state, status: 'WITHDRAWN', reason: event.data.reason };
    default:
      return assertNever(event);
  }
}

function decide(command: AgendaProposalCommand, state: AgendaProposalState, { now, actor }: DecisionContext): AgendaProposalEvent[] {
  switch (command.type) {
    case 'ProposeAgendaItem': {
      if (actor.role !== 'AGENCY_MEMBER' && actor.role !== 'NGO_REPRESENTATIVE') {
        throw new Forbidden('MEMBERS_ONLY', "Members' representatives propose items; the secretariat adds them to the agenda itself");
      }
      if (state.status !== 'none') throw new InvalidState('PROPOSAL_ALREADY_EXISTS', `Proposal ${command.proposalId} exists`);
      const content = proposalContent(command);
      const meeting = command.meeting;
      if (!meeting) throw new NotFound('meeting', command.meetingId);
      if (meeting.status === 'CANCELLED') throw new InvalidState('MEETING_CANCELLED', `Meeting ${meeting.meetingId} was cancelled`);
      if (meeting.status === 'HELD' || Date.parse(meeting.startsAt) <= now.getTime()) {
        throw new InvalidState('MEETING_ALREADY_STARTED', 'Items are proposed for meetings still to come');
      }
      if (!command.bodyMembers.includes(actor.organizationId)) {
        throw new Forbidden('NOT_A_MEMBER_OF_BODY', 'Your organisation does not belong to the body that meets');
      }
      if (command.unknownIssueIds.length > 0) {
        throw new InvalidInput('ISSUE_NOT_FOUND', `Unknown issue: ${command.unknownIssueIds.join(', ')}`, 'citedIssueIds');
      }
      return [
        {
          type: 'AgendaItemProposed',
          data: {
            proposalId: command.proposalId,
            meetingId: meeting.meetingId,
            organizationId: actor.organizationId,
            ...content,
            ...(command.representative?.organizationId === actor.organizationId ? { representativeId: command.representative.representativeId } : {}),
          },
        },
      ];
    }
    case 'AcceptAgendaProposal': {
      const proposal = pending(state, command.proposalId);
      requireSecretariat(actor.role);
      return [{ type: 'AgendaProposalAccepted', data: { proposalId: proposal.proposalId, meetingId: proposal.meetingId, agendaItemId: command.agendaItemId } }];
    }
    case 'DeclineAgendaProposal': {
      const proposal = pending(state, command.proposalId);
      requireSecretariat(actor.role);
      const reason = parse(input.text('reason').pipe(z.string().min(1, 'REASON_REQUIRED').max(2000, 'TEXT_TOO_LONG')), command.reason, 'reason');
      return [{ type: 'AgendaProposalDeclined', data: { proposalId: proposal.proposalId, meetingId: proposal.meetingId, reason } }];
    }
    case 'WithdrawAgendaProposal': {
      const proposal = pending(state, command.proposalId);
      if (actor.organizationId !== proposal.organizationId || actor.role === 'SECRETARIAT' || actor.role === 'AUDITOR') {
        throw new Forbidden('NOT_OWN_ORGANIZATION', 'Only the proposing organisation withdraws its proposal');
      }
      const reason = parse(input.text('reason').pipe(z.string().max(2000, 'TEXT_TOO_LONG')), command.reason ?? '', 'reason');
      return [{ type: 'AgendaProposalWithdrawn', data: { proposalId: proposal.proposalId, meetingId: proposal.meetingId, reason: reason || null } }];
    }
    default:
      return assertNever(command);
  }
}

export const agendaProposalDecider: Decider<AgendaProposalCommand, AgendaProposalEvent, AgendaProposalState> = { decide, evolve, initialState };

function pending(state: AgendaProposalState, proposalId: string): AgendaProposal {
  if (state.status === 'none') throw new NotFound('proposal', proposalId);
  if (state.status !== 'PROPOSED') throw new InvalidState('PROPOSAL_ALREADY_DECIDED', `The proposal was ${state.status.toLowerCase()} already`);
  return state;
}

function requireSecretariat(role: string): void {
  if (role !== 'SECRETARIAT' && role !== 'SYSTEM') throw new Forbidden('SECRETARIAT_ONLY', 'Only the KOM secretariat decides on proposals');
}

/* The content's rules as a schema; each failure's message is the typed reason, its path the field. */
// Text under the platform's text policy (@kom/kernel), then the proposal's own limits.
const contentSchema = z.object({
  title: input.text('title', 'one').pipe(z.string().max(300, 'TITLE_TOO_LONG').min(1, 'TITLE_REQUIRED')),
  description: input.text('description').pipe(z.string().max(20_000, 'TEXT_TOO_LONG')),
  citedIssueIds: z
    .array(z.string().trim().min(1, 'INVALID_ID').max(100, 'INVALID_ID'))
    .transform((ids) => [...new Set(ids)])
    .refine((ids) => ids.length <= 20, 'TOO_MANY_ISSUES'),
});

function proposalContent(c: ProposalContent) {
  const { title, description, citedIssueIds } = parse(contentSchema, {
    title: c.title ?? '',
    description: c.description ?? '',
    citedIssueIds: c.citedIssueIds ?? [],
  });
  return { title, description, citedMeasures: checkedMeasureRefs(c.citedMeasures ?? [], c.citable, 'merge'), citedIssueIds };
}

function parse<T extends z.ZodType>(schema: T, value: unknown, field?: string): z.infer<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const path = field ?? String(issue.path[0] ?? '');
  throw new InvalidInput(issue.message, `${path}: ${issue.message}`, path);
}
