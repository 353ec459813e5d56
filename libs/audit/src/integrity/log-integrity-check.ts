import { setImmediate as nextTurn } from 'node:timers/promises';
import { SqliteEventStore, type EventStore } from '@kom/event-store';
import type { AuditPublicKey } from '../checkpoints/signing';
import type { IntegrityReport, LeafHint } from '../verification/log-verifier';
import { verifyWholeLog } from '../verification/whole-log';
import { verifyLogInWorker } from './verify-log-in-worker';

export interface LogIntegrityCheckOptions {
  readonly store: EventStore;
  readonly publicKey: AuditPublicKey;
  /** The replica's read-model file (the worker opens it read-only for leaf hints). */
  readonly readModelsFile?: string;
  /** Leaf hints for a verification on this thread. */
  readonly leafHints?: (fromIndex: number, toIndex: number) => readonly LeafHint[];
  /** Longest stretch of verification on this thread between two turns of the event loop (default 8 ms). */
  readonly sliceMs?: number;
}

export type VerificationMode = 'worker' | 'stepwise';

/**
 * The whole-log verification a server runs on request, at most one at a time per process: a caller
 * that arrives while one runs gets that run's report (of the log as it stood when the run began).
 *
 * The embedded SQLite log is verified in a worker thread with its own read-only connection, off
 * the event loop. A log the process can only reach through its client (KurrentDB, or an in-memory
 * SQLite database) is verified on the event loop in small steps, yielding between pages, so other
 * requests are served in between.
 */
export class LogIntegrityCheck {
  private running: Promise<IntegrityReport> | undefined;
  private readonly stopped = new AbortController();

  constructor(private readonly options: LogIntegrityCheckOptions) {}

  get mode(): VerificationMode {
    return this.eventsFile() ? 'worker' : 'stepwise';
  }

  /** Whether a verification is running now. */
  get busy(): boolean {
    return this.running !== undefined;
  }

  verifyLog(): Promise<IntegrityReport> {
    this.running ??= this.run().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  /** Ends a running verification (its callers get an error) and refuses new ones: before the store closes. */
  close(): void {
    this.stopped.abort();
  }

  /** Nest calls this on shutdown when the check is a provider. */
  beforeApplicationShutdown(): void {
    this.close();
  }

  private async run(): Promise<IntegrityReport> {
    if (this.stopped.signal.aborted) throw new Error('The log integrity check is closed');
    const eventsFile = this.eventsFile();
    if (eventsFile) return verifyLogInWorker({ eventsFile, readModelsFile: this.options.readModelsFile, publicKey: this.options.publicKey }, this.stopped.signal);
    return verifyWholeLog(this.options.store, this.options.publicKey, this.options.leafHints, {
      pageSize: 100,
      sliceMs: this.options.sliceMs ?? 8,
      pause: async () => {
        await nextTurn();
        if (this.stopped.signal.aborted) throw new Error('The log integrity check was stopped');
      },
    });
  }

  private eventsFile(): string | undefined {
    return this.options.store instanceof SqliteEventStore ? this.options.store.filename : undefined;
  }
}
