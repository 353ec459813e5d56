import { Forbidden, InvalidInput, InvalidState, NotFound, type Actor, defaultPlanRefs } from '@kom/kernel';
import { deciderSpec } from '@kom/kernel/testing';
import { generatedNationalIdNumber, withBadChecksum } from '../testing/national-id-numbers';
import type { IssueCommand } from './issue.commands';
import type { IssueEvent } from './issue.events';
import { issueDecider } from './issue.decider';

const given = deciderSpec(issueDecider);
const issueId = 'issue-1';
const rosa: Actor = { userId: 'u-rosa', organizationId: 'org-rosa', role: 'NGO_REPRESENTATIVE' };
const noas: Actor = { userId: 'u-noas', organizationId: 'org-noas', role: 'NGO_REPRESENTATIVE' };
const udi: Actor = { userId: 'u-udi', organizationId: 'org-udi', role: 'AGENCY_MEMBER' };
const auditor: Actor = { userId: 'u-aud', organizationId: 'org-riksrevisjonen', role: 'AUDITOR' };
const secretariat: Actor = { userId: 'u-sec', organizationId: 'org-pod', role: 'SECRETARIAT' };

const submit: Extract<IssueCommand, { type: 'SubmitIssue' }> = {
  type: 'SubmitIssue',
  issueId,
  organizationId: 'org-rosa',
  title: 'Shelter capacity for victims of forced labour',
  description: 'Shelters in the east are full; victims wait weeks.',
  category: 'IDENTIFICATION_AND_ASSISTANCE',
  tags: ['SEXUAL', 'FORCED_LABOUR'],
  citedMeasures: defaultPlanRefs([17, 6]),
  urgencyReason: 'Winter is coming',
  referenceGroupMember: true,
};

const submitted: IssueEvent = {
  type: 'IssueSubmitted',
  data: {
    issueId,
    organizationId: 'org-rosa',
    title: submit.title,
    description: submit.description,
    category: 'IDENTIFICATION_AND_ASSISTANCE',
    tags: ['SEXUAL', 'FORCED_LABOUR'],
    citedMeasures: defaultPlanRefs([6, 17]),
    urgency: { reason: 'Winter is coming' },
    citedIssueIds: [],
  },
};
const onReference: IssueEvent = { type: 'IssuePlacedOnAgenda', data: { issueId, meetingId: 'm-ref', agendaItemId: 'item-ref', body: 'REFERENCE_GROUP' } };
const forwarded: IssueEvent = { type: 'IssueForwarded', data: { issueId, meetingId: 'm-ref', agendaItemId: 'item-ref', decisionId: 'd-ref' } };
const onProject: IssueEvent = { type: 'IssuePlacedOnAgenda', data: { issueId, meetingId: 'm-pro', agendaItemId: 'item-pro', body: 'PROJECT_GROUP' } };
const resolved: IssueEvent = { type: 'IssueResolved', data: { issueId, meetingId: 'm-pro', agendaItemId: 'item-pro', decisionId: 'd-pro' } };
const withdrawn: IssueEvent = { type: 'IssueWithdrawn', data: { issueId, reason: 'Solved elsewhere' } };
const closed: IssueEvent = { type: 'IssueClosed', data: { issueId, reason: 'Out of scope', meetingId: null, agendaItemId: null } };

const edit: IssueCommand = {
  type: 'EditIssue',
  issueId,
  title: 'Shelter capacity in the east',
  description: submit.description,
  category: 'IDENTIFICATION_AND_ASSISTANCE',
  tags: ['FORCED_LABOUR'],
  citedMeasures: defaultPlanRefs([6, 17]),
  urgencyReason: null,
};
const withdraw: IssueCommand = { type: 'WithdrawIssue', issueId, reason: 'Solved elsewhere' };
const placeRef: IssueCommand = { type: 'PlaceIssueOnAgenda', issueId, meetingId: 'm-ref', agendaItemId: 'item-ref', body: 'REFERENCE_GROUP' };
const placePro: IssueCommand = { type: 'PlaceIssueOnAgenda', issueId, meetingId: 'm-pro', agendaItemId: 'item-pro', body: 'PROJECT_GROUP' };
const forward: IssueCommand = { type: 'ForwardIssue', issueId, meetingId: 'm-ref', agendaItemId: 'item-ref', decisionId: 'd-ref' };
const resolve: IssueCommand = { type: 'ResolveIssue', issueId, meetingId: 'm-pro', agendaItemId: 'item-pro', decisionId: 'd-pro' };
const close: IssueCommand = { type: 'CloseIssue', issueId, reason: 'Out of scope' };
const comment: IssueCommand = { type: 'CommentOnIssue', issueId, commentId: 'c-1', text: 'We see the same in Bergen.', memberOrganization: true };

