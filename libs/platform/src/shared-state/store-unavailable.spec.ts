import { runInNewContext } from 'node:vm';
import { EventStoreUnavailableError } from '@kom/event-store';
import { SharedStateUnavailableError } from './shared-state-postgres';
import { isStoreUnavailable } from './store-unavailable';

/** Node's own errors as they arrive from another realm (a socket's, seen from a sandbox or a worker). */
const foreign = (message: string, code?: string) =>
  runInNewContext('Object.assign(new Error(message), code === undefined ? {} : { code })', { message, code }) as unknown;

describe('isStoreUnavailable', () => {
  it('takes the stores\' typed errors, raw connection errors and either as a cause, from any realm', () => {
    expect(isStoreUnavailable(new EventStoreUnavailableError('down'))).toBe(true);
    expect(isStoreUnavailable(new SharedStateUnavailableError('down'))).toBe(true);
    expect(foreign('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED') instanceof Error).toBe(false);
    expect(isStoreUnavailable(foreign('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED'))).toBe(true);
    expect(isStoreUnavailable(foreign('Connection terminated unexpectedly'))).toBe(true);
    expect(isStoreUnavailable(new Error('wrapped', { cause: foreign('read ECONNRESET', 'ECONNRESET') }))).toBe(true);
  });

  it('does not take a fault for an outage', () => {
    expect(isStoreUnavailable(new Error('duplicate key value violates unique constraint'))).toBe(false);
    expect(isStoreUnavailable(foreign('syntax error at or near "SELEC"', '42601'))).toBe(false);
    expect(isStoreUnavailable(undefined)).toBe(false);
    expect(isStoreUnavailable('ECONNREFUSED')).toBe(false);
    // A cycle of causes ends.
    const a = new Error('a') as Error & { cause?: unknown };
    a.cause = a;
    expect(isStoreUnavailable(a)).toBe(false);
  });
});
