import { eventTypeFilter, excludeSystemEvents, streamNameFilter } from '@kurrent/kurrentdb-client';
import type { AllStreamResolvedEvent, AllStreamSubscription, Filter, SubscribeToAllOptions } from '@kurrent/kurrentdb-client';
import {
  START,
  matchesFilter,
  type Position,
  type RecordedEvent,
  type Subscription,
  type SubscriptionFilter,
} from '../event-store.port';
import { EventStoreUnavailableError } from '../errors';
import { isTransientError, mapClientError } from './client-errors';
import { toClientReadPosition } from './position';
import { positionOf, toUserRecordedEvent } from './to-recorded-event';

/** How to come back after the server dropped the subscription. */
export interface ResubscribePolicy {
  /** Delay before the first new attempt (ms). Doubles with each failed attempt... */
  readonly initialDelayMs: number;
  /** ...up to this cap (ms). A connection that stayed up longer than this resets the doubling. */
  readonly maxDelayMs: number;
  /** Consecutive attempts without progress before the subscription fails (Infinity: never gives up). */
  readonly maxAttempts: number;
}

export const DEFAULT_RESUBSCRIBE_POLICY: ResubscribePolicy = {
  initialDelayMs: 250,
  maxDelayMs: 30_000,
  maxAttempts: Number.POSITIVE_INFINITY,
};

export interface SubscriptionSettings {
  readonly resubscribe: ResubscribePolicy;
  /** Events buffered ahead of the consumer before the server stream is paused (gRPC flow control applies). */
  readonly highWaterMark: number;
  /** The paused server stream resumes once the buffer is down to this. */
  readonly lowWaterMark: number;
  /** In [0, 1); jitter source, injectable for tests. */
  readonly random: () => number;
  /** Milliseconds, for how long a connection stayed up; injectable for tests (default Date.now). */
  readonly now?: () => number;
  /** Called when the server dropped the subscription and a new attempt is scheduled (for logging). */
  readonly onDropped?: (info: { error: unknown; attempt: number; delayMs: number; resumeAfter: Position }) => void;
}

export const DEFAULT_SUBSCRIPTION_SETTINGS: SubscriptionSettings = {
  resubscribe: DEFAULT_RESUBSCRIBE_POLICY,
  highWaterMark: 1024,
  lowWaterMark: 256,
  random: Math.random,
};

/**
 * Capped exponential backoff with "equal jitter": attempt n (1-based) waits between half and all of
 * min(cap, initial * 2^(n-1)).
 */
