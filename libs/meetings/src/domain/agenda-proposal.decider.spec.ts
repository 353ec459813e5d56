import { Forbidden, InvalidInput, InvalidState, NotFound, fold, defaultPlanRefs } from '@kom/kernel';
import { SPEC_NOW, deciderSpec } from '@kom/kernel/testing';
import { acceptAgendaProposal } from '../application/accept-agenda-proposal.command';
import { meetingDecider } from './meeting.decider';
import type { OtherMeeting } from './meeting.commands';
import type { AgendaProposalCommand } from './agenda-proposal.commands';
import type { AgendaProposalEvent } from './agenda-proposal.events';
import { agendaProposalDecider } from './agenda-proposal.decider';
import { DURING, ROSA, STARTS_AT, UDI, actors, cancelled, itemAdded, meetingId, published, scheduled } from '../testing/meeting-fixtures';

const given = deciderSpec(agendaProposalDecider);
const proposalId = 'prop-1';
const coming: OtherMeeting = { meetingId, kind: 'PROJECT_GROUP', startsAt: STARTS_AT, status: 'PUBLISHED' };

const propose = (overrides: Partial<Extract<AgendaProposalCommand, { type: 'ProposeAgendaItem' }>> = {}): AgendaProposalCommand => ({
  type: 'ProposeAgendaItem',
  proposalId,
  meetingId,
  title: '  Tolk i  avhør ',
  description: ' Behovet for tolk ',
  citedMeasures: defaultPlanRefs([34, 6, 34]),
  citedIssueIds: ['issue-1', 'issue-1'],
  meeting: coming,
  bodyMembers: [UDI, 'org-police'],
  unknownIssueIds: [],
  ...overrides,
});

const proposed: AgendaProposalEvent = {
  type: 'AgendaItemProposed',
  data: { proposalId, meetingId, organizationId: UDI, title: 'Tolk i avhør', description: 'Behovet for tolk', citedMeasures: defaultPlanRefs([6, 34]), citedIssueIds: ['issue-1'] },
};

