import { InvalidInput, InvalidState } from '@kom/kernel';
import { domainErrorToGraphQL } from './format-error';

describe('a domain refusal as a GraphQL error', () => {
  it('names the refused field, so a form can show the reason where it belongs', () => {
    const error = domainErrorToGraphQL(new InvalidInput('PERSONAL_ID_NUMBER_NOT_ALLOWED', 'no', 'description'));
    expect(error.extensions).toEqual({ code: 'BAD_USER_INPUT', reason: 'PERSONAL_ID_NUMBER_NOT_ALLOWED', field: 'description' });
  });

  it('names no field when none is to blame', () => {
    expect(domainErrorToGraphQL(new InvalidInput('EMPTY_TITLE')).extensions).toEqual({ code: 'BAD_USER_INPUT', reason: 'EMPTY_TITLE' });
    expect(domainErrorToGraphQL(new InvalidState('ISSUE_ALREADY_FORWARDED')).extensions).toEqual({ code: 'CONFLICT', reason: 'ISSUE_ALREADY_FORWARDED' });
  });
});
