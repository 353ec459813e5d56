import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import {
  START,
  matchesFilter,
  type AppendOptions,
  type AppendResult,
  type EventStore,
  type EventToAppend,
  type ExpectedRevision,
  type Position,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  type StreamAppend,
  type SubscribeToAllOptions,
  type Subscription,
  type SubscriptionFilter,
} from '../event-store.port';
import { DuplicateEventIdError, EventStoreUnavailableError, WrongExpectedRevisionError, streamNotFound } from '../errors';
import { assertExpectedRevision, checkExpectedRevision, serializeEvents, toRecordedEvent, type SerializedEvent } from './codec';
import { GENESIS_HASH, chainHashOf, isHash } from '../hash-chain';
import { GroupCommitQueue, type Outcome } from './group-commit';
import { SCHEMA_VERSION, configure, isInMemory, migrate } from './schema';
import { SqliteSubscription, type LogSource } from './sqlite-subscription';
import { prepareStatements, type Statements } from './statements';
import { planImport, type ImportView, type LogImport } from '../import/log-import';
import { INLINE_CHECKPOINT_PAGES, WalCheckpointer, type WalCheckpointerOptions } from './wal-checkpointer';

export interface SqliteEventStoreOptions {
  /** How often a live subscription looks for events committed by another process. Default 250. */
  readonly pollIntervalMs?: number;
  /** Most appends committed in one transaction. Default 1000. */
  readonly maxBatchSize?: number;
  /** How long a commit waits for another process's write lock. Default 5000. */
  readonly busyTimeoutMs?: number;
  /**
   * Checkpoint the WAL from a worker thread (WalCheckpointer) instead of inline in a commit on
   * this thread. For a long-running server; a file store only. Default off.
   */
  readonly backgroundCheckpoints?: boolean | WalCheckpointerOptions;
}

export interface SqliteEventStoreStats {
  /** Committed write transactions: with group commit, far fewer than appends. */
  readonly transactions: number;
  /** Appends that committed (idempotent re-appends and empty appends included). */
  readonly appends: number;
  /** Appends refused: wrong expected revision, duplicate event id. */
  readonly refusals: number;
}

interface AppendPart {
  readonly streamId: string;
  readonly events: readonly SerializedEvent[];
  readonly expected: ExpectedRevision;
}

/** One caller's append: one stream, or several that commit together. */
type AppendJob = readonly AppendPart[];

interface BatchResult {
  readonly outcomes: Outcome<AppendResult[]>[];
  /** Whether any append wrote events: only then are subscribers woken. */
  readonly wrote: boolean;
}

const MAX_INT64 = 0x7fff_ffff_ffff_ffffn;
const NO_LIMIT = -1;

/**
 * The embedded event store: one SQLite file, one writer connection, EventStoreDB semantics.
 * Appends are group-committed (see GroupCommitQueue); reads run directly on the connection and see
 * everything committed, so a caller reads its own acknowledged writes.
 */
export class SqliteEventStore implements EventStore, LogImport {
  static open(filename: string, options: SqliteEventStoreOptions = {}): SqliteEventStore {
    if (!isInMemory(filename)) mkdirSync(dirname(filename), { recursive: true });
    const db = new Database(filename);
    try {
      configure(db, { busyTimeoutMs: options.busyTimeoutMs ?? 5000 });
      migrate(db);
      const store = new SqliteEventStore(db, options);
      if (options.backgroundCheckpoints && !isInMemory(filename)) {
        db.pragma(`wal_autocheckpoint = ${INLINE_CHECKPOINT_PAGES}`);
        store.checkpointer = WalCheckpointer.start(filename, options.backgroundCheckpoints === true ? {} : options.backgroundCheckpoints);
      }
      return store;
    } catch (error) {
      db.close();
      throw error;
    }
  }

