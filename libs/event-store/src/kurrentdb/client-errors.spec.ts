import {
  AccessDeniedError,
  CancelledError,
  DeadlineExceededError,
  NotLeaderError,
  StreamDeletedError,
  StreamNotFoundError as ClientStreamNotFoundError,
  UnavailableError,
  UnknownError,
  WrongExpectedVersionError,
} from '@kurrent/kurrentdb-client';
import { EventStoreUnavailableError, StreamNotFoundError, WrongExpectedRevisionError } from '../errors';
import { isTransientError, mapClientError, toActualRevision } from './client-errors';

// The client's error classes, built through their public constructors (dist/utils/CommandError.d.ts).
const wrongVersion = (expected: bigint | 'any' | 'no_stream' | 'stream_exists', current: bigint | 'no_stream') =>
  new WrongExpectedVersionError(undefined, { streamName: 'issue-1', expected, current });

describe('mapping the client errors', () => {
  it('maps WrongExpectedVersionError to WrongExpectedRevisionError with the caller’s expectation and the actual revision', () => {
    const mapped = mapClientError(wrongVersion(0n, 1n), { op: 'append', streamId: 'issue-1', expected: 0n });
    expect(mapped).toBeInstanceOf(WrongExpectedRevisionError);
    expect(mapped).toMatchObject({ streamId: 'issue-1', expected: 0n, actual: 1n });

    const missing = mapClientError(wrongVersion('stream_exists', 'no_stream'), {
      op: 'append',
      streamId: 'issue-1',
      expected: 'stream_exists',
    });
    expect(missing).toMatchObject({ expected: 'stream_exists', actual: 'no_stream' });
  });

  it('falls back to the server’s echo when the caller’s expectation is not given', () => {
    expect(mapClientError(wrongVersion('no_stream', 4n), { op: 'append' })).toMatchObject({
      streamId: 'issue-1',
      expected: 'no_stream',
      actual: 4n,
    });
  });

  it('reads negative actual revisions (-1 no stream, -5/-6 deleted) as no_stream', () => {
    expect(toActualRevision(-1n)).toBe('no_stream');
    expect(toActualRevision(-6n)).toBe('no_stream');
    expect(toActualRevision('no_stream')).toBe('no_stream');
    expect(toActualRevision(0n)).toBe(0n);
    expect(mapClientError(wrongVersion(3n, -1n), { op: 'append', streamId: 'issue-1', expected: 3n })).toMatchObject({
      actual: 'no_stream',
    });
  });

  it('maps a missing, deleted or tombstoned stream on reads to StreamNotFoundError', () => {
    for (const error of [new ClientStreamNotFoundError(undefined, 'issue-1'), StreamDeletedError.fromStreamName('issue-1')]) {
      const mapped = mapClientError(error, { op: 'read', streamId: 'issue-1' });
      expect(mapped).toBeInstanceOf(StreamNotFoundError);
      expect(mapped).toMatchObject({ streamId: 'issue-1' });
    }
  });

  it('maps connection failures to EventStoreUnavailableError and leaves refusals alone', () => {
    for (const error of [new UnavailableError(), new DeadlineExceededError(), new CancelledError()]) {
      expect(mapClientError(error, { op: 'other' })).toBeInstanceOf(EventStoreUnavailableError);
    }
    const denied = new AccessDeniedError();
    expect(mapClientError(denied, { op: 'other' })).toBe(denied);
    const plain = new Error('boom');
    expect(mapClientError(plain, { op: 'other' })).toBe(plain);
  });
});

describe('isTransientError', () => {
  it('retries what means "the server went away"', () => {
    expect(isTransientError(new UnavailableError())).toBe(true);
    expect(isTransientError(new DeadlineExceededError())).toBe(true);
    expect(isTransientError(new CancelledError())).toBe(true);
    expect(isTransientError(new NotLeaderError({ metadata: { 'leader-endpoint-host': 'node2', 'leader-endpoint-port': '2113' } } as never))).toBe(true);
    expect(isTransientError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }))).toBe(true);
    expect(isTransientError(Object.assign(new Error('14 UNAVAILABLE'), { code: 14 }))).toBe(true);
    expect(isTransientError(new UnknownError({ code: 14, message: 'No connection established' } as never))).toBe(true);
    expect(isTransientError(new Error('Failed to discover after 10 attempts.'))).toBe(true);
    expect(isTransientError(new EventStoreUnavailableError('down'))).toBe(true);
  });

  it('does not retry refusals', () => {
    expect(isTransientError(new AccessDeniedError())).toBe(false);
    expect(isTransientError(wrongVersion(0n, 1n))).toBe(false);
    expect(isTransientError(new ClientStreamNotFoundError(undefined, 's'))).toBe(false);
    expect(isTransientError(new UnknownError())).toBe(false);
    expect(isTransientError(new Error('bad filter'))).toBe(false);
    expect(isTransientError('string')).toBe(false);
  });
});
