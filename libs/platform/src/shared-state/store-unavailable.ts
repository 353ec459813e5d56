import { EventStoreUnavailableError, isConnectionError } from '@kom/event-store';
import { SharedStateUnavailableError } from './shared-state-postgres';

/** The reason of the SERVICE_UNAVAILABLE a request gets while a store does not answer. */
export const STORE_UNAVAILABLE = 'STORE_UNAVAILABLE';

/**
 * What the client is told. A connection lost during a commit leaves the write's outcome unknown
 * (docs/stores.md), so the answer cannot say "nothing was written"; a retry with the same
 * idempotency key is what recovers either way.
 */
export const STORE_UNAVAILABLE_MESSAGE =
  'The platform cannot reach its database just now; the outcome of this request is unknown. Retry it: send a mutation again with the same idempotency key.';

/** How deep to look through `cause`: wrappers of wrappers are rare, a cycle must not hang us. */
const MAX_CAUSES = 5;

/**
 * Whether a request failed because a store did not answer (try again later), not because of a
 * fault: the event store's typed error, the shared-state stores' typed error, or a raw connection
 * error from an adapter that does not type its own (sessions, personal-data keys), also as the
 * `cause` of another error.
 */
export function isStoreUnavailable(error: unknown): boolean {
  let current = error;
  // Not `instanceof Error`: a socket's error comes from Node's own realm, which is not always the
  // caller's (a test runner's sandbox, a worker), and is a connection error all the same.
  for (let depth = 0; depth <= MAX_CAUSES && typeof current === 'object' && current !== null; depth++) {
    if (current instanceof EventStoreUnavailableError || current instanceof SharedStateUnavailableError || isConnectionError(current)) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}
