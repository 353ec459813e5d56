import type { Pool, PoolClient, PoolConfig, QueryConfig } from 'pg';
import {
  START,
  matchesFilter,
  type AppendOptions,
  type AppendResult,
  type EventStore,
  type EventToAppend,
  type Position,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  type SubscribeToAllOptions,
  type Subscription,
  type SubscriptionFilter,
  type StreamAppend,
} from '../event-store.port';
import { EventStoreUnavailableError, streamNotFound } from '../errors';
import { chainHashOf, isHash } from '../hash-chain';
import { redactConnectionString } from '../kurrentdb/connection-string';
import { assertExpectedRevision, serializeEvents } from '../sqlite/codec';
import type { Outcome } from '../sqlite/group-commit';
import { POSTGRES_ADVISORY_LOCKS, POSTGRES_LOCK_NAMESPACE, type PostgresAdvisoryLock } from './advisory-locks';
import { planBatch, type AppendGroup, type AppendJob, type BatchPlan, type LogView } from './append-plan';
import { BatchQueue } from './batch-queue';
import { isConnectionError } from './connection-errors';
import { PostgresSubscription, type PostgresLogSource } from './postgres-subscription';
import { migrate } from './schema';
import { planImport, type ImportView, type LogImport } from '../import/log-import';
import * as sql from './statements';
import { WakeUpListener, type ListenerClient } from './wake-up-listener';
import { inTransaction, openPostgresPool, releaseClient } from './pool';

export interface PostgresEventStoreOptions {
  /** How often a live subscription reads the log when no notification arrives. Default 1000. */
  readonly pollIntervalMs?: number;
  /** Most appends committed in one transaction. Default 1000. */
  readonly maxBatchSize?: number;
  /** Connections in this process's pool (the LISTEN connection comes on top). Default 10. */
  readonly maxConnections?: number;
  /** Told when a pooled connection fails; default: one line on stderr (see openPostgresPool). */
  readonly onConnectionLost?: (error: Error) => void;
}

export interface PostgresEventStoreStats {
  /** Committed write transactions: with group commit, far fewer than appends under load. */
  readonly transactions: number;
  /** Appends that committed (idempotent re-appends and empty appends included). */
  readonly appends: number;
  /** Appends refused: wrong expected revision, duplicate event id. */
  readonly refusals: number;
}

const MAX_INT64 = 0x7fff_ffff_ffff_ffffn;

/** Checks and serialises one stream's part of a call. */
function job(streamId: string, events: readonly EventToAppend[], expected: AppendOptions['expectedRevision'] & {}): AppendJob {
  assertExpectedRevision(expected);
  const serialized = serializeEvents(streamId, events);
  // PostgreSQL text cannot hold NUL; refuse it here rather than fail a whole batch.
  if (streamId.includes('\u0000') || serialized.some((e) => e.type.includes('\u0000'))) {
    throw new TypeError('Stream ids and event types must not contain NUL characters');
  }
  return { streamId, events: serialized, expected };
}
const BEGIN_AND_LOCK = `BEGIN; SELECT pg_advisory_xact_lock(${POSTGRES_LOCK_NAMESPACE}, ${POSTGRES_ADVISORY_LOCKS.append})`;

/**
 * The event store on PostgreSQL, for several API processes on one database.
 *
 * Ordering: one batch of appends writes at a time in the whole database, under a
 * transaction-scoped advisory lock, and numbers its events from the head it reads after the lock
 * is granted. Positions are therefore 1..N without gaps and commit in order: whoever sees position
 * N also sees every position below it, so a subscriber reading by position never skips an event
 * that commits later. Group commit (BatchQueue) makes the lock cheap: a batch holds every append
 * that arrived during the previous commit.
 *
 * Hash chains: each stream's predecessor hash is read inside the same locked transaction that
 * appends, so concurrent writers in different processes cannot fork a chain.
 */
export class PostgresEventStore implements EventStore, LogImport {
  /** Connects, then creates or migrates the schema (safe when several processes start at once). */
  static async connect(url: string, options: PostgresEventStoreOptions = {}): Promise<PostgresEventStore> {
    // Loaded here, not at the top: processes on the embedded store never pay for the driver.
    const pg = await import('pg');
    const config: PoolConfig = { connectionString: url, application_name: 'kom-event-store' };
    // A connection that fails, idle or checked out, is reported and discarded (pool.ts).
    const pool = await openPostgresPool({ ...config, max: options.maxConnections ?? 10 }, { onConnectionLost: options.onConnectionLost });
    try {
      await migrate(pool);
    } catch (error) {
      await pool.end().catch(() => undefined);
      if (isConnectionError(error)) {
        throw new EventStoreUnavailableError(`PostgreSQL at ${redactConnectionString(url)} cannot be reached`, { cause: error });
      }
      throw error;
    }
    return new PostgresEventStore(pool, pg.Client, config, options);
  }