  /**
   * A reading connection to an existing log that another process (or this one) writes: for work
   * that must not share the writer's thread, such as verifying the whole log. Appends fail.
   */
  static openReadOnly(filename: string, options: SqliteEventStoreOptions = {}): SqliteEventStore {
    const db = new Database(filename, { readonly: true, fileMustExist: true });
    try {
      db.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 5000}`);
      db.defaultSafeIntegers(true);
      const version = Number(db.pragma('user_version', { simple: true }));
      if (version !== SCHEMA_VERSION) throw new Error(`The event store file has schema version ${version}; this build reads ${SCHEMA_VERSION}`);
      const store = new SqliteEventStore(db, options);
      store.readOnly = true;
      return store;
    } catch (error) {
      db.close();
      throw error;
    }
  }

  private readOnly = false;
  private isClosed = false;
  private checkpointer: WalCheckpointer | undefined;
  private changeCount = 0;
  private readonly listeners = new Set<() => void>();
  private readonly counters = { transactions: 0, appends: 0, refusals: 0 };
  private readonly pollIntervalMs: number;
  private readonly queue: GroupCommitQueue<AppendJob, AppendResult[]>;
  private readonly sql: Statements;
  private readonly log: LogSource;
  private readonly appendInSavepoint: (job: AppendJob, recordedAt: string) => AppendResult[];
  private readonly commitBatchInTransaction: (jobs: readonly AppendJob[]) => BatchResult;

  private constructor(
    private readonly db: Database.Database,
    options: SqliteEventStoreOptions,
  ) {
    this.pollIntervalMs = options.pollIntervalMs ?? 250;
    this.sql = prepareStatements(db);
    this.log = {
      isClosed: () => this.isClosed,
      changes: () => this.changeCount,
      readPage: (after, limit, filter) => this.readPage(after, limit, filter),
      onChange: (listener) => {
        this.listeners.add(listener);
        return () => this.listeners.delete(listener);
      },
    };
    // Nested better-sqlite3 transactions are savepoints: a refused append rolls back alone.
    this.appendInSavepoint = db.transaction((job: AppendJob, recordedAt: string) => job.map((part) => this.appendOne(part, recordedAt)));
    this.commitBatchInTransaction = db.transaction((jobs: readonly AppendJob[]) => this.runBatch(jobs)).immediate;
    this.queue = new GroupCommitQueue<AppendJob, AppendResult[]>(
      (jobs) => this.commitBatch(jobs),
      options.maxBatchSize ?? 1000,
      (error) => new EventStoreUnavailableError('The event store could not commit the batch', { cause: error }),
    );
  }

  /** The log's file; undefined for an in-memory store. */
  get filename(): string | undefined {
    return this.db.memory ? undefined : this.db.name;
  }

  get stats(): SqliteEventStoreStats {
    return { ...this.counters };
  }

  /** Diagnostics for operators and tests: the connection's settings as SQLite reports them. */
  readPragma(name: 'journal_mode' | 'synchronous' | 'busy_timeout' | 'user_version'): unknown {
    this.assertOpen();
    return this.db.pragma(name, { simple: true });
  }

  async appendToStream(streamId: string, events: readonly EventToAppend[], options: AppendOptions = {}): Promise<AppendResult> {
    this.assertOpen();
    if (this.readOnly) throw new EventStoreUnavailableError('The event store is open read-only: appends go through the writer');
    const expected = options.expectedRevision ?? 'any';
    assertExpectedRevision(expected);
    const [result] = await this.queue.enqueue([{ streamId, events: serializeEvents(streamId, events), expected }]);
    return result!;
  }

  async appendToStreams(appends: readonly StreamAppend[]): Promise<AppendResult[]> {
    this.assertOpen();
    if (!Array.isArray(appends)) throw new TypeError('appends must be an array');
    const seen = new Set<string>();
    const job = appends.map(({ streamId, events, expectedRevision = 'any' }) => {
      if (seen.has(streamId)) throw new TypeError(`Stream ${streamId} appears more than once in one append`);
      seen.add(streamId);
      assertExpectedRevision(expectedRevision);
      return { streamId, events: serializeEvents(streamId, events), expected: expectedRevision };
    });
    if (job.length === 0) return [];
    return this.queue.enqueue(job);
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    this.assertOpen();
    const limit = toLimit(options.maxCount);
    const backwards = options.direction === 'backwards';
    const from = options.fromRevision ?? (backwards ? MAX_INT64 : 0n);
    if (from < 0n) throw new RangeError('fromRevision must not be negative');
    const statement = backwards ? this.sql.readBackwards : this.sql.readForwards;
    const rows = statement.all(streamId, from > MAX_INT64 ? MAX_INT64 : from, limit);
    if (rows.length === 0 && this.sql.streamRevision.get(streamId) === undefined) throw streamNotFound(streamId);
    return rows.map(toRecordedEvent);
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    this.assertOpen();
    return this.readPage(options.fromPosition ?? START, toLimit(options.maxCount), undefined).events;
  }

  subscribeToAll(options: SubscribeToAllOptions = {}): Subscription {
    this.assertOpen();
    return new SqliteSubscription(this.log, options.fromPosition ?? START, options.filter, this.pollIntervalMs);
  }

  async streamRevision(streamId: string): Promise<bigint | undefined> {
    this.assertOpen();
    return this.sql.streamRevision.get(streamId);
  }

  async headPosition(): Promise<Position> {
    this.assertOpen();
    return this.sql.head.get() ?? START;
  }

  async ping(): Promise<void> {
    this.assertOpen();
    this.sql.ping.get();
  }

  /** Commits the appends already accepted, ends live subscriptions, then closes the file. */
  async close(): Promise<void> {
    if (this.isClosed) return;
    this.isClosed = true;
    try {
      this.queue.drain();
    } finally {
      this.ring();
      // The worker's last checkpoint first: the writer's close then finds the WAL copied back.
      await this.checkpointer?.stop();
      this.db.close();
    }
  }

  async importRecorded(events: readonly RecordedEvent[]): Promise<Position> {
    this.assertOpen();
    if (this.readOnly) throw new EventStoreUnavailableError('The event store is open read-only');
    // Synchronous, like a batch commit: no append of this process runs in between; another
    // process waits on the write lock (IMMEDIATE).
    const head = this.db.transaction(() => {
      const plan = planImport(events, this.importView(events));
      for (const row of plan.rows) {
        this.sql.insertEvent.run(row.eventId, row.streamId, row.revision, row.type, row.data, row.metadata, row.recordedAt);
      }
      for (const [streamId, revision] of plan.streams) this.sql.setStreamRevision.run(streamId, revision);
      return this.sql.head.get() ?? START;
    }).immediate();
    if (events.length > 0) this.ring();
    return head;
  }

  private importView(events: readonly RecordedEvent[]): ImportView {
    const streams = new Map<string, { revision: bigint; hash: string }>();
    for (const streamId of new Set(events.map((e) => e.streamId))) {
      const revision = this.sql.streamRevision.get(streamId);
      if (revision !== undefined) streams.set(streamId, { revision, hash: this.hashAt(streamId, revision) });
    }
    const knownIds = new Set(events.map((e) => e.id.toLowerCase()).filter((id) => this.sql.eventById.get(id) !== undefined));
    return { streams, knownIds };
  }

  private readPage(after: Position, limit: number, filter: SubscriptionFilter | undefined): ReturnType<LogSource['readPage']> {
    const rows = this.sql.readAll.all(after, limit);
    const last = rows.length > 0 ? rows[rows.length - 1]![0] : undefined;
    // Filter on the raw row, before paying for JSON.parse of events nobody wants.
    const events: RecordedEvent[] = [];
    for (const row of rows) {
      if (!filter || matchesFilter({ type: row[4], streamId: row[2] }, filter)) events.push(toRecordedEvent(row));
    }
    return { events, last, scanned: rows.length };
  }

  // The write path.

  private commitBatch(jobs: readonly AppendJob[]): Outcome<AppendResult[]>[] {
    const { outcomes, wrote } = this.commitBatchInTransaction(jobs);
    this.counters.transactions += 1;
    for (const outcome of outcomes) {
      if (outcome.ok) this.counters.appends += 1;
      else this.counters.refusals += 1;
    }
    if (wrote) this.ring();
    return outcomes;
  }

  /** Runs inside the batch transaction. */
  private runBatch(jobs: readonly AppendJob[]): BatchResult {
    const recordedAt = new Date().toISOString();
    const outcomes: Outcome<AppendResult[]>[] = [];
    let wrote = false;
    for (const job of jobs) {
      try {
        outcomes.push({ ok: true, value: this.appendInSavepoint(job, recordedAt) });
        if (job.some((part) => part.events.length > 0)) wrote = true;
      } catch (error) {
        // SQLite itself rolled the whole transaction back (disk full, I/O error): nothing of the
        // batch holds, so let the batch fail as one.
        if (!this.db.inTransaction) throw error;
        outcomes.push(this.refusal(job, error));
      }
    }
    return { outcomes, wrote };
  }

  /** Runs inside its own savepoint. */
  private appendOne(job: AppendPart, recordedAt: string): AppendResult {
    const current = this.sql.streamRevision.get(job.streamId);
    checkExpectedRevision(job.streamId, job.expected, current);
    if (job.events.length === 0) {
      // Nothing to write. The position is that of the stream's last event, the point a reader of
      // this stream must have caught up to; START for a stream that does not exist.
      return current === undefined
        ? { nextExpectedRevision: -1n, position: START }
        : { nextExpectedRevision: current, position: this.sql.positionAt.get(job.streamId, current) ?? START };
    }
    let revision = current ?? -1n;
    let prevHash = current === undefined ? GENESIS_HASH : this.hashAt(job.streamId, current);
    let position = START;
    for (const event of job.events) {
      revision += 1n;
      const { id, type, data } = event;
      const metadata = event.chainable.chain(revision, prevHash);
      prevHash = metadata.hash;
      position = BigInt(
        this.sql.insertEvent.run(id, job.streamId, revision, type, data, JSON.stringify(metadata), recordedAt).lastInsertRowid,
      );
    }
    this.sql.setStreamRevision.run(job.streamId, revision);
    return { nextExpectedRevision: revision, position };
  }

  /** The hash of the stream's event at `revision`, as its successor must chain to it. */
  private hashAt(streamId: string, revision: bigint): string {
    const stored = this.sql.hashAt.get(streamId, revision);
    if (isHash(stored)) return stored;
    // Recorded before the chain existed (or damaged): chain to its content as stored; verify reports it.
    const row = this.sql.eventAt.get(streamId, revision);
    if (!row) throw new Error(`Stream ${streamId} has no event at revision ${revision}`);
    return chainHashOf(toRecordedEvent(row));
  }

  /**
   * A refused append may still be a retry of one that committed (the writer never saw the answer).
   * EventStoreDB accepts it without writing when every id is already in this stream, consecutively
   * and in the same order, and reports where they are; so do we, whatever the expected revision.
   * A multi-stream append committed whole or not at all, so it is a replay only when every one of
   * its streams is.
   */
  private refusal(job: AppendJob, error: unknown): Outcome<AppendResult[]> {
    const duplicateId = isDuplicateEventId(error);
    if (!duplicateId && !(error instanceof WrongExpectedRevisionError)) return { ok: false, error };
    const written = job.filter((part) => part.events.length > 0);
    try {
      const replays = written.map((part) => this.findReplay(part));
      const missing = replays.findIndex((replay) => replay === undefined);
      if (written.length > 0 && missing === -1) return { ok: true, value: job.map((part) => this.replayOrCurrent(part)) };
      if (replays.some((replay) => replay !== undefined)) {
        const part = written[missing]!;
        return { ok: false, error: new DuplicateEventIdError(part.events[0]!.id, part.streamId) };
      }
    } catch (duplicate) {
      return { ok: false, error: duplicate };
    }
    if (duplicateId) {
      // No id was recorded before, so the constraint tripped on an id repeated within this append.
      const all = job.flatMap((part) => part.events.map((event) => ({ event, streamId: part.streamId })));
      const repeated = all.find(({ event }, i) => all.findIndex((other) => other.event.id === event.id) !== i) ?? all[0];
      return { ok: false, error: new DuplicateEventIdError(repeated?.event.id ?? '', repeated?.streamId ?? '') };
    }
    return { ok: false, error };
  }

  private replayOrCurrent(part: AppendPart): AppendResult {
    const replay = this.findReplay(part);
    if (replay) return replay;
    const current = this.sql.streamRevision.get(part.streamId);
    return current === undefined
      ? { nextExpectedRevision: -1n, position: START }
      : { nextExpectedRevision: current, position: this.sql.positionAt.get(part.streamId, current) ?? START };
  }

  /** The original result when the append is a replay; undefined when none of its ids exists. */
  private findReplay(job: AppendPart): AppendResult | undefined {
    const found = job.events.map((event) => this.sql.eventById.get(event.id));
    const anyFound = found.findIndex((row) => row !== undefined);
    if (anyFound === -1) return undefined;
    const first = found[0];
    for (let i = 0; i < found.length; i++) {
      const row = found[i];
      if (!row || !first || row[0] !== job.streamId || row[1] !== first[1] + BigInt(i)) {
        throw new DuplicateEventIdError(job.events[row ? i : anyFound]!.id, job.streamId);
      }
    }
    const last = found[found.length - 1]!;
    return { nextExpectedRevision: last[1], position: last[2] };
  }

  private ring(): void {
    this.changeCount += 1;
    const listeners = [...this.listeners];
    this.listeners.clear();
    for (const listener of listeners) listener();
  }

  private assertOpen(): void {
    if (this.isClosed) throw new EventStoreUnavailableError('The event store is closed');
  }
}

function toLimit(maxCount: number | undefined): number {
  if (maxCount === undefined) return NO_LIMIT;
  if (!Number.isInteger(maxCount) || maxCount < 0) throw new RangeError('maxCount must be a non-negative integer');
  return maxCount;
}

// Duck-typed on purpose: the native addon keeps the SqliteError class of the first module
// instance that loaded it, so `instanceof` fails wherever modules are loaded again (jest does).
function isDuplicateEventId(error: unknown): boolean {
  const e = error as { name?: unknown; code?: unknown; message?: unknown } | null;
  return (
    e?.name === 'SqliteError' &&
    e.code === 'SQLITE_CONSTRAINT_UNIQUE' &&
    typeof e.message === 'string' &&
    e.message.includes('events.event_id')
  );
}