describe('Issue decider', () => {
  describe('submit', () => {
    it('submits an issue for the representative’s own organisation', () =>
      given([]).when(submit, { actor: rosa }).then([submitted]));

    it('records the registered representative who submitted it, when of the submitting organisation', () => {
      given([])
        .when({ ...submit, representative: { representativeId: 'rep-rita', organizationId: 'org-rosa' } }, { actor: rosa })
        .then([{ type: 'IssueSubmitted', data: { ...submitted.data, representativeId: 'rep-rita' } } as IssueEvent]);
      // Linked to none (or to another organisation's): submitted all the same, with no representative recorded.
      given([]).when({ ...submit, representative: null }, { actor: rosa }).then([submitted]);
      given([]).when({ ...submit, representative: { representativeId: 'rep-x', organizationId: 'org-noas' } }, { actor: rosa }).then([submitted]);
    });

    it('records the cited earlier issues, each once', () =>
      given([])
        .when({ ...submit, urgencyReason: null, citedIssueIds: ['old-1', 'old-1'], existingCitedIssueIds: ['old-1'] }, { actor: rosa })
        .then([{ type: 'IssueSubmitted', data: { ...submitted.data, urgency: null, citedIssueIds: ['old-1'] } } as IssueEvent]));

    it('refuses to cite an issue that does not exist', () => {
      given([]).when({ ...submit, citedIssueIds: ['old-1', 'no-such-issue'], existingCitedIssueIds: ['old-1'] }, { actor: rosa }).thenThrows(InvalidInput, 'CITED_ISSUE_NOT_FOUND');
      given([]).when({ ...submit, citedIssueIds: ['no-such-issue'] }, { actor: rosa }).thenThrows(InvalidInput, 'CITED_ISSUE_NOT_FOUND');
    });

    it('refuses to act for another organisation', () =>
      given([]).when(submit, { actor: noas }).thenThrows(Forbidden, 'NOT_OWN_ORGANIZATION'));

    it('refuses anyone but an NGO representative', () => {
      given([]).when(submit, { actor: secretariat }).thenThrows(Forbidden, 'NGO_REPRESENTATIVE_ONLY');
      given([]).when(submit, { actor: udi }).thenThrows(Forbidden, 'NGO_REPRESENTATIVE_ONLY');
    });

    it('refuses an organisation that is not a current member of the reference group', () =>
      given([]).when({ ...submit, referenceGroupMember: false }, { actor: rosa }).thenThrows(Forbidden, 'NOT_A_REFERENCE_GROUP_MEMBER'));

    it('refuses the same issue id twice', () =>
      given([submitted]).when(submit, { actor: rosa }).thenThrows(InvalidState, 'ISSUE_ALREADY_EXISTS'));

    it.each([
      [{ title: '  ' }, 'TITLE_REQUIRED'],
      [{ title: 'x'.repeat(301) }, 'TITLE_TOO_LONG'],
      [{ description: '' }, 'DESCRIPTION_REQUIRED'],
      [{ category: 'WEATHER' as never }, 'UNKNOWN_CATEGORY'],
      [{ tags: ['PICKPOCKETING' as never] }, 'UNKNOWN_TAG'],
      [{ tags: ['BEGGING', 'BEGGING'] as const }, 'DUPLICATE_TAG'],
      [{ citedMeasures: defaultPlanRefs([36]) }, 'UNKNOWN_MEASURE'],
      [{ citedMeasures: defaultPlanRefs([0]) }, 'UNKNOWN_MEASURE'],
      [{ citedMeasures: defaultPlanRefs([6, 6]) }, 'DUPLICATE_MEASURE'],
      [{ citedMeasures: [{ plan: '2006-2009', number: 1 }] }, 'UNKNOWN_PLAN'],
      [{ urgencyReason: ' ' }, 'URGENCY_REASON_REQUIRED'],
      [{ citedIssueIds: [issueId] }, 'ISSUE_CITES_ITSELF'],
    ])('refuses bad input %j (%s)', (change, reason) =>
      given([]).when({ ...submit, ...change } as IssueCommand, { actor: rosa }).thenThrows(InvalidInput, reason));

    it.each([
      ['title', { title: '  ' }],
      ['description', { description: 'x'.repeat(20_001) }],
    ])('names the refused field (%s), so a form can show the reason there', (field, change) => {
      const refusal = (() => {
        try {
          given([]).when({ ...submit, ...change } as IssueCommand, { actor: rosa }).then([]);
        } catch (error) {
          return error as InvalidInput;
        }
      })();
      expect(refusal).toBeInstanceOf(InvalidInput);
      expect(refusal?.field).toBe(field);
    });

    it('accepts eleven digits that fail the checksum', () =>
      expect(given([]).when({ ...submit, description: `Ref ${withBadChecksum(generatedNationalIdNumber())}` }, { actor: rosa }).events()).toHaveLength(1));
  });

  describe('citing measures of any plan', () => {
    const old = { plan: '2006-2009', number: 1 };
    const citable = [...defaultPlanRefs([6, 17]), old];

    it('records a measure of another plan as (plan, number), beside the default plan\'s', () => {
      const events = given([]).when({ ...submit, citedMeasures: [old, ...defaultPlanRefs([6])], citable }, { actor: rosa }).events();
      expect(events.map((e) => (e.data as { citedMeasures: unknown }).citedMeasures)).toEqual([[old, { plan: '2011-2014', number: 6 }]]);
    });

    it('refuses a measure its plan lacks (UNKNOWN_MEASURE), a plan that is not registered (UNKNOWN_PLAN) and a pair twice', () => {
      given([]).when({ ...submit, citedMeasures: [{ plan: '2006-2009', number: 2 }], citable }, { actor: rosa }).thenThrows(InvalidInput, 'UNKNOWN_MEASURE');
      given([]).when({ ...submit, citedMeasures: [{ plan: '2015-2017', number: 1 }], citable }, { actor: rosa }).thenThrows(InvalidInput, 'UNKNOWN_PLAN');
      given([]).when({ ...submit, citedMeasures: [old, old], citable }, { actor: rosa }).thenThrows(InvalidInput, 'DUPLICATE_MEASURE');
    });

    it('an edit citing measure 1 of another plan is a change, though measure 1 of 2011-2014 was cited', () => {
      const citingOne: IssueEvent = { ...submitted, data: { ...submitted.data, citedMeasures: defaultPlanRefs([1]) } } as IssueEvent;
      const events = given([citingOne]).when({ ...edit, title: submit.title, tags: ['FORCED_LABOUR', 'SEXUAL'], urgencyReason: 'Winter is coming', citedMeasures: [old], citable }, { actor: rosa }).events();
      expect(events.map((e) => e.type)).toEqual(['IssueEdited']);
    });
  });

  describe('edit', () => {
    it('records the whole new content', () =>
      given([submitted])
        .when(edit, { actor: rosa })
        .then([
          {
            type: 'IssueEdited',
            data: {
              issueId,
              title: 'Shelter capacity in the east',
              description: submit.description,
              category: 'IDENTIFICATION_AND_ASSISTANCE',
              tags: ['FORCED_LABOUR'],
              citedMeasures: defaultPlanRefs([6, 17]),
              urgency: null,
            },
          },
        ]));

    it('changes nothing when nothing changed', () =>
      given([submitted]).when({ ...edit, title: submit.title, tags: ['FORCED_LABOUR', 'SEXUAL'], urgencyReason: 'Winter is coming' }, { actor: rosa }).then([]));

    it('is allowed while on the reference agenda', () =>
      expect(given([submitted, onReference]).when(edit, { actor: rosa }).events()).toHaveLength(1));

    it('refuses another organisation and other roles', () => {
      given([submitted]).when(edit, { actor: noas }).thenThrows(Forbidden, 'NOT_OWN_ORGANIZATION');
      given([submitted]).when(edit, { actor: secretariat }).thenThrows(Forbidden, 'NGO_REPRESENTATIVE_ONLY');
    });

    it('refuses after forwarding', () =>
      given([submitted, onReference, forwarded]).when(edit, { actor: rosa }).thenThrows(InvalidState, 'ISSUE_ALREADY_FORWARDED'));

    it('refuses an unknown issue', () => given([]).when(edit, { actor: rosa }).thenThrows(NotFound, 'ISSUE_NOT_FOUND'));
  });

  describe('withdraw', () => {
    it('withdraws with a reason while submitted or on the reference agenda', () => {
      given([submitted]).when(withdraw, { actor: rosa }).then([withdrawn]);
      given([submitted, onReference]).when(withdraw, { actor: rosa }).then([withdrawn]);
    });

    it('needs a reason', () =>
      given([submitted]).when({ ...withdraw, reason: '' }, { actor: rosa }).thenThrows(InvalidInput, 'REASON_REQUIRED'));

    it('refuses after forwarding, also once on the project agenda', () => {
      given([submitted, onReference, forwarded]).when(withdraw, { actor: rosa }).thenThrows(InvalidState, 'ISSUE_ALREADY_FORWARDED');
      given([submitted, onReference, forwarded, onProject]).when(withdraw, { actor: rosa }).thenThrows(InvalidState, 'ISSUE_ALREADY_FORWARDED');
    });

    it('refuses another organisation', () =>
      given([submitted]).when(withdraw, { actor: noas }).thenThrows(Forbidden, 'NOT_OWN_ORGANIZATION'));

    it('refuses a withdrawn, closed or resolved issue', () => {
      given([submitted, withdrawn]).when(withdraw, { actor: rosa }).thenThrows(InvalidState, 'ISSUE_WITHDRAWN');
      given([submitted, closed]).when(withdraw, { actor: rosa }).thenThrows(InvalidState, 'ISSUE_CLOSED');
    });
  });

  describe('comment', () => {
    it('lets any member organisation comment on an open issue', () => {
      given([submitted])
        .when(comment, { actor: noas })
        .then([{ type: 'IssueCommented', data: { issueId, commentId: 'c-1', organizationId: 'org-noas', text: 'We see the same in Bergen.' } }]);
      expect(given([submitted, onReference, forwarded]).when(comment, { actor: udi }).events()).toHaveLength(1);
    });

    it('records a comment once', () =>
      given([submitted, { type: 'IssueCommented', data: { issueId, commentId: 'c-1', organizationId: 'org-noas', text: 'x' } }])
        .when(comment, { actor: noas })
        .then([]));

    it('refuses organisations outside both groups, and auditors', () => {
      given([submitted]).when({ ...comment, memberOrganization: false }, { actor: noas }).thenThrows(Forbidden, 'NOT_A_MEMBER_ORGANIZATION');
      given([submitted]).when(comment, { actor: auditor }).thenThrows(Forbidden, 'READ_ONLY_ROLE');
    });

    it('refuses comments on issues that are no longer open', () => {
      given([submitted, withdrawn]).when(comment, { actor: noas }).thenThrows(InvalidState, 'ISSUE_WITHDRAWN');
      given([submitted, onReference, forwarded, onProject, resolved]).when(comment, { actor: noas }).thenThrows(InvalidState, 'ISSUE_RESOLVED');
    });

    it('needs text', () => {
      given([submitted]).when({ ...comment, text: ' ' }, { actor: noas }).thenThrows(InvalidInput, 'COMMENT_REQUIRED');
    });
  });

  describe('agenda, forward, resolve (sent by reactors with the secretariat as actor)', () => {
    it('places a submitted issue on a reference-group agenda', () =>
      given([submitted]).when(placeRef).then([onReference]));

    it('moves an issue to a later reference-group meeting', () =>
      expect(given([submitted, onReference]).when({ ...placeRef, meetingId: 'm-ref-2', agendaItemId: 'item-ref-2' }).events()).toHaveLength(1));

    it('changes nothing when the same agenda item is reported again (a reactor re-run)', () => {
      given([submitted, onReference]).when(placeRef).then([]);
      given([submitted, onReference, forwarded, onProject, resolved]).when(placeRef).then([]);
    });

    it('refuses a project-group agenda before forwarding, and a reference-group agenda after', () => {
      given([submitted]).when(placePro).thenThrows(InvalidState, 'ISSUE_NOT_FORWARDED');
      given([submitted]).when({ ...placePro, body: 'JOINT' }).thenThrows(InvalidState, 'ISSUE_NOT_FORWARDED');
      given([submitted, onReference, forwarded]).when({ ...placeRef, agendaItemId: 'item-ref-3' }).thenThrows(InvalidState, 'ISSUE_ALREADY_FORWARDED');
    });

    it('places a forwarded issue on a project-group or joint agenda', () => {
      given([submitted, onReference, forwarded]).when(placePro).then([onProject]);
      expect(given([submitted, onReference, forwarded]).when({ ...placePro, body: 'JOINT' }).events()[0]).toMatchObject({ data: { body: 'JOINT' } });
    });

    it('refuses placing by anyone but the secretariat', () =>
      given([submitted]).when(placeRef, { actor: udi }).thenThrows(Forbidden, 'SECRETARIAT_ONLY'));

    it('refuses placing a final issue', () => {
      given([submitted, withdrawn]).when(placeRef).thenThrows(InvalidState, 'ISSUE_WITHDRAWN');
      given([submitted, closed]).when(placeRef).thenThrows(InvalidState, 'ISSUE_CLOSED');
    });

    it('goes back when its agenda item is removed, and ignores the removal of an older item', () => {
      given([submitted, onReference])
        .when({ type: 'RemoveIssueFromAgenda', issueId, meetingId: 'm-ref', agendaItemId: 'item-ref' })
        .then([{ type: 'IssueRemovedFromAgenda', data: { issueId, meetingId: 'm-ref', agendaItemId: 'item-ref' } }]);
      given([submitted, onReference, forwarded]).when({ type: 'RemoveIssueFromAgenda', issueId, meetingId: 'm-ref', agendaItemId: 'item-ref' }).then([]);
    });

    it('forwards an issue on the reference agenda by that meeting’s decision', () =>
      given([submitted, onReference]).when(forward).then([forwarded]));

    it('changes nothing when the same forwarding decision is reported again', () =>
      given([submitted, onReference, forwarded]).when(forward).then([]));

    it('refuses forwarding an issue not on a reference agenda, or from another meeting', () => {
      given([submitted]).when(forward).thenThrows(InvalidState, 'ISSUE_NOT_ON_AGENDA');
      given([submitted, onReference]).when({ ...forward, meetingId: 'm-other' }).thenThrows(InvalidState, 'ISSUE_NOT_ON_THAT_AGENDA');
      given([submitted, onReference, forwarded]).when({ ...forward, decisionId: 'd-2' }).thenThrows(InvalidState, 'ISSUE_ALREADY_FORWARDED');
    });

    it('resolves an issue on the project agenda by that meeting’s decision', () =>
      given([submitted, onReference, forwarded, onProject]).when(resolve).then([resolved]));

    it('refuses resolving an issue not on a project agenda', () => {
      given([submitted, onReference]).when(resolve).thenThrows(InvalidState, 'ISSUE_NOT_ON_PROJECT_AGENDA');
      given([submitted, onReference, forwarded, onProject]).when({ ...resolve, agendaItemId: 'item-x' }).thenThrows(InvalidState, 'ISSUE_NOT_ON_THAT_AGENDA');
    });

    it('never reopens a resolved issue', () => {
      const history = [submitted, onReference, forwarded, onProject, resolved];
      given(history).when(resolve).then([]);
      given(history).when({ ...resolve, decisionId: 'd-other' }).thenThrows(InvalidState, 'ISSUE_RESOLVED');
      given(history).when({ ...placePro, agendaItemId: 'item-pro-2' }).thenThrows(InvalidState, 'ISSUE_RESOLVED');
      given(history).when(close).thenThrows(InvalidState, 'ISSUE_RESOLVED');
      given(history).when(edit, { actor: rosa }).thenThrows(InvalidState, 'ISSUE_RESOLVED');
    });

    it('refuses forwarding and resolving by anyone but the secretariat', () => {
      given([submitted, onReference]).when(forward, { actor: rosa }).thenThrows(Forbidden, 'SECRETARIAT_ONLY');
      given([submitted, onReference, forwarded, onProject]).when(resolve, { actor: udi }).thenThrows(Forbidden, 'SECRETARIAT_ONLY');
    });
  });

  describe('close', () => {
    it('closes an open issue with a reason, naming the agenda it was on', () => {
      given([submitted]).when(close).then([closed]);
      given([submitted, onReference])
        .when(close)
        .then([{ type: 'IssueClosed', data: { issueId, reason: 'Out of scope', meetingId: 'm-ref', agendaItemId: 'item-ref' } }]);
    });

    it('needs a reason, the secretariat, and an open issue', () => {
      given([submitted]).when({ ...close, reason: '' }).thenThrows(InvalidInput, 'REASON_REQUIRED');
      given([submitted]).when(close, { actor: rosa }).thenThrows(Forbidden, 'SECRETARIAT_ONLY');
      given([submitted, closed]).when(close).thenThrows(InvalidState, 'ISSUE_CLOSED');
    });

    it('refuses anything on an unknown issue', () => given([]).when(close).thenThrows(NotFound, 'ISSUE_NOT_FOUND'));
  });

  describe('mark a duplicate', () => {
    const original = { status: 'SUBMITTED' as const, duplicateOfIssueId: null };
    const mark: IssueCommand = { type: 'MarkIssueDuplicate', issueId, duplicateOfIssueId: 'issue-0', reason: ' The same shelter question as issue-0. ', original };
    const marked: IssueEvent = { type: 'IssueMarkedDuplicate', data: { issueId, duplicateOfIssueId: 'issue-0' } };
    const closedAsDuplicate: IssueEvent = { type: 'IssueClosed', data: { issueId, reason: 'The same shelter question as issue-0.', meetingId: null, agendaItemId: null } };

    it('closes the duplicate pointing to its original, with the reason', () => {
      given([submitted]).when(mark, { actor: secretariat }).then([marked, closedAsDuplicate]);
      given([submitted, onReference])
        .when(mark)
        .then([marked, { type: 'IssueClosed', data: { ...closedAsDuplicate.data, meetingId: 'm-ref', agendaItemId: 'item-ref' } } as IssueEvent]);
    });

    it('takes an original in any open status, or resolved', () => {
      for (const status of ['ON_REFERENCE_AGENDA', 'FORWARDED', 'ON_PROJECT_AGENDA', 'RESOLVED'] as const) {
        given([submitted]).when({ ...mark, original: { status, duplicateOfIssueId: null } }).then([marked, closedAsDuplicate]);
      }
    });

    it('changes nothing when the same mark is made again', () => given([submitted, marked, closedAsDuplicate]).when(mark).then([]));

    it('refuses an issue as a duplicate of itself', () =>
      given([submitted]).when({ ...mark, duplicateOfIssueId: issueId }).thenThrows(InvalidInput, 'ISSUE_DUPLICATE_OF_ITSELF'));

    it('refuses a duplicate that is no longer open', () => {
      given([submitted, closed]).when(mark).thenThrows(InvalidState, 'ISSUE_CLOSED');
      given([submitted, withdrawn]).when(mark).thenThrows(InvalidState, 'ISSUE_WITHDRAWN');
      given([submitted, onReference, forwarded, onProject, resolved]).when(mark).thenThrows(InvalidState, 'ISSUE_RESOLVED');
      given([submitted, marked, closedAsDuplicate]).when({ ...mark, duplicateOfIssueId: 'issue-9' }).thenThrows(InvalidState, 'ISSUE_CLOSED');
    });

    it('refuses an original that does not exist, is itself a duplicate, or is withdrawn or closed', () => {
      given([submitted]).when({ ...mark, original: null }).thenThrows(InvalidInput, 'DUPLICATE_ORIGINAL_NOT_FOUND');
      given([submitted]).when({ ...mark, original: { status: 'CLOSED', duplicateOfIssueId: 'issue-00' } }).thenThrows(InvalidInput, 'ORIGINAL_IS_A_DUPLICATE');
      given([submitted]).when({ ...mark, original: { status: 'CLOSED', duplicateOfIssueId: null } }).thenThrows(InvalidInput, 'ORIGINAL_CLOSED');
      given([submitted]).when({ ...mark, original: { status: 'WITHDRAWN', duplicateOfIssueId: null } }).thenThrows(InvalidInput, 'ORIGINAL_CLOSED');
    });

    it('needs a reason and the secretariat', () => {
      given([submitted]).when({ ...mark, reason: '  ' }).thenThrows(InvalidInput, 'REASON_REQUIRED');
      given([submitted]).when(mark, { actor: rosa }).thenThrows(Forbidden, 'SECRETARIAT_ONLY');
      given([submitted]).when(mark, { actor: udi }).thenThrows(Forbidden, 'SECRETARIAT_ONLY');
      given([]).when(mark).thenThrows(NotFound, 'ISSUE_NOT_FOUND');
    });
  });

  describe('research need', () => {
    const flag: IssueCommand = { type: 'FlagResearchNeed', issueId, text: '  Little is known about forced labour in agriculture.  ' };
    const flagged = (organizationId: string, text = 'Little is known about forced labour in agriculture.'): IssueEvent => ({ type: 'ResearchNeedFlagged', data: { issueId, organizationId, text } });

    it('is flagged by the submitting organisation or the secretariat, in any status, the text trimmed', () => {
      given([submitted]).when(flag, { actor: rosa }).then([flagged('org-rosa')]);
      given([submitted, onReference, forwarded, onProject, resolved]).when(flag, { actor: secretariat }).then([flagged('org-pod')]);
      given([submitted, closed]).when(flag, { actor: rosa }).then([flagged('org-rosa')]);
    });

    it('replaces an earlier text; the same text again changes nothing', () => {
      given([submitted, flagged('org-rosa')]).when(flag, { actor: secretariat }).then([]);
      given([submitted, flagged('org-rosa')]).when({ ...flag, text: 'Research on begging networks.' }, { actor: secretariat }).then([flagged('org-pod', 'Research on begging networks.')]);
    });

    it('refuses other organisations, agencies and auditors, and an empty or long text', () => {
      given([submitted]).when(flag, { actor: noas }).thenThrows(Forbidden, 'NOT_OWN_ORGANIZATION');
      given([submitted]).when(flag, { actor: udi }).thenThrows(Forbidden, 'SUBMITTER_OR_SECRETARIAT_ONLY');
      given([submitted]).when(flag, { actor: auditor }).thenThrows(Forbidden, 'SUBMITTER_OR_SECRETARIAT_ONLY');
      given([submitted]).when({ ...flag, text: ' ' }, { actor: rosa }).thenThrows(InvalidInput, 'RESEARCH_NEED_REQUIRED');
      given([submitted]).when({ ...flag, text: 'x'.repeat(1001) }, { actor: rosa }).thenThrows(InvalidInput, 'RESEARCH_NEED_TOO_LONG');
      given([]).when(flag, { actor: rosa }).thenThrows(NotFound, 'ISSUE_NOT_FOUND');
    });
  });
});
