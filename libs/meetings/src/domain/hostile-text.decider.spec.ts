import { InvalidInput, TEXT_NOT_ALLOWED } from '@kom/kernel';
import { INVISIBLE_TEXT, deciderSpec, refusedTextCases } from '@kom/kernel/testing';
import type { MeetingCommand, OtherMeeting } from './meeting.commands';
import { meetingDecider } from './meeting.decider';
import { agendaProposalDecider } from './agenda-proposal.decider';
import type { AgendaProposalCommand } from './agenda-proposal.commands';
import { STARTS_AT, UDI, actionAssigned, actors, drafting, held, meetingId, scheduled, withDecision } from '../testing/meeting-fixtures';

// The platform's text policy (@kom/kernel text-policy.ts) on every free text of a meeting and of an
// agenda proposal: a refused character is TEXT_NOT_ALLOWED, text of invisible characters is
// missing; the decider returns no event, so nothing is recorded.
const meeting = deciderSpec(meetingDecider);
const proposal = deciderSpec(agendaProposalDecider);

const schedule = (title: string, location: string | null = 'Oslo'): MeetingCommand => ({
  type: 'ScheduleMeeting',
  meetingId,
  kind: 'PROJECT_GROUP',
  title,
  startsAt: '2026-03-10T10:00:00+01:00',
  endsAt: '2026-03-10T12:00:00+01:00',
  location,
});
const coming: OtherMeeting = { meetingId, kind: 'PROJECT_GROUP', startsAt: STARTS_AT, status: 'PUBLISHED' };
const propose = (title: string, description = 'Behovet for tolk'): AgendaProposalCommand => ({
  type: 'ProposeAgendaItem',
  proposalId: 'prop-1',
  meetingId,
  title,
  description,
  meeting: coming,
  bodyMembers: [UDI],
  unknownIssueIds: [],
});

describe.each(refusedTextCases())('a meeting refuses text with %s', (_kind, text) => {
  it('in its title and place, and the reason it is cancelled', () => {
    meeting([]).when(schedule(text)).thenThrows(InvalidInput, TEXT_NOT_ALLOWED);
    meeting([]).when(schedule('Prosjektgruppemøte', text)).thenThrows(InvalidInput, TEXT_NOT_ALLOWED);
    meeting([scheduled()]).when({ type: 'CancelMeeting', meetingId, reason: text }).thenThrows(InvalidInput, TEXT_NOT_ALLOWED);
  });

  it('in an agenda item', () => {
    meeting(drafting).when({ type: 'AddAgendaItem', meetingId, itemId: 'item-9', title: text }).thenThrows(InvalidInput, TEXT_NOT_ALLOWED);
    meeting(drafting).when({ type: 'AddAgendaItem', meetingId, itemId: 'item-9', title: 'Sak', description: text }).thenThrows(InvalidInput, TEXT_NOT_ALLOWED);
  });

  it('in a decision, its rationale, a position’s reason and a revocation', () => {
    meeting(held).when({ type: 'RecordDecision', meetingId, decisionId: 'dec-9', agendaItemId: 'item-1', text }).thenThrows(InvalidInput, TEXT_NOT_ALLOWED);
    meeting(held).when({ type: 'RecordDecision', meetingId, decisionId: 'dec-9', agendaItemId: 'item-1', text: 'Vedtak', rationale: text }).thenThrows(InvalidInput, TEXT_NOT_ALLOWED);
    meeting(withDecision).when({ type: 'RecordPosition', meetingId, decisionId: 'dec-1', organizationId: UDI, position: 'OBJECTS', reason: text }).thenThrows(InvalidInput, TEXT_NOT_ALLOWED);
    meeting(withDecision).when({ type: 'RevokeDecision', meetingId, decisionId: 'dec-1', reason: text }).thenThrows(InvalidInput, TEXT_NOT_ALLOWED);
  });

  it('in an action item, its progress, and the minutes', () => {
    meeting(withDecision).when({ type: 'AssignActionItem', meetingId, actionItemId: 'act-9', description: text, responsibleOrganizationId: UDI, dueDate: '2026-04-01' }).thenThrows(InvalidInput, TEXT_NOT_ALLOWED);
    meeting([...withDecision, actionAssigned()]).when({ type: 'ReportActionItemProgress', meetingId, actionItemId: 'act-1', note: text }).thenThrows(InvalidInput, TEXT_NOT_ALLOWED);
    meeting(held).when({ type: 'RecordMinutes', meetingId, text }).thenThrows(InvalidInput, TEXT_NOT_ALLOWED);
  });

  it('in an agenda proposal and the reason it is declined', () => {
    proposal([]).when(propose(text), { actor: actors.udi }).thenThrows(InvalidInput, TEXT_NOT_ALLOWED);
    proposal([]).when(propose('Tolk i avhør', text), { actor: actors.udi }).thenThrows(InvalidInput, TEXT_NOT_ALLOWED);
    const proposed = proposal([]).when(propose('Tolk i avhør'), { actor: actors.udi }).events();
    proposal(proposed).when({ type: 'DeclineAgendaProposal', proposalId: 'prop-1', reason: text }).thenThrows(InvalidInput, TEXT_NOT_ALLOWED);
  });
});

describe('a meeting takes text of invisible characters as missing', () => {
  it('a title, a decision, minutes and a proposal of zero-width characters are none', () => {
    meeting([]).when(schedule(INVISIBLE_TEXT)).thenThrows(InvalidInput, 'TITLE_REQUIRED');
    meeting(held).when({ type: 'RecordDecision', meetingId, decisionId: 'dec-9', agendaItemId: 'item-1', text: INVISIBLE_TEXT }).thenThrows(InvalidInput, 'DECISION_TEXT_REQUIRED');
    meeting(held).when({ type: 'RecordMinutes', meetingId, text: INVISIBLE_TEXT }).thenThrows(InvalidInput, 'MINUTES_TEXT_REQUIRED');
    proposal([]).when(propose(INVISIBLE_TEXT), { actor: actors.udi }).thenThrows(InvalidInput, 'TITLE_REQUIRED');
  });
});
