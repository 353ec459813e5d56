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
  /** About how many events the log holds, for progress (the audit trail's count); undefined when unknown. */
  readonly totalEvents?: () => number | undefined;
  readonly now?: () => Date;
}

export type VerificationMode = 'worker' | 'stepwise';

/** What an auditor watching the check sees: the run going on, and the last one finished. */
export interface IntegrityCheckProgress {
  readonly running: boolean;
  readonly startedAt: string | null;
  readonly checkedEvents: number;
  readonly totalEvents: number | null;
  readonly lastReport: IntegrityReport | null;
  readonly lastFinishedAt: string | null;
}

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
  private current: { startedAt: string; checkedEvents: number; totalEvents: number | null } | undefined;
  private last: { report: IntegrityReport; finishedAt: string } | undefined;

  constructor(private readonly options: LogIntegrityCheckOptions) {}

  get mode(): VerificationMode {
    return this.eventsFile() ? 'worker' : 'stepwise';
  }

  /** Whether a verification is running now. */
  get busy(): boolean {
    return this.running !== undefined;
  }

  verifyLog(): Promise<IntegrityReport> {
    this.running ??= this.start();
    return this.running;
  }

  progress(): IntegrityCheckProgress {
    return {
      running: this.current !== undefined,
      startedAt: this.current?.startedAt ?? null,
      checkedEvents: this.current?.checkedEvents ?? 0,
      totalEvents: this.current?.totalEvents ?? null,
      lastReport: this.last?.report ?? null,
      lastFinishedAt: this.last?.finishedAt ?? null,
    };
  }

  private start(): Promise<IntegrityReport> {
    const now = () => (this.options.now ?? (() => new Date()))().toISOString();
    this.current = { startedAt: now(), checkedEvents: 0, totalEvents: this.options.totalEvents?.() ?? null };
    return this.run()
      .then((report) => {
        this.last = { report, finishedAt: now() };
        return report;
      })
      .finally(() => {
        this.running = undefined;
        this.current = undefined;
      });
  }

  private readonly onProgress = (checkedEvents: number) => {
    if (this.current) this.current.checkedEvents = checkedEvents;
  };

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
    if (eventsFile) {
      return verifyLogInWorker({ eventsFile, readModelsFile: this.options.readModelsFile, publicKey: this.options.publicKey }, this.stopped.signal, this.onProgress);
    }
    return verifyWholeLog(this.options.store, this.options.publicKey, this.options.leafHints, {
      pageSize: 100,
      onProgress: this.onProgress,
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
