import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

export interface WalCheckpointerOptions {
  /** How often the worker copies the WAL back into the database file. Default DEFAULT_CHECKPOINT_INTERVAL_MS. */
  readonly intervalMs?: number;
}

/** What one checkpoint did, as `PRAGMA wal_checkpoint` reports it. */
export interface CheckpointResult {
  readonly busy: number;
  readonly log: number;
  readonly checkpointed: number;
}

/**
 * 50 ms rather than 500: each checkpoint copies and syncs about a tenth of the pages, and the
 * requests served beside it wait less (read-your-writes p99 31.6 -> 23.5 ms, the means of four
 * alternating pairs; docs/benchmarks.md, G2). A checkpoint with nothing to copy costs the worker
 * about 10 µs: two files at 50 ms take 0.04% of a core.
 */
export const DEFAULT_CHECKPOINT_INTERVAL_MS = 50;

/**
 * The pages a writer lets its WAL grow to before it checkpoints inline after all: only reached
 * when the background checkpoints cannot keep up or have stopped. ~80 MB at 4 KiB pages.
 */
export const INLINE_CHECKPOINT_PAGES = 20_000;

// Plain JavaScript, evaluated in the worker: no TypeScript loader is needed there, in tests, in
// the benchmarks or in the built bundle alike. One worker serves every file of the process, each
// on its own connection with its own timer; a file that cannot be opened fails alone.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const files = new Map();
const checkpoint = (db) => {
  try {
    const [r] = db.pragma('wal_checkpoint(PASSIVE)');
    return { busy: Number(r.busy), log: Number(r.log), checkpointed: Number(r.checkpointed) };
  } catch (error) {
    return { error: String((error && error.message) || error) };
  }
};
parentPort.on('message', (m) => {
  if (m.op === 'open') {
    try {
      const db = new Database(m.file, { fileMustExist: true });
      db.pragma('busy_timeout = 0');
      db.pragma('cache_size = -256');
      files.set(m.id, { db, timer: setInterval(() => checkpoint(db), m.intervalMs) });
    } catch (error) {
      files.set(m.id, { error: String((error && error.message) || error) });
    }
  } else if (m.op === 'checkpoint') {
    const file = files.get(m.id);
    parentPort.postMessage({ op: 'checkpointed', request: m.request, ...(file && file.db ? checkpoint(file.db) : { error: (file && file.error) || 'not open' }) });
  } else if (m.op === 'close') {
    const file = files.get(m.id);
    files.delete(m.id);
    if (file && file.db) {
      clearInterval(file.timer);
      checkpoint(file.db);
      file.db.close();
    }
    Atomics.store(m.done, 0, 1);
    Atomics.notify(m.done, 0);
    if (files.size === 0 && m.last) parentPort.close();
  }
});
`;

interface Shared {
  readonly worker: Worker;
  alive: boolean;
  open: number;
  /** Checkpoints asked for and not yet answered: the worker is referenced while any is. */
  waiting: number;
}

let shared: Shared | undefined;
let nextId = 0;
let nextRequest = 0;

function sharedWorker(): Shared {
  if (shared) return shared;
  // Node resolves the driver's path at run time: in the bundle nest build makes, a bare
  // require.resolve is a webpack module id, and the worker failed to load it (no checkpoints ran).
  const driver = createRequire(__filename).resolve('better-sqlite3');
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { driver } });
  const created: Shared = { worker, alive: true, open: 0, waiting: 0 };
  worker.on('error', () => undefined); // a failed worker leaves the writers' inline bound in force
  worker.unref(); // never what keeps a process alive
  worker.once('exit', () => {
    created.alive = false;
    if (shared === created) shared = undefined;
  });
  shared = created;
  return created;
}

/** Sends a message and waits for the worker's answer that `matches`, the worker referenced meanwhile. */
function ask<T>(worker: Shared, message: object, matches: (answer: any) => boolean): Promise<T> {
  worker.waiting++;
  worker.worker.ref();
  return new Promise<T>((resolve) => {
    const onMessage = (answer: any) => {
      if (!matches(answer)) return;
      done();
      resolve(answer as T);
    };
    const onExit = () => (done(), resolve({ error: 'the checkpoint worker has exited' } as T));
    const done = () => {
      worker.worker.off('message', onMessage);
      worker.worker.off('exit', onExit);
      if (--worker.waiting === 0) worker.worker.unref();
    };
    worker.worker.on('message', onMessage);
    worker.worker.once('exit', onExit);
    worker.worker.postMessage(message);
  });
}

/**
 * Copies a WAL-mode SQLite file's WAL back into the file from a worker thread, on its own
 * connection, every `intervalMs`. A writer that checkpoints inline (SQLite's default, every 1,000
 * pages) stops the event loop for the copy and the file's fsync, and every request waiting on that
 * thread waits with it: the read-your-writes p99 halved without them (docs/benchmarks.md, G2).
 * The writer keeps `wal_autocheckpoint` at INLINE_CHECKPOINT_PAGES as a bound should the worker
 * fall behind. PASSIVE checkpoints never wait for readers or the writer, and SQLite keeps a
 * checkpoint crash-safe whichever connection runs it. One worker thread serves every file of the
 * process (a thread costs about 9 MB).
 */
export class WalCheckpointer {
  private stopped = false;

  private constructor(
    private readonly worker: Shared,
    private readonly id: number,
  ) {}

  static start(file: string, options: WalCheckpointerOptions = {}): WalCheckpointer {
    const worker = sharedWorker();
    const id = ++nextId;
    worker.open++;
    worker.worker.postMessage({ op: 'open', id, file, intervalMs: options.intervalMs ?? DEFAULT_CHECKPOINT_INTERVAL_MS });
    return new WalCheckpointer(worker, id);
  }

  /** One checkpoint now, off this thread (tests, operators). */
  async checkpoint(): Promise<CheckpointResult> {
    const request = ++nextRequest;
    const result = await ask<CheckpointResult & { error?: string }>(this.worker, { op: 'checkpoint', id: this.id, request }, (a) => a.op === 'checkpointed' && a.request === request);
    if (result.error) throw new Error(result.error);
    return { busy: result.busy, log: result.log, checkpointed: result.checkpointed };
  }

  /**
   * A last checkpoint, then this file's connection in the worker closes (and the worker ends with
   * the last file). Returns only once that connection is closed, blocking this thread meanwhile
   * (`timeoutMs` at most), so an owner closing its own connection next finds no other and removes
   * the WAL, as it did without a worker; synchronous closes and awaited ones alike. Idempotent.
   */
  stop(timeoutMs = 5000): Promise<void> {
    if (!this.stopped) {
      const last = --this.worker.open === 0;
      // A start from now on gets a fresh worker: this one ends with its last file.
      if (last && shared === this.worker) shared = undefined;
      const done = new Int32Array(new SharedArrayBuffer(4));
      this.worker.worker.postMessage({ op: 'close', id: this.id, last, done });
      if (this.worker.alive) Atomics.wait(done, 0, 0, timeoutMs);
      this.stopped = true;
    }
    return Promise.resolve();
  }
}