describe('agenda proposal decider', () => {
  describe('ProposeAgendaItem', () => {
    it("records a member's proposal for a coming meeting of its body, tidied", () =>
      given([]).when(propose(), { actor: actors.udi }).then([proposed]));

    it('records the registered representative who proposed it, when of the proposing organisation', () => {
      const events = given([]).when(propose({ representative: { representativeId: 'rep-udi', organizationId: UDI } }), { actor: actors.udi }).events();
      expect(events).toEqual([{ ...proposed, data: { ...proposed.data, representativeId: 'rep-udi' } }]);
      given([]).when(propose({ representative: { representativeId: 'rep-rosa', organizationId: ROSA } }), { actor: actors.udi }).then([proposed]);
    });

    it('refuses the secretariat and auditors: the secretariat adds items itself', () => {
      given([]).when(propose(), { actor: actors.secretariat }).thenThrows(Forbidden, 'MEMBERS_ONLY');
      given([]).when(propose(), { actor: actors.auditor }).thenThrows(Forbidden, 'MEMBERS_ONLY');
    });

    it('refuses an organisation that does not belong to the body on the meeting date', () =>
      given([]).when(propose(), { actor: actors.rosa }).thenThrows(Forbidden, 'NOT_A_MEMBER_OF_BODY'));

    it('accepts an NGO for a reference-group meeting it belongs to', () => {
      const events = given([]).when(propose({ meeting: { ...coming, kind: 'REFERENCE_GROUP' }, bodyMembers: [ROSA] }), { actor: actors.rosa }).events();
      expect(events.map((e) => [e.type, (e.data as { organizationId: string }).organizationId])).toEqual([['AgendaItemProposed', ROSA]]);
    });

    it('refuses an unknown, cancelled, held or started meeting', () => {
      given([]).when(propose({ meeting: null }), { actor: actors.udi }).thenThrows(NotFound, 'MEETING_NOT_FOUND');
      given([]).when(propose({ meeting: { ...coming, status: 'CANCELLED' } }), { actor: actors.udi }).thenThrows(InvalidState, 'MEETING_CANCELLED');
      given([]).when(propose({ meeting: { ...coming, status: 'HELD' } }), { actor: actors.udi }).thenThrows(InvalidState, 'MEETING_ALREADY_STARTED');
      given([]).when(propose(), { actor: actors.udi, now: DURING }).thenThrows(InvalidState, 'MEETING_ALREADY_STARTED');
    });

    it('cites a measure of another plan when that plan has it, and refuses an unknown plan or measure', () => {
      const old = { plan: '2006-2009', number: 1 };
      const citable = [...defaultPlanRefs([6, 34]), old];
      const events = given([]).when(propose({ citedMeasures: [old, ...defaultPlanRefs([6])], citable }), { actor: actors.udi }).events();
      expect(events.map((e) => (e.data as { citedMeasures: unknown }).citedMeasures)).toEqual([[old, { plan: '2011-2014', number: 6 }]]);
      given([]).when(propose({ citedMeasures: [{ plan: '2006-2009', number: 2 }], citable }), { actor: actors.udi }).thenThrows(InvalidInput, 'UNKNOWN_MEASURE');
      given([]).when(propose({ citedMeasures: [{ plan: '2015-2017', number: 1 }], citable }), { actor: actors.udi }).thenThrows(InvalidInput, 'UNKNOWN_PLAN');
    });

    it('refuses bad content at its field before anything else about it', () => {
      const fieldOf = (command: AgendaProposalCommand) => {
        try {
          agendaProposalDecider.decide(command, agendaProposalDecider.initialState, { now: SPEC_NOW, actor: actors.udi });
        } catch (error) {
          return [(error as InvalidInput).reason, (error as InvalidInput).field];
        }
        return undefined;
      };
      expect(fieldOf(propose({ title: '   ' }))).toEqual(['TITLE_REQUIRED', 'title']);
      expect(fieldOf(propose({ title: 'x'.repeat(301) }))).toEqual(['TITLE_TOO_LONG', 'title']);
      expect(fieldOf(propose({ citedMeasures: defaultPlanRefs([36]) }))).toEqual(['UNKNOWN_MEASURE', 'citedMeasures']);
      expect(fieldOf(propose({ citedMeasures: defaultPlanRefs([0]) }))).toEqual(['UNKNOWN_MEASURE', 'citedMeasures']);
      expect(fieldOf(propose({ citedIssueIds: Array.from({ length: 21 }, (_, i) => `i-${i}`) }))).toEqual(['TOO_MANY_ISSUES', 'citedIssueIds']);
      expect(fieldOf(propose({ unknownIssueIds: ['issue-9'] }))).toEqual(['ISSUE_NOT_FOUND', 'citedIssueIds']);
    });

    it('refuses a proposal id used before', () =>
      given([proposed]).when(propose(), { actor: actors.udi }).thenThrows(InvalidState, 'PROPOSAL_ALREADY_EXISTS'));
  });

  describe('DeclineAgendaProposal and WithdrawAgendaProposal', () => {
    it('the secretariat declines with a reason', () =>
      given([proposed])
        .when({ type: 'DeclineAgendaProposal', proposalId, reason: ' Tas opp i fellesmøtet ' }, { actor: actors.secretariat })
        .then([{ type: 'AgendaProposalDeclined', data: { proposalId, meetingId, reason: 'Tas opp i fellesmøtet' } }]));

    it('a decline needs a reason and the secretariat', () => {
      given([proposed]).when({ type: 'DeclineAgendaProposal', proposalId, reason: ' ' }, { actor: actors.secretariat }).thenThrows(InvalidInput, 'REASON_REQUIRED');
      given([proposed]).when({ type: 'DeclineAgendaProposal', proposalId, reason: 'Nei' }, { actor: actors.udi }).thenThrows(Forbidden, 'SECRETARIAT_ONLY');
    });

    it('the proposing organisation withdraws; nobody else does', () => {
      given([proposed])
        .when({ type: 'WithdrawAgendaProposal', proposalId, reason: null }, { actor: { ...actors.udi, userId: 'another-udi-person' } })
        .then([{ type: 'AgendaProposalWithdrawn', data: { proposalId, meetingId, reason: null } }]);
      given([proposed]).when({ type: 'WithdrawAgendaProposal', proposalId }, { actor: actors.rosa }).thenThrows(Forbidden, 'NOT_OWN_ORGANIZATION');
      given([proposed]).when({ type: 'WithdrawAgendaProposal', proposalId }, { actor: actors.secretariat }).thenThrows(Forbidden, 'NOT_OWN_ORGANIZATION');
    });

    it('a decided proposal is final', () => {
      const declined: AgendaProposalEvent = { type: 'AgendaProposalDeclined', data: { proposalId, meetingId, reason: 'Nei' } };
      given([proposed, declined]).when({ type: 'WithdrawAgendaProposal', proposalId }, { actor: actors.udi }).thenThrows(InvalidState, 'PROPOSAL_ALREADY_DECIDED');
      given([proposed, declined]).when({ type: 'DeclineAgendaProposal', proposalId, reason: 'Igjen' }, { actor: actors.secretariat }).thenThrows(InvalidState, 'PROPOSAL_ALREADY_DECIDED');
      given([]).when({ type: 'DeclineAgendaProposal', proposalId, reason: 'Nei' }, { actor: actors.secretariat }).thenThrows(NotFound, 'PROPOSAL_NOT_FOUND');
    });
  });

  describe('accepting: the proposal and the agenda decided together', () => {
    const proposal = fold(agendaProposalDecider, [proposed]);
    const context = { now: SPEC_NOW, actor: actors.secretariat };

    it('adds the item, presented by the proposer with its measures, as an amendment after publishing, and marks the proposal accepted citing it', () => {
      const meeting = fold(meetingDecider, [scheduled(), itemAdded('item-1', 0), published]);
      const decided = acceptAgendaProposal({ proposal, meeting }, { proposalId, agendaItemId: 'item-9', position: 0 }, context);
      expect(decided.proposal?.events).toEqual([{ type: 'AgendaProposalAccepted', data: { proposalId, meetingId, agendaItemId: 'item-9' } }]);
      expect(decided.meeting?.events).toEqual([
        {
          type: 'AgendaItemAdded',
          data: {
            meetingId,
            itemId: 'item-9',
            title: 'Tolk i avhør',
            description: 'Behovet for tolk',
            presentingOrganizationId: UDI,
            citedMeasures: defaultPlanRefs([6, 34]),
            sourceIssueId: null,
            position: 0,
            amendment: true,
          },
        },
      ]);
    });

    it("carries a measure of another plan onto the agenda item: checked when proposed, it needs no lookup again", () => {
      const old = { plan: '2006-2009', number: 1 };
      const citing = fold(agendaProposalDecider, [{ ...proposed, data: { ...proposed.data, citedMeasures: [old] } }]);
      const meeting = fold(meetingDecider, [scheduled()]);
      const decided = acceptAgendaProposal({ proposal: citing, meeting }, { proposalId, agendaItemId: 'item-9' }, context);
      expect(decided.meeting?.events.map((e) => (e.data as { citedMeasures: unknown }).citedMeasures)).toEqual([[old]]);
    });

    it("the meeting's refusal refuses the acceptance: nothing is decided for either stream", () => {
      const meeting = fold(meetingDecider, [scheduled(), cancelled]);
      expect(() => acceptAgendaProposal({ proposal, meeting }, { proposalId, agendaItemId: 'item-9' }, context)).toThrow(
        expect.objectContaining({ reason: 'MEETING_CANCELLED' }),
      );
    });

    it('only the secretariat accepts, and only once', () => {
      const meeting = fold(meetingDecider, [scheduled()]);
      expect(() => acceptAgendaProposal({ proposal, meeting }, { proposalId, agendaItemId: 'i' }, { ...context, actor: actors.udi })).toThrow(
        expect.objectContaining({ reason: 'SECRETARIAT_ONLY' }),
      );
      const accepted = fold(agendaProposalDecider, [proposed, { type: 'AgendaProposalAccepted', data: { proposalId, meetingId, agendaItemId: 'i' } }]);
      expect(() => acceptAgendaProposal({ proposal: accepted, meeting }, { proposalId, agendaItemId: 'j' }, context)).toThrow(
        expect.objectContaining({ reason: 'PROPOSAL_ALREADY_DECIDED' }),
      );
    });
  });
});