  private isClosed = false;
  private changeCount = 0;
  private readonly listeners = new Set<() => void>();
  private readonly counters = { transactions: 0, appends: 0, refusals: 0 };
  private readonly pollIntervalMs: number;
  private readonly queue: BatchQueue<AppendGroup, AppendResult[]>;
  private readonly wakeUps: WakeUpListener;
  private readonly log: PostgresLogSource;
  private readonly subscriptions = new Set<PostgresSubscription>();

  private constructor(
    private readonly pool: Pool,
    client: ListenerClient,
    config: PoolConfig,
    options: PostgresEventStoreOptions,
  ) {
    this.pollIntervalMs = options.pollIntervalMs ?? 1000;
    this.queue = new BatchQueue<AppendGroup, AppendResult[]>(
      (groups) => this.commitBatch(groups),
      options.maxBatchSize ?? 1000,
      (error) => new EventStoreUnavailableError('The event store could not commit the batch', { cause: error }),
    );
    this.wakeUps = new WakeUpListener(client, config, () => this.ring());
    this.log = {
      isClosed: () => this.isClosed,
      changes: () => this.changeCount,
      readPage: (after, limit, filter) => this.readPage(after, limit, filter),
      onChange: (listener) => {
        this.listeners.add(listener);
        return () => this.listeners.delete(listener);
      },
    };
  }

  get stats(): PostgresEventStoreStats {
    return { ...this.counters };
  }

  async appendToStream(streamId: string, events: readonly EventToAppend[], options: AppendOptions = {}): Promise<AppendResult> {
    this.assertOpen();
    const [result] = await this.queue.enqueue([job(streamId, events, options.expectedRevision ?? 'any')]);
    return result!;
  }

  async appendToStreams(appends: readonly StreamAppend[]): Promise<AppendResult[]> {
    this.assertOpen();
    if (!Array.isArray(appends)) throw new TypeError('appends must be an array');
    const seen = new Set<string>();
    const group = appends.map(({ streamId, events, expectedRevision = 'any' }) => {
      if (seen.has(streamId)) throw new TypeError(`Stream ${streamId} appears more than once in one append`);
      seen.add(streamId);
      return job(streamId, events, expectedRevision);
    });
    if (group.length === 0) return [];
    return this.queue.enqueue(group);
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    this.assertOpen();
    const limit = toLimit(options.maxCount);
    const backwards = options.direction === 'backwards';
    const from = options.fromRevision ?? (backwards ? MAX_INT64 : 0n);
    if (from < 0n) throw new RangeError('fromRevision must not be negative');
    const rows = await this.rows<sql.EventRow>(backwards ? sql.READ_BACKWARDS : sql.READ_FORWARDS, [
      streamId,
      String(from > MAX_INT64 ? MAX_INT64 : from),
      limit,
    ]);
    if (rows.length === 0 && (await this.streamRevision(streamId)) === undefined) throw streamNotFound(streamId);
    return rows.map(toRecordedEvent);
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    this.assertOpen();
    const limit = toLimit(options.maxCount);
    return this.available(() => this.readPage(options.fromPosition ?? START, limit, undefined)).then((page) => page.events);
  }

  subscribeToAll(options: SubscribeToAllOptions = {}): Subscription {
    this.assertOpen();
    this.wakeUps.start();
    const subscription: PostgresSubscription = new PostgresSubscription(
      this.log,
      options.fromPosition ?? START,
      options.filter,
      this.pollIntervalMs,
      () => this.subscriptions.delete(subscription),
    );
    this.subscriptions.add(subscription);
    return subscription;
  }

  async streamRevision(streamId: string): Promise<bigint | undefined> {
    this.assertOpen();
    const [row] = await this.rows<[string]>(sql.STREAM_REVISION, [streamId]);
    return row ? BigInt(row[0]) : undefined;
  }

  async headPosition(): Promise<Position> {
    this.assertOpen();
    const [row] = await this.rows<[string]>(sql.HEAD, []);
    return BigInt(row![0]);
  }

  async ping(): Promise<void> {
    this.assertOpen();
    await this.rows('SELECT 1', []);
  }

