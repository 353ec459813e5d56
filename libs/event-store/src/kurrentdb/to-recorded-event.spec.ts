import type { AllStreamResolvedEvent, ResolvedEvent } from '@kurrent/kurrentdb-client';
import { ENCODED_METADATA_KEY, encodeMetadata } from './multi-stream-metadata';
import { isSystemEvent, positionOf, toRecordedEvent, toUserRecordedEvent } from './to-recorded-event';

// Shaped exactly like the client's types (dist/types/events.d.ts): what readAll/subscribeToAll
// (AllStreamResolvedEvent) and readStream (ResolvedEvent) yield.
const created = new Date('2024-05-17T08:00:00.123Z');

function fromAll(overrides: Partial<NonNullable<AllStreamResolvedEvent['event']>> = {}): AllStreamResolvedEvent {
  return {
    event: {
      streamId: 'issue-42',
      id: '6f1e4f6c-6d4b-4f43-9d6f-2b8f1b9a0c11',
      isJson: true,
      revision: 3n,
      type: 'IssueSubmitted',
      created,
      data: { title: 'Blåbærsyltetøy', tags: ['æ', 'ø'] },
      metadata: { correlationId: 'c-1', actor: { userId: 'u-1' } },
      position: { commit: 1_234n, prepare: 1_200n },
      ...overrides,
    } as NonNullable<AllStreamResolvedEvent['event']>,
    commitPosition: 1_234n,
  };
}

describe('toRecordedEvent', () => {
  it('maps a JSON event of $all to the port shape, packing the position', () => {
    expect(toRecordedEvent(fromAll())).toEqual({
      id: '6f1e4f6c-6d4b-4f43-9d6f-2b8f1b9a0c11',
      type: 'IssueSubmitted',
      streamId: 'issue-42',
      revision: 3n,
      position: (1_234n << 64n) | 1_200n,
      data: { title: 'Blåbærsyltetøy', tags: ['æ', 'ø'] },
      metadata: { correlationId: 'c-1', actor: { userId: 'u-1' } },
      recordedAt: '2024-05-17T08:00:00.123Z',
    });
  });

  it('maps an event read from a stream (ResolvedEvent, position optional in the type)', () => {
    const resolved: ResolvedEvent = {
      event: {
        streamId: 'issue-42',
        id: 'a3c9d1e2-0000-4000-8000-000000000001',
        isJson: true,
        revision: 0n,
        type: 'IssueOpened',
        created,
        data: { n: 1 },
        metadata: undefined,
        position: { commit: 10n, prepare: 10n },
      },
    };
    const recorded = toRecordedEvent(resolved);
    expect(recorded.revision).toBe(0n);
    expect(recorded.position).toBe((10n << 64n) | 10n);
    // The client gives undefined for empty metadata; the port always has an object.
    expect(recorded.metadata).toEqual({});
  });

  it('refuses an event without a position (servers before 22.6 on stream reads)', () => {
    const resolved: ResolvedEvent = {
      event: {
        streamId: 's',
        id: 'a3c9d1e2-0000-4000-8000-000000000002',
        isJson: true,
        revision: 0n,
        type: 'T',
        created,
        data: {},
        metadata: undefined,
      },
    };
    expect(() => toRecordedEvent(resolved)).toThrow(/without a \$all position/);
    expect(positionOf(resolved)).toBeUndefined();
    // The client's "no position" sentinel (2^64 - 1) counts as none.
    const sentinel = fromAll({ position: { commit: (1n << 64n) - 1n, prepare: (1n << 64n) - 1n } });
    expect(() => toRecordedEvent(sentinel)).toThrow(/without a \$all position/);
  });

  it('refuses a resolved event without a record', () => {
    expect(() => toRecordedEvent({ commitPosition: 5n })).toThrow(/without a record/);
  });

  it('keeps non-object metadata instead of dropping it, and binary data as bytes', () => {
    const bytes = new Uint8Array([1, 2, 3]);
    const binary = fromAll({ isJson: false, data: bytes, metadata: new Uint8Array([9]) } as never);
    const recorded = toRecordedEvent(binary);
    expect(recorded.data).toBe(bytes);
    expect(recorded.metadata).toEqual({ $value: new Uint8Array([9]) });
  });

  it('decodes metadata that a multi-stream append had to send as one string property', () => {
    const metadata = { correlationId: 'c-1', actor: { userId: 'u-1', organizationId: 'org-pod' }, hash: 'ab'.repeat(32) };
    const stored = { ...encodeMetadata(metadata), '$schema.format': 'Json' };
    expect(toRecordedEvent(fromAll({ metadata: stored } as never)).metadata).toEqual(metadata);
    // Not ours to decode: kept as it is.
    expect(toRecordedEvent(fromAll({ metadata: { [ENCODED_METADATA_KEY]: 'not json' } } as never)).metadata).toEqual({ [ENCODED_METADATA_KEY]: 'not json' });
  });

  it('gives an ISO date even when the client could not parse one', () => {
    expect(toRecordedEvent(fromAll({ created: new Date(Number.NaN) })).recordedAt).toBe('1970-01-01T00:00:00.000Z');
  });
});

describe('toUserRecordedEvent (for $all reads and subscriptions)', () => {
  it('passes user events through', () => {
    expect(toUserRecordedEvent(fromAll())?.type).toBe('IssueSubmitted');
  });

  it('filters system events: a $-type, a $-stream, a link record', () => {
    const stats = fromAll({ streamId: '$stats-127.0.0.1:2113', type: '$statsCollected' });
    const metadataOfUserStream = fromAll({ streamId: '$$issue-42', type: '$metadata' });
    const systemTypeInUserStream = fromAll({ type: '$ProjectionCreated' });
    const userTypeInSystemStream = fromAll({ streamId: '$projections-$all', type: 'ProjectionUpdated' });
    const link = fromAll({ streamId: '$ce-issue', type: '$>', isJson: false, data: new TextEncoder().encode('3@issue-42') } as never);

    for (const resolved of [stats, metadataOfUserStream, systemTypeInUserStream, userTypeInSystemStream, link]) {
      expect(toUserRecordedEvent(resolved)).toBeUndefined();
    }
    // Its position is still known, so that readers can move past it.
    expect(positionOf(stats)).toBe((1_234n << 64n) | 1_200n);
  });

  it('skips a resolved event without a record', () => {
    expect(toUserRecordedEvent({ commitPosition: 5n })).toBeUndefined();
  });

  it('classifies system events by type or stream', () => {
    expect(isSystemEvent({ type: '$>', streamId: 'a' })).toBe(true);
    expect(isSystemEvent({ type: 'A', streamId: '$a' })).toBe(true);
    expect(isSystemEvent({ type: 'A$', streamId: 'a$' })).toBe(false);
  });
});
