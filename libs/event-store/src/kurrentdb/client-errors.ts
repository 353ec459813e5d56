import {
  CancelledError,
  DeadlineExceededError,
  ErrorType,
  NotLeaderError,
  StreamDeletedError,
  StreamNotFoundError as ClientStreamNotFoundError,
  StreamTombstonedError,
  TimeoutError,
  UnavailableError,
  WrongExpectedVersionError,
  isCommandError,
} from '@kurrent/kurrentdb-client';
import type { AppendStreamState, CurrentStreamState } from '@kurrent/kurrentdb-client';
import type { ExpectedRevision } from '../event-store.port';
import { EventStoreUnavailableError, WrongExpectedRevisionError, streamNotFound } from '../errors';

/** gRPC status codes worth retrying: CANCELLED (by the server), DEADLINE_EXCEEDED, RESOURCE_EXHAUSTED, ABORTED, INTERNAL, UNAVAILABLE. */
const TRANSIENT_GRPC_CODES: ReadonlySet<number> = new Set([1, 4, 8, 10, 13, 14]);
const TRANSIENT_SOCKET_CODES: ReadonlySet<string> = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);
const TRANSIENT_TYPES: ReadonlySet<string> = new Set([
  ErrorType.UNAVAILABLE,
  ErrorType.DEADLINE_EXCEEDED,
  ErrorType.TIMEOUT,
  ErrorType.CANCELLED,
  ErrorType.NOT_LEADER,
]);

/**
 * Whether an error means "the server could not be reached or dropped the call" (retry later)
 * rather than "the server refused" (access denied, not found, wrong version...). The client itself
 * resets its channel on Unavailable / Cancelled / NotLeader, so the next call reconnects.
 */
export function isTransientError(error: unknown): boolean {
  if (
    error instanceof UnavailableError ||
    error instanceof DeadlineExceededError ||
    error instanceof TimeoutError ||
    error instanceof CancelledError ||
    error instanceof NotLeaderError ||
    error instanceof EventStoreUnavailableError
  ) {
    return true;
  }
  if (!(error instanceof Error)) return false;
  if (isCommandError(error)) {
    if (TRANSIENT_TYPES.has(error.type)) return true;
    // A typed refusal from the server is final; only "unknown" falls through to the status code.
    if (error.type !== ErrorType.UNKNOWN) return false;
  }
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'number') return TRANSIENT_GRPC_CODES.has(code);
  if (typeof code === 'string') return TRANSIENT_SOCKET_CODES.has(code);
  // Cluster discovery gives up with a plain Error ("Failed to discover after N attempts.").
  return /failed to discover/i.test(error.message);
}

/** The client's view of a stream's state after a refused append → the port's `actual`. */
export function toActualRevision(actual: CurrentStreamState | undefined): bigint | 'no_stream' {
  // Servers report -1 for "no stream" in some paths, and deleted/tombstoned streams as -5 / -6.
  if (typeof actual === 'bigint' && actual >= 0n) return actual;
  return 'no_stream';
}

/** The client's expected state (as echoed in its error) → the port's ExpectedRevision. */
export function fromClientExpectedState(expected: AppendStreamState | undefined): ExpectedRevision {
  if (expected === 'no_stream' || expected === 'stream_exists' || expected === 'any') return expected;
  if (typeof expected === 'bigint' && expected >= 0n) return expected;
  if (expected === -1n) return 'no_stream';
  return 'any';
}

export interface ErrorContext {
  /** 'read': a missing, deleted or tombstoned stream is the port's StreamNotFoundError. */
  readonly op: 'append' | 'read' | 'other';
  readonly streamId?: string;
  /** What the caller asked for; preferred over the server's echo, which loses nothing but may be normalised. */
  readonly expected?: ExpectedRevision;
}

function isWrongExpectedVersion(error: unknown): error is WrongExpectedVersionError {
  return (
    error instanceof WrongExpectedVersionError ||
    (error instanceof Error && isCommandError(error) && error.type === ErrorType.WRONG_EXPECTED_VERSION)
  );
}

function isMissingStream(error: unknown): boolean {
  if (
    error instanceof ClientStreamNotFoundError ||
    error instanceof StreamDeletedError ||
    error instanceof StreamTombstonedError
  ) {
    return true;
  }
  return (
    error instanceof Error &&
    isCommandError(error) &&
    (error.type === ErrorType.STREAM_NOT_FOUND ||
      error.type === ErrorType.STREAM_DELETED ||
      error.type === ErrorType.STREAM_TOMBSTONED)
  );
}

/** Maps a client error to the port's errors; anything without a port equivalent is returned unchanged. */
export function mapClientError(error: unknown, context: ErrorContext): unknown {
  if (isWrongExpectedVersion(error)) {
    return new WrongExpectedRevisionError(
      context.streamId ?? error.streamName,
      context.expected ?? fromClientExpectedState(error.expectedState),
      toActualRevision(error.actualState),
    );
  }
  if (context.op === 'read' && context.streamId !== undefined && isMissingStream(error)) {
    return streamNotFound(context.streamId);
  }
  if (error instanceof EventStoreUnavailableError) return error;
  if (isTransientError(error)) {
    let message = error instanceof Error && error.message ? error.message : String(error);
    // Errors from the client's native reader carry only their kind as message ("UnavailableError").
    if (error instanceof Error && (message === error.name || message === error.constructor.name)) {
      message = `${message} (the server cannot be reached)`;
    }
    return new EventStoreUnavailableError(`KurrentDB is unavailable: ${message}`, { cause: error });
  }
  return error;
}