  /**
   * Runs `work` while this process holds a database-wide advisory lock, so that one process of a
   * cluster at a time does it (the audit notary's checkpoints: POSTGRES_ADVISORY_LOCKS.auditCheckpoints).
   * With `wait: false` it returns `{ acquired: false }` at once when another process holds the lock.
   * The lock lives as long as its connection: if the connection drops while `work` runs, another
   * process may take the lock, so the call then rejects with EventStoreUnavailableError (the work
   * ran, but perhaps not alone) instead of returning its value.
   */
  async withAdvisoryLock<T>(
    lock: PostgresAdvisoryLock,
    work: () => Promise<T>,
    options: { readonly wait?: boolean } = {},
  ): Promise<{ acquired: true; value: T } | { acquired: false }> {
    this.assertOpen();
    if (lock === POSTGRES_ADVISORY_LOCKS.append || lock === POSTGRES_ADVISORY_LOCKS.migrations) {
      throw new RangeError('The append and migration locks are the store’s own');
    }
    const client = await this.available(() => this.pool.connect());
    let discard: unknown;
    try {
      const acquired = await this.available(() => takeLock(client, lock, options.wait !== false)).catch((error: unknown) => {
        discard = error; // whether this connection holds the lock is unknown: close it
        throw error;
      });
      if (!acquired) return { acquired: false };
      let value: T;
      try {
        value = await work();
      } finally {
        // Closing the connection is what releases a lock that no statement could release.
        discard = await unlock(client, lock);
      }
      if (isConnectionError(discard)) {
        throw new EventStoreUnavailableError('The connection holding the advisory lock was lost while the work ran', { cause: discard });
      }
      return { acquired: true, value };
    } finally {
      releaseClient(client, discard);
    }
  }

  /** See LogImport: one transaction under the append lock, so positions continue gap-free from the head. */
  async importRecorded(events: readonly RecordedEvent[]): Promise<Position> {
    this.assertOpen();
    try {
      const { head, written } = await inTransaction(this.pool, BEGIN_AND_LOCK, async (client) => {
        const log = await this.readLogView(
          client,
          [...new Set(events.map((e) => e.streamId))],
          [...new Set(events.map((e) => e.id.toLowerCase()))],
        );
        const view: ImportView = { streams: log.streams, knownIds: new Set(log.events.keys()) };
        const { rows, streams } = planImport(events, view);
        const head = log.head + BigInt(rows.length);
        if (rows.length > 0) {
          await client.query({
            text: sql.IMPORT_BATCH,
            values: [
              rows.map((_, i) => String(log.head + BigInt(i + 1))),
              rows.map((r) => r.eventId),
              rows.map((r) => r.streamId),
              rows.map((r) => String(r.revision)),
              rows.map((r) => r.type),
              rows.map((r) => r.data),
              rows.map((r) => r.metadata),
              rows.map((r) => r.recordedAt),
              [...streams.keys()],
              [...streams.values()].map(String),
              String(head),
            ],
          });
        }
        return { head, written: rows.length > 0 };
      });
      if (written) this.ring();
      return head;
    } catch (error) {
      if (isConnectionError(error)) throw new EventStoreUnavailableError('The event store could not commit the import', { cause: error });
      throw error;
    }
  }

  /** Commits the appends already accepted, ends live subscriptions, then closes the connections. */
  async close(): Promise<void> {
    if (this.isClosed) return;
    this.isClosed = true;
    try {
      await this.queue.drain();
    } finally {
      this.ring();
      for (const subscription of [...this.subscriptions]) await subscription.unsubscribe();
      await this.wakeUps.stop();
      await this.pool.end();
    }
  }

  private async commitBatch(jobs: readonly AppendGroup[]): Promise<Outcome<AppendResult[]>[]> {
    try {
      return await this.commitInOneTransaction(jobs);
    } catch (error) {
      if (jobs.length === 1 || isConnectionError(error)) throw error;
      // The database refused a statement that the checks let through: commit each append alone,
      // so that only the one it belongs to fails.
      const outcomes: Outcome<AppendResult[]>[] = [];
      for (const job of jobs) {
        try {
          outcomes.push(...(await this.commitInOneTransaction([job])));
        } catch (alone) {
          if (isConnectionError(alone)) throw alone;
          outcomes.push({ ok: false, error: new EventStoreUnavailableError('The event store could not commit the append', { cause: alone }) });
        }
      }
      return outcomes;
    }
  }

  private async commitInOneTransaction(jobs: readonly AppendGroup[]): Promise<Outcome<AppendResult[]>[]> {
    const plan = await inTransaction(this.pool, BEGIN_AND_LOCK, async (client) => {
      const plan = planBatch(jobs, await this.readBatchView(client, jobs));
      if (plan.rows.length > 0) await client.query(writeBatch(plan));
      return plan;
    });
    this.counters.transactions += 1;
    for (const outcome of plan.outcomes) {
      if (outcome.ok) this.counters.appends += 1;
      else this.counters.refusals += 1;
    }
    if (plan.rows.length > 0) this.ring();
    return plan.outcomes;
  }

  private async readBatchView(client: PoolClient, groups: readonly AppendGroup[]): Promise<LogView> {
    const jobs = groups.flat();
    return this.readLogView(
      client,
      [...new Set(jobs.map((job) => job.streamId))],
      [...new Set(jobs.flatMap((job) => job.events.map((e) => e.id)))],
    );
  }

