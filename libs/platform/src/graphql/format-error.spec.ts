import { GraphQLError } from 'graphql';
import { EventStoreUnavailableError } from '@kom/event-store';
import { InvalidInput, InvalidState } from '@kom/kernel';
import { SharedStateUnavailableError } from '../shared-state/shared-state-postgres';
import { createFormatError, domainErrorToGraphQL } from './format-error';

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

describe('a store that does not answer, as a GraphQL error', () => {
  /** What Apollo hands formatError for an error a resolver threw. */
  function answer(thrown: unknown) {
    const reported: unknown[] = [];
    const format = createFormatError({ production: true, report: (error) => reported.push(error) });
    const error = new GraphQLError('whatever the resolver threw', { path: ['submitIssue'], originalError: thrown as Error });
    return { formatted: format({ message: error.message, path: ['submitIssue'], extensions: { code: 'INTERNAL_SERVER_ERROR' } }, error), reported };
  }
  const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });

  it.each([
    ['the event store', new EventStoreUnavailableError('The event store could not commit the batch')],
    ['the shared-state stores (an idempotency key’s claim)', new SharedStateUnavailableError('The shared-state database cannot be reached')],
    ['an adapter that does not type its errors (sessions): 57P01', withCode('terminating connection due to administrator command', '57P01')],
    ['an adapter that does not type its errors: a dropped socket', new Error('Connection terminated unexpectedly')],
    ['a wrapper whose cause is the store’s error', new Error('projection read failed', { cause: new EventStoreUnavailableError('down') })],
  ])('answers %s as a retryable SERVICE_UNAVAILABLE, STORE_UNAVAILABLE, and reports it', (_, thrown) => {
    const { formatted, reported } = answer(thrown);

    expect(formatted.extensions).toEqual({ code: 'SERVICE_UNAVAILABLE', reason: 'STORE_UNAVAILABLE' });
    expect(formatted.message).toMatch(/outcome of this request is unknown/);
    expect(formatted.message).toMatch(/same idempotency key/);
    expect(formatted.path).toEqual(['submitIssue']);
    expect(reported).toEqual([thrown]);
  });

  it('masks any other failure as INTERNAL_SERVER_ERROR, refusals of a statement included', () => {
    for (const thrown of [new Error('disk /srv/kom/data is corrupt'), withCode('duplicate key value violates unique constraint', '23505')]) {
      const { formatted, reported } = answer(thrown);
      expect(formatted).toMatchObject({ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
      expect(reported).toEqual([thrown]);
    }
  });
});
