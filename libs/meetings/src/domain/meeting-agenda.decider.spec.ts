import { InvalidInput, InvalidState, NotFound, defaultPlanRefs } from '@kom/kernel';
import { SPEC_NOW, deciderSpec } from '@kom/kernel/testing';
import type { MeetingEvent } from './meeting.events';
import { meetingDecider } from './meeting.decider';
import { drafting, held, itemAdded, meetingId, published, publishedAgenda, scheduled } from '../testing/meeting-fixtures';

const given = deciderSpec(meetingDecider);

describe('meeting decider: agenda', () => {
  describe('AddAgendaItem', () => {
    it('adds an item at the end of a draft agenda, tidying its fields', () =>
      given(drafting)
        .when({
          type: 'AddAgendaItem',
          meetingId,
          itemId: 'item-3',
          title: ' Rutiner for  identifisering ',
          description: ' Innledning ved politiet ',
          presentingOrganizationId: 'org-police',
          citedMeasures: defaultPlanRefs([34, 6, 34]),
          sourceIssueId: 'issue-7',
        })
        .then([
          {
            type: 'AgendaItemAdded',
            data: {
              meetingId,
              itemId: 'item-3',
              title: 'Rutiner for identifisering',
              description: 'Innledning ved politiet',
              presentingOrganizationId: 'org-police',
              citedMeasures: defaultPlanRefs([6, 34]),
              sourceIssueId: 'issue-7',
              position: 2,
              amendment: false,
            },
          },
        ]));

    it('adds an item at a position; after publishing it is an amendment', () =>
      given(publishedAgenda)
        .when({ type: 'AddAgendaItem', meetingId, itemId: 'item-3', title: 'Sak item-3', position: 0 })
        .then([itemAdded('item-3', 0, true)]));

    it('refuses a position outside the agenda (AGENDA_POSITION_OUT_OF_RANGE)', () => {
      given(drafting).when({ type: 'AddAgendaItem', meetingId, itemId: 'i', title: 'T', position: 3 }).thenThrows(InvalidInput, 'AGENDA_POSITION_OUT_OF_RANGE');
      given(drafting).when({ type: 'AddAgendaItem', meetingId, itemId: 'i', title: 'T', position: -1 }).thenThrows(InvalidInput, 'AGENDA_POSITION_OUT_OF_RANGE');
    });

    it('refuses a duplicate item id, also one that was removed (AGENDA_ITEM_ALREADY_EXISTS)', () => {
      given(drafting).when({ type: 'AddAgendaItem', meetingId, itemId: 'item-1', title: 'T' }).thenThrows(InvalidState, 'AGENDA_ITEM_ALREADY_EXISTS');
      given([...drafting, { type: 'AgendaItemRemoved', data: { meetingId, itemId: 'item-2', amendment: false, reason: null } }])
        .when({ type: 'AddAgendaItem', meetingId, itemId: 'item-2', title: 'T' })
        .thenThrows(InvalidState, 'AGENDA_ITEM_ALREADY_EXISTS');
    });

    it('puts an issue on an agenda once (ISSUE_ALREADY_ON_AGENDA)', () =>
      given([scheduled(), itemAdded('item-1', 0, false, 'issue-7')])
        .when({ type: 'AddAgendaItem', meetingId, itemId: 'item-2', title: 'T', sourceIssueId: 'issue-7' })
        .thenThrows(InvalidState, 'ISSUE_ALREADY_ON_AGENDA'));

    it('cites measures of any plan that has them, as (plan, number), each once, sorted', () => {
      const citable = [...defaultPlanRefs([6]), { plan: '2006-2009', number: 1 }];
      const events = given(drafting)
        .when({ type: 'AddAgendaItem', meetingId, itemId: 'i', title: 'T', citedMeasures: [...defaultPlanRefs([6]), { plan: '2006-2009', number: 1 }, { plan: '2006-2009', number: 1 }], citable })
        .events();
      expect(events.map((e) => (e.data as { citedMeasures: unknown }).citedMeasures)).toEqual([[{ plan: '2006-2009', number: 1 }, { plan: '2011-2014', number: 6 }]]);
      given(drafting)
        .when({ type: 'AddAgendaItem', meetingId, itemId: 'i', title: 'T', citedMeasures: [{ plan: '2006-2009', number: 2 }], citable })
        .thenThrows(InvalidInput, 'UNKNOWN_MEASURE');
      given(drafting).when({ type: 'AddAgendaItem', meetingId, itemId: 'i', title: 'T', citedMeasures: [{ plan: '1999-2002', number: 1 }], citable }).thenThrows(InvalidInput, 'UNKNOWN_PLAN');
    });

    it('refuses a missing title, unknown measures, and identity numbers', () => {
      given(drafting).when({ type: 'AddAgendaItem', meetingId, itemId: 'i', title: ' ' }).thenThrows(InvalidInput, 'TITLE_REQUIRED');
      given(drafting).when({ type: 'AddAgendaItem', meetingId, itemId: 'i', title: 'T', citedMeasures: defaultPlanRefs([36]) }).thenThrows(InvalidInput, 'UNKNOWN_MEASURE');
      given(drafting).when({ type: 'AddAgendaItem', meetingId, itemId: 'i', title: 'T', citedMeasures: defaultPlanRefs([0]) }).thenThrows(InvalidInput, 'UNKNOWN_MEASURE');
      given(drafting).when({ type: 'AddAgendaItem', meetingId, itemId: '', title: 'T' }).thenThrows(InvalidInput, 'INVALID_ID');
    });

    it('keeps an agenda to 200 items (AGENDA_FULL)', () => {
      const full: MeetingEvent[] = [scheduled(), ...Array.from({ length: 200 }, (_, i) => itemAdded(`i-${i}`, i))];
      given(full).when({ type: 'AddAgendaItem', meetingId, itemId: 'one-more', title: 'T' }).thenThrows(InvalidState, 'AGENDA_FULL');
    });

    it('refuses agenda changes once the meeting is held (MEETING_ALREADY_HELD)', () =>
      given(held).when({ type: 'AddAgendaItem', meetingId, itemId: 'i', title: 'T' }).thenThrows(InvalidState, 'MEETING_ALREADY_HELD'));
  });

  describe('UpdateAgendaItem', () => {
    it('updates an item; omitted fields stay, null clears', () =>
      given([scheduled(), { ...itemAdded('item-1', 0), data: { ...itemAdded('item-1', 0).data, description: 'Bakgrunn', presentingOrganizationId: 'org-udi', citedMeasures: defaultPlanRefs([6]) } } as MeetingEvent])
        .when({ type: 'UpdateAgendaItem', meetingId, itemId: 'item-1', title: 'Ny tittel', presentingOrganizationId: null })
        .then([
          {
            type: 'AgendaItemUpdated',
            data: { meetingId, itemId: 'item-1', title: 'Ny tittel', description: 'Bakgrunn', presentingOrganizationId: null, citedMeasures: defaultPlanRefs([6]), amendment: false },
          },
        ]));

    it('is an amendment after publishing', () =>
      given(publishedAgenda)
        .when({ type: 'UpdateAgendaItem', meetingId, itemId: 'item-2', title: 'Sak item-2', citedMeasures: defaultPlanRefs([1]) })
        .then([
          {
            type: 'AgendaItemUpdated',
            data: { meetingId, itemId: 'item-2', title: 'Sak item-2', description: '', presentingOrganizationId: null, citedMeasures: defaultPlanRefs([1]), amendment: true },
          },
        ]));

    it('changes nothing when nothing changes', () =>
      given(drafting).when({ type: 'UpdateAgendaItem', meetingId, itemId: 'item-1', title: 'Sak item-1', citedMeasures: [] }).then([]));

    it('refuses an unknown item (AGENDA_ITEM_NOT_FOUND), a held meeting, bad fields', () => {
      given(drafting).when({ type: 'UpdateAgendaItem', meetingId, itemId: 'nope', title: 'T' }).thenThrows(NotFound, 'AGENDA_ITEM_NOT_FOUND');
      given(held).when({ type: 'UpdateAgendaItem', meetingId, itemId: 'item-1', title: 'T' }).thenThrows(InvalidState, 'MEETING_ALREADY_HELD');
      given(drafting).when({ type: 'UpdateAgendaItem', meetingId, itemId: 'item-1', title: '' }).thenThrows(InvalidInput, 'TITLE_REQUIRED');
    });
  });

  describe('ReorderAgenda', () => {
    it('reorders a draft agenda, and as an amendment after publishing', () => {
      given(drafting)
        .when({ type: 'ReorderAgenda', meetingId, itemIds: ['item-2', 'item-1'] })
        .then([{ type: 'AgendaReordered', data: { meetingId, itemIds: ['item-2', 'item-1'], amendment: false } }]);
      given(publishedAgenda)
        .when({ type: 'ReorderAgenda', meetingId, itemIds: ['item-2', 'item-1'] })
        .then([{ type: 'AgendaReordered', data: { meetingId, itemIds: ['item-2', 'item-1'], amendment: true } }]);
    });

    it('changes nothing for the current order', () => given(drafting).when({ type: 'ReorderAgenda', meetingId, itemIds: ['item-1', 'item-2'] }).then([]));

    it.each([
      ['a missing item', ['item-2']],
      ['an unknown item', ['item-2', 'item-1', 'item-3']],
      ['a duplicate', ['item-2', 'item-2']],
      ['a stranger in place of one', ['item-2', 'item-3']],
    ])('refuses an order with %s (AGENDA_REORDER_NOT_A_PERMUTATION)', (_, itemIds) =>
      given(drafting).when({ type: 'ReorderAgenda', meetingId, itemIds }).thenThrows(InvalidInput, 'AGENDA_REORDER_NOT_A_PERMUTATION'));

    it('refuses once held', () =>
      given(held).when({ type: 'ReorderAgenda', meetingId, itemIds: ['item-2', 'item-1'] }).thenThrows(InvalidState, 'MEETING_ALREADY_HELD'));
  });

  describe('RemoveAgendaItem', () => {
    it('removes a draft item; after publishing the removal is an amendment with its reason', () => {
      given(drafting)
        .when({ type: 'RemoveAgendaItem', meetingId, itemId: 'item-1' })
        .then([{ type: 'AgendaItemRemoved', data: { meetingId, itemId: 'item-1', amendment: false, reason: null } }]);
      given(publishedAgenda)
        .when({ type: 'RemoveAgendaItem', meetingId, itemId: 'item-1', reason: ' Utsatt ' })
        .then([{ type: 'AgendaItemRemoved', data: { meetingId, itemId: 'item-1', amendment: true, reason: 'Utsatt' } }]);
    });

    it('removes the last item of a draft, but a published agenda keeps one (AGENDA_WOULD_BE_EMPTY)', () => {
      expect(given([scheduled(), itemAdded('item-1', 0)]).when({ type: 'RemoveAgendaItem', meetingId, itemId: 'item-1' }).events()).toHaveLength(1);
      given([scheduled(), itemAdded('item-1', 0), published])
        .when({ type: 'RemoveAgendaItem', meetingId, itemId: 'item-1' })
        .thenThrows(InvalidState, 'AGENDA_WOULD_BE_EMPTY');
    });

    it('refuses an unknown item, a held meeting, an identity number in the reason', () => {
      given(drafting).when({ type: 'RemoveAgendaItem', meetingId, itemId: 'nope' }).thenThrows(NotFound, 'AGENDA_ITEM_NOT_FOUND');
      given(held).when({ type: 'RemoveAgendaItem', meetingId, itemId: 'item-1' }).thenThrows(InvalidState, 'MEETING_ALREADY_HELD');
    });
  });

  describe('PublishAgenda', () => {
    it('publishes the agenda now', () =>
      given(drafting).when({ type: 'PublishAgenda', meetingId }).then([{ type: 'AgendaPublished', data: { meetingId, publishedAt: SPEC_NOW.toISOString() } }]));

    it('needs at least one item (AGENDA_EMPTY)', () =>
      given([scheduled()]).when({ type: 'PublishAgenda', meetingId }).thenThrows(InvalidState, 'AGENDA_EMPTY'));

    it('publishes once (AGENDA_ALREADY_PUBLISHED)', () => {
      given(publishedAgenda).when({ type: 'PublishAgenda', meetingId }).thenThrows(InvalidState, 'AGENDA_ALREADY_PUBLISHED');
      given(held).when({ type: 'PublishAgenda', meetingId }).thenThrows(InvalidState, 'AGENDA_ALREADY_PUBLISHED');
    });
  });
});
