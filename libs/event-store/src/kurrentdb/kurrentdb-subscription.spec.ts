import { AccessDeniedError, START as CLIENT_START, UnavailableError } from '@kurrent/kurrentdb-client';
import type { AllStreamResolvedEvent, AllStreamSubscription, SubscribeToAllOptions } from '@kurrent/kurrentdb-client';
import type { RecordedEvent } from '../event-store.port';
import { EventStoreUnavailableError } from '../errors';
import {
  DEFAULT_SUBSCRIPTION_SETTINGS,
  KurrentDbSubscription,
  resubscribeDelay,
  toServerFilter,
  type SubscriptionSettings,
} from './kurrentdb-subscription';
import { packPosition } from './position';
import { FakeSubscription } from './testing/fake-kurrentdb-client';

/** A subscribe function whose server streams the test drives by hand. */
function harness() {
  const calls: SubscribeToAllOptions[] = [];
  const streams: FakeSubscription[] = [];
  const subscribe = (options: SubscribeToAllOptions): AllStreamSubscription => {
    calls.push(options);
    const stream = new FakeSubscription(() => undefined);
    streams.push(stream);
    return stream as unknown as AllStreamSubscription;
  };
  return { calls, streams, subscribe, latest: () => streams[streams.length - 1]! };
}

function record(n: number, overrides: { type?: string; streamId?: string } = {}): AllStreamResolvedEvent {
  return {
    event: {
      streamId: overrides.streamId ?? 'issue-1',
      id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
      isJson: true,
      revision: BigInt(n),
      type: overrides.type ?? 'Happened',
      created: new Date(0),
      data: { n },
      metadata: {},
      position: { commit: BigInt(n) * 100n, prepare: BigInt(n) * 100n },
    },
    commitPosition: BigInt(n) * 100n,
  } as AllStreamResolvedEvent;
}

const at = (n: number) => packPosition({ commit: BigInt(n) * 100n, prepare: BigInt(n) * 100n });
const fast: SubscriptionSettings = {
  ...DEFAULT_SUBSCRIPTION_SETTINGS,
  resubscribe: { initialDelayMs: 5, maxDelayMs: 20, maxAttempts: Number.POSITIVE_INFINITY },
  random: () => 1,
};
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
const until = async (condition: () => boolean, ms = 2000) => {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
};

async function take(iterator: AsyncIterator<RecordedEvent>, count: number): Promise<number[]> {
  const seen: number[] = [];
  while (seen.length < count) {
    const result = await iterator.next();
    if (result.done) throw new Error(`ended after ${seen.length}`);
    seen.push((result.value.data as { n: number }).n);
  }
  return seen;
}

