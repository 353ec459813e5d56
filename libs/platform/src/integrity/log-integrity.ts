import { Inject, Injectable, Optional } from '@nestjs/common';
import { decorateStore, type AppendOptions, type AppendResult, type EventStore, type EventToAppend, type Position, type StreamAppend } from '@kom/event-store';
import { METRICS, type KomMetrics } from '../observability/metrics';

export const LOG_INTEGRITY_BROKEN = 'LOG_INTEGRITY_BROKEN';

export type LogIntegrityStatus =
  | { readonly status: 'unchecked' }
  | { readonly status: 'verified'; readonly checkedEvents: number; readonly fromPosition: string }
  | { readonly status: 'broken'; readonly firstInvalidPosition: string; readonly reason: string; readonly checkedEvents: number };

/** A write refused because the log's hash chain is broken: nothing more is built on altered history. */
export class LogIntegrityBroken extends Error {
  override readonly name = 'LogIntegrityBroken';
  readonly code = 'SERVICE_UNAVAILABLE';
  readonly reason = LOG_INTEGRITY_BROKEN;

  constructor(
    readonly position: string,
    readonly problem: string,
  ) {
    super(`The event log is not intact (first invalid position ${position}: ${problem}); writes are refused until an operator restores it`);
  }

  extensions(): Record<string, unknown> {
    return { code: this.code, reason: this.reason, position: this.position };
  }
}

/**
 * What this replica knows of its log's integrity, from the start-up check. While the log is known
 * broken every append is refused (commands, reactors, seeders, the notary's checkpoints); reads go on.
 */
@Injectable()
export class LogIntegrity {
  private current: LogIntegrityStatus = { status: 'unchecked' };

  constructor(@Optional() @Inject(METRICS) private readonly metrics?: KomMetrics) {}

  status(): LogIntegrityStatus {
    return this.current;
  }

  verified(checkedEvents: number, fromPosition: Position): void {
    this.metrics?.integrityVerifications.inc({ scope: 'startup', result: 'valid' });
    if (this.current.status !== 'broken') this.current = { status: 'verified', checkedEvents, fromPosition: String(fromPosition) };
  }

  broken(firstInvalidPosition: Position, reason: string, checkedEvents: number): void {
    this.metrics?.integrityVerifications.inc({ scope: 'startup', result: 'broken' });
    this.current = { status: 'broken', firstInvalidPosition: String(firstInvalidPosition), reason, checkedEvents };
  }

  assertWritable(): void {
    const current = this.current;
    if (current.status === 'broken') throw new LogIntegrityBroken(current.firstInvalidPosition, current.reason);
  }
}

/** The store with every append that would write refused while `integrity` says the log is broken. */
export function guardWrites(store: EventStore, integrity: LogIntegrity): EventStore {
  const refused = (events: number): Error | undefined => {
    if (events === 0) return undefined;
    try {
      integrity.assertWritable();
      return undefined;
    } catch (error) {
      return error as Error;
    }
  };
  return decorateStore(store, {
    appendToStream: (streamId: string, events: readonly EventToAppend[], options?: AppendOptions): Promise<AppendResult> => {
      const error = refused(events.length);
      return error ? Promise.reject(error) : store.appendToStream(streamId, events, options);
    },
    // An atomic append across streams (a resolve with its agenda placement) is a write like any other.
    appendToStreams: (appends: readonly StreamAppend[]): Promise<AppendResult[]> => {
      const error = refused(appends.reduce((n, a) => n + a.events.length, 0));
      return error ? Promise.reject(error) : store.appendToStreams(appends);
    },
  });
}
