import { InvalidInput, TEXT_NOT_ALLOWED, type Actor } from '@kom/kernel';
import { INVISIBLE_TEXT, deciderSpec, refusedTextCases } from '@kom/kernel/testing';
import type { IssueCommand } from './issue.commands';
import type { IssueEvent } from './issue.events';
import { issueDecider } from './issue.decider';

// The platform's text policy (@kom/kernel text-policy.ts) on every free text of an issue: a refused
// character is TEXT_NOT_ALLOWED at its field, text of invisible characters is missing; the decider
// returns no event, so nothing is recorded.
const given = deciderSpec(issueDecider);
const issueId = 'issue-1';
const rosa: Actor = { userId: 'u-rosa', organizationId: 'org-rosa', role: 'NGO_REPRESENTATIVE' };
const submit: Extract<IssueCommand, { type: 'SubmitIssue' }> = {
  type: 'SubmitIssue',
  issueId,
  organizationId: 'org-rosa',
  title: 'Shelter capacity',
  description: 'Shelters in the east are full.',
  category: 'IDENTIFICATION_AND_ASSISTANCE',
  referenceGroupMember: true,
};
const submitted = given([]).when(submit, { actor: rosa }).events() as IssueEvent[];
const edit: Extract<IssueCommand, { type: 'EditIssue' }> = { type: 'EditIssue', issueId, title: submit.title, description: submit.description, category: submit.category };

describe.each(refusedTextCases())('an issue refuses text with %s', (_kind, text) => {
  it.each([
    ['title', { ...submit, title: text }],
    ['description', { ...submit, description: text }],
    ['urgency reason', { ...submit, urgencyReason: text }],
  ])('when submitted, in its %s', (_field, command) => given([]).when(command, { actor: rosa }).thenThrows(InvalidInput, TEXT_NOT_ALLOWED));

  it('when edited, withdrawn, commented on, closed or flagged', () => {
    given(submitted).when({ ...edit, title: text }, { actor: rosa }).thenThrows(InvalidInput, TEXT_NOT_ALLOWED);
    given(submitted).when({ type: 'WithdrawIssue', issueId, reason: text }, { actor: rosa }).thenThrows(InvalidInput, TEXT_NOT_ALLOWED);
    given(submitted).when({ type: 'CommentOnIssue', issueId, commentId: 'c-1', text, memberOrganization: true }, { actor: rosa }).thenThrows(InvalidInput, TEXT_NOT_ALLOWED);
    given(submitted).when({ type: 'CloseIssue', issueId, reason: text }).thenThrows(InvalidInput, TEXT_NOT_ALLOWED);
    given(submitted).when({ type: 'FlagResearchNeed', issueId, text }).thenThrows(InvalidInput, TEXT_NOT_ALLOWED);
  });
});

describe('an issue takes text of invisible characters as missing', () => {
  it('in its title, description and reasons', () => {
    given([]).when({ ...submit, title: INVISIBLE_TEXT }, { actor: rosa }).thenThrows(InvalidInput, 'TITLE_REQUIRED');
    given([]).when({ ...submit, description: INVISIBLE_TEXT }, { actor: rosa }).thenThrows(InvalidInput, 'DESCRIPTION_REQUIRED');
    given(submitted).when({ type: 'WithdrawIssue', issueId, reason: INVISIBLE_TEXT }, { actor: rosa }).thenThrows(InvalidInput, 'REASON_REQUIRED');
    given(submitted).when({ type: 'CommentOnIssue', issueId, commentId: 'c-1', text: INVISIBLE_TEXT, memberOrganization: true }, { actor: rosa }).thenThrows(InvalidInput, 'COMMENT_REQUIRED');
  });
});

describe('an issue stores text as the policy says', () => {
  it('a title in NFC on one line, a description with its line breaks', () =>
    given([])
      .when({ ...submit, title: ' Krisesenter i\n Gru\u0308nerløkka ', description: 'Første linje\r\nAndre linje' }, { actor: rosa })
      .then([{ ...submitted[0]!, data: { ...submitted[0]!.data, title: 'Krisesenter i Grünerløkka', description: 'Første linje\nAndre linje' } } as IssueEvent]));
});
