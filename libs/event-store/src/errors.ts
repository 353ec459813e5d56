import type { ExpectedRevision } from './event-store.port';

/** The stream was not where the writer expected it. Carries both revisions, as EventStoreDB does. */
export class WrongExpectedRevisionError extends Error {
  override readonly name = 'WrongExpectedRevisionError';
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedRevision,
    /** The stream's actual last revision, or 'no_stream'. */
    readonly actual: bigint | 'no_stream',
  ) {
    super(`Stream ${streamId}: expected revision ${String(expected)}, actual ${String(actual)}`);
  }
}

export class StreamNotFoundError extends Error {
  override readonly name = 'StreamNotFoundError';
  constructor(readonly streamId: string) {
    super(`Stream ${streamId} not found`);
  }
}

/**
 * What the stores throw for a stream that does not exist: a StreamNotFoundError without a stack
 * trace. On the command path it is an answer, not a fault (every new aggregate's first command
 * reads a missing stream), and capturing the stack through the async frames above it was 2% of a
 * mutation's CPU under load (docs/benchmarks.md, G2).
 */
export function streamNotFound(streamId: string): StreamNotFoundError {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return new StreamNotFoundError(streamId);
  } finally {
    Error.stackTraceLimit = limit;
  }
}

/** An event id already recorded in another stream, or a re-append that only partly matches. */
export class DuplicateEventIdError extends Error {
  override readonly name = 'DuplicateEventIdError';
  constructor(readonly eventId: string, readonly streamId: string) {
    super(`Event ${eventId} is already recorded and does not match this append to ${streamId}`);
  }
}

/** The store cannot be reached or was closed. */
export class EventStoreUnavailableError extends Error {
  override readonly name = 'EventStoreUnavailableError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}