describe('KurrentDbSubscription', () => {
  it('starts lazily, after the given position (client START for 0n)', async () => {
    const h = harness();
    const subscription = new KurrentDbSubscription(h.subscribe, {}, fast);
    expect(h.calls).toHaveLength(0);
    const iterator = subscription[Symbol.asyncIterator]();
    const first = iterator.next();
    expect(h.calls).toHaveLength(1);
    expect(h.calls[0]!.fromPosition).toBe(CLIENT_START);
    expect(h.calls[0]!.resolveLinkTos).toBe(false);
    h.latest().write(record(1));
    expect((await first).value?.data).toEqual({ n: 1 });
    await subscription.unsubscribe();

    const from = new KurrentDbSubscription(h.subscribe, { fromPosition: at(7) }, fast);
    void from[Symbol.asyncIterator]().next();
    expect(h.calls[1]!.fromPosition).toEqual({ commit: 700n, prepare: 700n });
    await from.unsubscribe();
  });

  it('re-subscribes after a transient error from the last position seen, never re-delivering nor skipping', async () => {
    const h = harness();
    const dropped: number[] = [];
    const subscription = new KurrentDbSubscription(h.subscribe, {}, { ...fast, onDropped: (i) => dropped.push(i.attempt) });
    const iterator = subscription[Symbol.asyncIterator]();
    const firstThree = take(iterator, 3);
    for (const n of [1, 2, 3, 4]) h.latest().write(record(n));
    expect(await firstThree).toEqual([1, 2, 3]);
    // 4 is queued but not yet consumed when the connection drops.
    h.latest().emit('error', new UnavailableError(undefined, 'connection reset'));
    await until(() => h.calls.length === 2);
    expect(h.streams[0]!.unsubscribed).toBe(true);
    expect(h.calls[1]!.fromPosition).toEqual({ commit: 400n, prepare: 400n });
    // A server that sends the resume point again (inclusive), then new events; the old stream's late events are ignored.
    h.streams[0]!.write(record(5));
    for (const n of [4, 5, 6]) h.latest().write(record(n));
    expect(await take(iterator, 3)).toEqual([4, 5, 6]);

    // A second drop before anything new: resumes after 6.
    h.latest().emit('error', new UnavailableError(undefined, 'gone'));
    await until(() => h.calls.length === 3);
    expect(h.calls[2]!.fromPosition).toEqual({ commit: 600n, prepare: 600n });
    for (const n of [3, 6, 7]) h.latest().write(record(n));
    expect(await take(iterator, 1)).toEqual([7]);
    // Progress between the drops reset the backoff: both were first attempts.
    expect(dropped).toEqual([1, 1]);
    await subscription.unsubscribe();
  });

  it('treats a server stream that ends by itself as dropped', async () => {
    const h = harness();
    const subscription = new KurrentDbSubscription(h.subscribe, {}, fast);
    const iterator = subscription[Symbol.asyncIterator]();
    const pending = take(iterator, 2);
    h.latest().write(record(1));
    await tick();
    h.latest().end();
    await until(() => h.calls.length === 2);
    h.latest().write(record(1));
    h.latest().write(record(2));
    expect(await pending).toEqual([1, 2]);
    await subscription.unsubscribe();
  });

  it('ends with the error, after what was already queued, when the server refuses', async () => {
    const h = harness();
    const subscription = new KurrentDbSubscription(h.subscribe, {}, fast);
    const iterator = subscription[Symbol.asyncIterator]();
    const first = iterator.next();
    h.latest().write(record(1));
    h.latest().write(record(2));
    await first;
    const denied = new AccessDeniedError(undefined, 'access denied');
    h.latest().emit('error', denied);
    expect((await iterator.next()).value?.data).toEqual({ n: 2 });
    await expect(iterator.next()).rejects.toBe(denied);
    expect(await iterator.next()).toEqual({ done: true, value: undefined });
    expect(h.calls).toHaveLength(1);
  });

  it('backs off exponentially up to the cap, and gives up after maxAttempts', async () => {
    const policy = { initialDelayMs: 100, maxDelayMs: 1_000, maxAttempts: 10 };
    expect([1, 2, 3, 4, 5, 6].map((n) => resubscribeDelay(n, policy, () => 1))).toEqual([100, 200, 400, 800, 1000, 1000]);
    expect(resubscribeDelay(3, policy, () => 0)).toBe(200); // equal jitter: half to all of the ceiling
    expect(resubscribeDelay(1_000, policy, () => 1)).toBe(1000);

    const h = harness();
    // Every connection fails as soon as it is made (in the microtask after connect() attached its
    // listeners): a connection that lived longer than maxDelayMs would count as recovered and reset
    // the attempts, so the test must not depend on how soon a timer polls, nor on how long a busy
    // machine takes to run that microtask: its clock stands still.
    const failing = (options: SubscribeToAllOptions): AllStreamSubscription => {
      const stream = h.subscribe(options);
      queueMicrotask(() => (stream as unknown as FakeSubscription).emit('error', new UnavailableError(undefined, 'down')));
      return stream;
    };
    const delays: number[] = [];
    const subscription = new KurrentDbSubscription(
      failing,
      {},
      { ...fast, resubscribe: { initialDelayMs: 1, maxDelayMs: 4, maxAttempts: 4 }, now: () => 0, onDropped: (i) => delays.push(i.delayMs) },
    );
    const iterator = subscription[Symbol.asyncIterator]();
    const next = iterator.next();
    await expect(next).rejects.toBeInstanceOf(EventStoreUnavailableError);
    expect(h.calls).toHaveLength(5);
    expect(delays).toEqual([1, 2, 4, 4]);
  });

  it('unsubscribe() ends a pending next() and cancels a scheduled re-subscription', async () => {
    const h = harness();
    const subscription = new KurrentDbSubscription(
      h.subscribe,
      {},
      { ...fast, resubscribe: { initialDelayMs: 50, maxDelayMs: 50, maxAttempts: Number.POSITIVE_INFINITY } },
    );
    const iterator = subscription[Symbol.asyncIterator]();
    const pending = iterator.next();
    h.latest().emit('error', new UnavailableError(undefined, 'down'));
    await subscription.unsubscribe();
    expect(await pending).toEqual({ done: true, value: undefined });
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(h.calls).toHaveLength(1);
    expect(h.streams[0]!.unsubscribed).toBe(true);
  });

  it('break in for-await unsubscribes', async () => {
    const h = harness();
    const subscription = new KurrentDbSubscription(h.subscribe, {}, fast);
    setImmediate(() => [1, 2, 3].forEach((n) => h.latest().write(record(n))));
    const seen: unknown[] = [];
    for await (const event of subscription) {
      seen.push(event.data);
      if (seen.length === 2) break;
    }
    expect(seen).toEqual([{ n: 1 }, { n: 2 }]);
    expect(h.latest().unsubscribed).toBe(true);
    expect(() => subscription[Symbol.asyncIterator]()).toThrow(/only once/);
  });

  it('drops system events and filtered-out events client-side, yet moves its resume point past them', async () => {
    const h = harness();
    const subscription = new KurrentDbSubscription(h.subscribe, { filter: { eventTypes: ['Wanted'], streamPrefixes: ['issue-'] } }, fast);
    const iterator = subscription[Symbol.asyncIterator]();
    const pending = take(iterator, 1);
    h.latest().write(record(1, { type: '$statsCollected', streamId: '$stats-node' }));
    h.latest().write(record(2, { type: 'Wanted', streamId: 'other-1' }));
    h.latest().write(record(3, { type: 'Unwanted' }));
    h.latest().write(record(4, { type: 'Wanted' }));
    h.latest().write(record(5, { type: 'Unwanted' }));
    expect(await pending).toEqual([4]);
    await until(() => subscription.resumePosition === at(5));
    await subscription.unsubscribe();
  });

  it('pauses the server stream when the consumer falls behind, and resumes it once drained', async () => {
    const h = harness();
    const subscription = new KurrentDbSubscription(h.subscribe, {}, { ...fast, highWaterMark: 4, lowWaterMark: 1 });
    const iterator = subscription[Symbol.asyncIterator]();
    const first = iterator.next();
    for (let n = 1; n <= 10; n++) h.latest().write(record(n));
    await first;
    await tick();
    expect(h.latest().isPaused()).toBe(true);
    expect(await take(iterator, 9)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(h.latest().isPaused()).toBe(false);
    await subscription.unsubscribe();
  });

  it('fails on a record without a position rather than guess', async () => {
    const h = harness();
    const subscription = new KurrentDbSubscription(h.subscribe, {}, fast);
    const iterator = subscription[Symbol.asyncIterator]();
    const next = iterator.next();
    const broken = record(1);
    (broken.event as { position?: unknown }).position = undefined;
    h.latest().write(broken);
    await expect(next).rejects.toThrow(/without a position/);
  });
});

describe('toServerFilter', () => {
  it('excludes system event types when there is no filter (the client’s excludeSystemEvents)', () => {
    expect(toServerFilter(undefined)).toMatchObject({ filterOn: 'eventType', regex: '^[^$].*' });
    expect(toServerFilter({ eventTypes: [], streamPrefixes: [] })).toMatchObject({ filterOn: 'eventType', regex: '^[^$].*' });
  });

  it('filters exact event types with an anchored, escaped alternation', () => {
    const filter = toServerFilter({ eventTypes: ['IssueSubmitted', 'a.b+c(d)$'] });
    expect(filter).toMatchObject({ filterOn: 'eventType' });
    const regex = new RegExp((filter as { regex: string }).regex);
    expect(regex.test('IssueSubmitted')).toBe(true);
    expect(regex.test('a.b+c(d)$')).toBe(true);
    expect(regex.test('IssueSubmittedLater')).toBe(false);
    expect(regex.test('axb+c(d)$')).toBe(false);
    expect(regex.test('$statsCollected')).toBe(false);
  });

  it('filters stream prefixes with the client’s prefix filter', () => {
    expect(toServerFilter({ streamPrefixes: ['issue-', 'org-'] })).toMatchObject({ filterOn: 'streamName', prefixes: ['issue-', 'org-'] });
  });

  it('prefers event types when both are given (the client-side filter applies both)', () => {
    expect(toServerFilter({ eventTypes: ['A'], streamPrefixes: ['issue-'] })).toMatchObject({ filterOn: 'eventType', regex: '^(?:A)$' });
  });
});