  private async readLogView(client: PoolClient, streamIds: string[], eventIds: string[]): Promise<LogView> {
    const { rows } = await client.query<{ head: string; streams: [string, string, string, string | null][]; known: [string, string, string, string][] }>(
      sql.READ_BATCH_VIEW,
      [streamIds, eventIds],
    );
    const row = rows[0]!;
    const view: LogView = { head: BigInt(row.head), streams: new Map(), events: new Map() };
    for (const [streamId, revision, position, hash] of row.streams) {
      const last = BigInt(revision);
      view.streams.set(streamId, {
        revision: last,
        position: BigInt(position),
        hash: isHash(hash) ? hash : await this.hashOfStored(client, streamId, last),
      });
    }
    for (const [eventId, streamId, revision, position] of row.known) {
      view.events.set(eventId, { streamId, revision: BigInt(revision), position: BigInt(position) });
    }
    return view;
  }

  /** For an event recorded without a valid hash: chain to its content as stored; verify reports it. */
  private async hashOfStored(client: PoolClient, streamId: string, revision: bigint): Promise<string> {
    const { rows } = await client.query<sql.EventRow>({ text: sql.EVENT_AT, values: [streamId, String(revision)], rowMode: 'array' });
    if (!rows[0]) throw new Error(`Stream ${streamId} has no event at revision ${revision}`);
    return chainHashOf(toRecordedEvent(rows[0]));
  }

  private async readPage(
    after: Position,
    limit: number | null,
    filter: SubscriptionFilter | undefined,
  ): Promise<{ events: RecordedEvent[]; last: Position | undefined }> {
    const { rows } = await this.pool.query<sql.EventRow>({ text: sql.READ_ALL, values: [String(after), limit], rowMode: 'array' });
    const last = rows.length > 0 ? BigInt(rows[rows.length - 1]![0]) : undefined;
    const events: RecordedEvent[] = [];
    for (const row of rows) {
      if (!filter || matchesFilter({ type: row[4], streamId: row[2] }, filter)) events.push(toRecordedEvent(row));
    }
    return { events, last };
  }

  private async rows<Row extends unknown[]>(text: string, values: unknown[]): Promise<Row[]> {
    const config: QueryConfig = { text, values, rowMode: 'array' } as QueryConfig;
    return this.available(async () => (await this.pool.query<Row>(config)).rows);
  }

  /** Turns a lost or refused connection into the port's typed error. */
  private async available<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (isConnectionError(error)) throw new EventStoreUnavailableError('The event store cannot be reached', { cause: error });
      if (this.isClosed) throw new EventStoreUnavailableError('The event store is closed', { cause: error });
      throw error;
    }
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

/** Takes the session-level lock; false when `wait` is false and another session holds it. */
async function takeLock(client: PoolClient, lock: PostgresAdvisoryLock, wait: boolean): Promise<boolean> {
  if (!wait) {
    const { rows } = await client.query<{ acquired: boolean }>('SELECT pg_try_advisory_lock($1, $2) AS acquired', [POSTGRES_LOCK_NAMESPACE, lock]);
    return rows[0]?.acquired === true;
  }
  await client.query('SELECT pg_advisory_lock($1, $2)', [POSTGRES_LOCK_NAMESPACE, lock]);
  return true;
}

/** Releases the lock; resolves with why it could not (the connection must then be closed), or undefined. */
async function unlock(client: PoolClient, lock: PostgresAdvisoryLock): Promise<unknown> {
  return client.query('SELECT pg_advisory_unlock($1, $2)', [POSTGRES_LOCK_NAMESPACE, lock]).then(
    () => undefined,
    (failed: unknown) => failed ?? new Error('pg_advisory_unlock failed'),
  );
}

function writeBatch(plan: BatchPlan): QueryConfig {
  const { rows } = plan;
  return {
    text: sql.WRITE_BATCH,
    values: [
      rows.map((r) => String(r.position)),
      rows.map((r) => r.eventId),
      rows.map((r) => r.streamId),
      rows.map((r) => String(r.revision)),
      rows.map((r) => r.type),
      rows.map((r) => r.data),
      rows.map((r) => r.metadata),
      [...plan.streams.keys()],
      [...plan.streams.values()].map(String),
      String(plan.head),
    ],
  };
}

function toRecordedEvent(row: sql.EventRow): RecordedEvent {
  return {
    id: row[1],
    type: row[4],
    streamId: row[2],
    revision: BigInt(row[3]),
    position: BigInt(row[0]),
    data: row[5],
    metadata: row[6],
    recordedAt: row[7].toISOString(),
  };
}

function toLimit(maxCount: number | undefined): number | null {
  if (maxCount === undefined) return null;
  if (!Number.isInteger(maxCount) || maxCount < 0) throw new RangeError('maxCount must be a non-negative integer');
  return maxCount;
}
