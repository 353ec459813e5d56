import { Worker } from 'node:worker_threads';

export interface WalCheckpointerOptions {
  /** How often the worker copies the WAL back into the database file. Default 500 ms. */
  readonly intervalMs?: number;
}

/** What one checkpoint did, as `PRAGMA wal_checkpoint` reports it. */
export interface CheckpointResult {
  readonly busy: number;
  readonly log: number;
  readonly checkpointed: number;
}

/**
 * The pages a writer lets its WAL grow to before it checkpoints inline after all: only reached
 * when the background checkpoints cannot keep up or have stopped. ~80 MB at 4 KiB pages.
 */
export const INLINE_CHECKPOINT_PAGES = 20_000;

// Plain JavaScript, evaluated in the worker: no TypeScript loader is needed there, in tests, in
// the benchmarks or in the built bundle alike.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { fileMustExist: true });
db.pragma('busy_timeout = 0');
const checkpoint = () => {
  try {
    const [r] = db.pragma('wal_checkpoint(PASSIVE)');
    return { busy: Number(r.busy), log: Number(r.log), checkpointed: Number(r.checkpointed) };
  } catch (error) {
    return { error: String(error && error.message || error) };
  }
};
const timer = setInterval(checkpoint, workerData.intervalMs);
parentPort.on('message', (message) => {
  if (message === 'checkpoint') parentPort.postMessage(checkpoint());
  if (message === 'stop') {
    clearInterval(timer);
    checkpoint();
    db.close();
    parentPort.close();
  }
});
`;

/**
 * Copies a WAL-mode SQLite file's WAL back into the file from a worker thread, on its own
 * connection, every `intervalMs`. A writer that checkpoints inline (SQLite's default, every 1,000
 * pages) stops the event loop for the copy and the file's fsync, and every request waiting on that
 * thread waits with it: the read-your-writes p99 halved without them (docs/benchmarks.md, G2).
 * The writer keeps `wal_autocheckpoint` at INLINE_CHECKPOINT_PAGES as a bound should this worker
 * fall behind. PASSIVE checkpoints never wait for readers or the writer, and SQLite keeps a
 * checkpoint crash-safe whichever connection runs it.
 */
export class WalCheckpointer {
  private stopped: Promise<void> | undefined;
  private readonly exited: Promise<void>;

  private constructor(private readonly worker: Worker) {
    this.exited = new Promise((resolve) => worker.once('exit', () => resolve()));
    worker.on('error', () => undefined); // a failed worker leaves the inline bound in force
    worker.unref(); // never what keeps a process alive
  }

  static start(file: string, options: WalCheckpointerOptions = {}): WalCheckpointer {
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { file, driver: require.resolve('better-sqlite3'), intervalMs: options.intervalMs ?? 500 },
    });
    return new WalCheckpointer(worker);
  }

  /** One checkpoint now, off this thread (tests, operators). */
  checkpoint(): Promise<CheckpointResult> {
    return new Promise((resolve, reject) => {
      this.worker.once('message', (result: CheckpointResult & { error?: string }) => (result.error ? reject(new Error(result.error)) : resolve(result)));
      this.worker.postMessage('checkpoint');
    });
  }

  /** A last checkpoint, then the worker's connection closes; resolves once the worker has exited. */
  stop(): Promise<void> {
    // Referenced while stopping: an awaited stop must keep the process alive until it is done.
    this.stopped ??= (this.worker.ref(), this.worker.postMessage('stop'), this.exited);
    return this.stopped;
  }
}