export function resubscribeDelay(attempt: number, policy: ResubscribePolicy, random: () => number = Math.random): number {
  const exponent = Math.min(Math.max(attempt - 1, 0), 30);
  const ceiling = Math.min(policy.maxDelayMs, policy.initialDelayMs * 2 ** exponent);
  return Math.round(ceiling / 2 + (ceiling / 2) * Math.min(Math.max(random(), 0), 1));
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/**
 * The server-side filter for a port filter. The server takes one filter, on event type or on
 * stream name: exact event types (an anchored alternation) when listed, else stream prefixes, else
 * "no system event types". The port's filter and the system-event rule are applied client-side
 * again in every case, so the server filter only has to be a superset.
 */
export function toServerFilter(filter: SubscriptionFilter | undefined): Filter {
  if (filter?.eventTypes && filter.eventTypes.length > 0) {
    return eventTypeFilter({ regex: `^(?:${filter.eventTypes.map(escapeRegex).join('|')})$` });
  }
  if (filter?.streamPrefixes && filter.streamPrefixes.length > 0) {
    return streamNameFilter({ prefixes: [...filter.streamPrefixes] });
  }
  return excludeSystemEvents();
}

export type SubscribeToAll = (options: SubscribeToAllOptions) => AllStreamSubscription;

interface Listeners {
  readonly data: (resolved: AllStreamResolvedEvent) => void;
  readonly error: (error: Error) => void;
  readonly end: () => void;
  readonly caughtUp: () => void;
}

/**
 * A catch-up-then-live subscription to $all that survives dropped connections.
 *
 * Invariant: every event of the log up to `lastSeen` has been queued for the consumer, filtered
 * out, or was already before the starting point; nothing after it has been. Each server
 * subscription starts after `lastSeen` (the server's fromPosition is exclusive) and anything at or
 * before `lastSeen` that still arrives is dropped, so a new attempt neither re-delivers nor skips,
 * whatever the server's boundary semantics. `lastSeen` only moves on records received in order
 * from the current server stream, never on checkpoints: a checkpoint can run ahead of records
 * still buffered in an abandoned stream.
 */
export class KurrentDbSubscription implements Subscription {
  private readonly queue: RecordedEvent[] = [];
  private readonly waiters: Array<() => void> = [];
  private readonly filter: SubscriptionFilter | undefined;
  private readonly serverFilter: Filter;
  private state: 'idle' | 'running' | 'ended' = 'idle';
  private iterated = false;
  private failure: { readonly error: unknown } | undefined;
  private current: { readonly stream: AllStreamSubscription; readonly listeners: Listeners } | undefined;
  private paused = false;
  private retryTimer: NodeJS.Timeout | undefined;
  private attempt = 0;
  private connectedAt = 0;
  private lastSeen: Position;
  private readonly cancellations = new Set<Promise<void>>();

  constructor(
    private readonly subscribe: SubscribeToAll,
    options: { readonly fromPosition?: Position; readonly filter?: SubscriptionFilter },
    private readonly settings: SubscriptionSettings = DEFAULT_SUBSCRIPTION_SETTINGS,
    private readonly onEnded: (subscription: KurrentDbSubscription) => void = () => undefined,
  ) {
    this.lastSeen = options.fromPosition ?? START;
    if (this.lastSeen < START) throw new RangeError(`fromPosition must not be negative, got ${this.lastSeen}`);
    this.filter = options.filter;
    this.serverFilter = toServerFilter(options.filter);
  }

  /** The position after which the next server subscription starts (for diagnostics). */
  get resumePosition(): Position {
    return this.lastSeen;
  }

  [Symbol.asyncIterator](): AsyncIterator<RecordedEvent> {
    if (this.iterated) throw new Error('A subscription can be iterated only once');
    this.iterated = true;
    return {
      next: () => this.next(),
      return: async () => {
        await this.unsubscribe();
        return { value: undefined, done: true };
      },
    };
  }

  async unsubscribe(): Promise<void> {
    this.end(undefined);
    await Promise.all([...this.cancellations]);
  }

  private async next(): Promise<IteratorResult<RecordedEvent>> {
    if (this.state === 'idle') {
      this.state = 'running';
      this.connect();
    }
    for (;;) {
      const event = this.queue.shift();
      if (event !== undefined) {
        this.resumeIfDrained();
        return { value: event, done: false };
      }
      if (this.state === 'ended') {
        const failure = this.failure;
        this.failure = undefined;
        if (failure) throw failure.error;
        return { value: undefined, done: true };
      }
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
  }

  private now(): number {
    return (this.settings.now ?? Date.now)();
  }

  private wake(): void {
    for (const resolve of this.waiters.splice(0)) resolve();
  }

  private connect(): void {
    if (this.state !== 'running') return;
    this.connectedAt = this.now();
    let stream: AllStreamSubscription;
    try {
      stream = this.subscribe({
        fromPosition: toClientReadPosition(this.lastSeen),
        filter: this.serverFilter,
        resolveLinkTos: false,
      });
    } catch (error) {
      if (isTransientError(error)) this.dropped(error);
      else this.end({ error: mapClientError(error, { op: 'other' }) });
      return;
    }
    const listeners: Listeners = {
      data: (resolved) => this.onData(stream, resolved),
      error: (error) => this.onDrop(stream, error),
      end: () => this.onDrop(stream, undefined),
      caughtUp: () => {
        if (this.current?.stream === stream) this.attempt = 0;
      },
    };
    this.current = { stream, listeners };
    this.paused = false;
    stream.on('data', listeners.data);
    stream.on('error', listeners.error);
    stream.on('end', listeners.end);
    stream.on('close', listeners.end);
    stream.on('caughtUp', listeners.caughtUp);
  }

  private onData(stream: AllStreamSubscription, resolved: AllStreamResolvedEvent): void {
    if (this.current?.stream !== stream || this.state !== 'running') return;
    let event: RecordedEvent | undefined;
    let position: Position | undefined;
    try {
      position = positionOf(resolved);
      if (position === undefined) {
        throw new Error(`KurrentDB delivered event ${resolved.event?.id ?? '?'} on $all without a position`);
      }
      if (position <= this.lastSeen) return; // already queued before a reconnection, or the resume point itself
      event = toUserRecordedEvent(resolved);
    } catch (error) {
      this.end({ error });
      return;
    }
    this.lastSeen = position;
    this.attempt = 0;
    if (event !== undefined && matchesFilter(event, this.filter)) {
      this.queue.push(event);
      if (!this.paused && this.queue.length >= this.settings.highWaterMark) {
        this.paused = true;
        stream.pause();
      }
      this.wake();
    }
  }

  private resumeIfDrained(): void {
    if (this.paused && this.queue.length <= this.settings.lowWaterMark && this.current) {
      this.paused = false;
      this.current.stream.resume();
    }
  }

  private onDrop(stream: AllStreamSubscription, error: Error | undefined): void {
    if (this.current?.stream !== stream || this.state !== 'running') return;
    this.release();
    if (error !== undefined && !isTransientError(error)) {
      this.end({ error: mapClientError(error, { op: 'other' }) });
      return;
    }
    // A subscription to $all never completes on its own: an end without error is a dropped connection too.
    this.dropped(error ?? new Error('KurrentDB ended the subscription'));
  }

  /** The server stream is gone or could not be opened, transiently: schedule a new one after `lastSeen`. */
  private dropped(error: unknown): void {
    if (this.state !== 'running') return;
    const policy = this.settings.resubscribe;
    if (this.now() - this.connectedAt > policy.maxDelayMs) this.attempt = 0;
    this.attempt += 1;
    if (this.attempt > policy.maxAttempts) {
      const message = error instanceof Error ? error.message : String(error);
      this.end({
        error: new EventStoreUnavailableError(
          `KurrentDB subscription gave up after ${policy.maxAttempts} attempts: ${message}`,
          { cause: error },
        ),
      });
      return;
    }
    const delayMs = resubscribeDelay(this.attempt, policy, this.settings.random);
    this.settings.onDropped?.({ error, attempt: this.attempt, delayMs, resumeAfter: this.lastSeen });
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      this.connect();
    }, delayMs);
  }

  /** Detaches from the current server stream and cancels it; late events and errors from it are ignored. */
  private release(): void {
    const current = this.current;
    if (!current) return;
    this.current = undefined;
    this.paused = false;
    const { stream, listeners } = current;
    stream.off('data', listeners.data);
    stream.off('error', listeners.error);
    stream.off('end', listeners.end);
    stream.off('close', listeners.end);
    stream.off('caughtUp', listeners.caughtUp);
    // An 'error' emitted with no listener would crash the process.
    stream.on('error', () => undefined);
    const cancellation = Promise.resolve()
      .then(() => stream.unsubscribe())
      .catch(() => undefined)
      .finally(() => this.cancellations.delete(cancellation));
    this.cancellations.add(cancellation);
  }

  private end(failure: { readonly error: unknown } | undefined): void {
    if (this.state === 'ended') return;
    this.state = 'ended';
    if (this.retryTimer !== undefined) {
      clearTimeout(this.retryTimer);
      this.retryTimer = undefined;
    }
    this.release();
    if (failure) {
      // Events already queued are still delivered; the error comes after them.
      this.failure = failure;
    } else {
      this.queue.length = 0;
    }
    this.wake();
    this.onEnded(this);
  }
}
