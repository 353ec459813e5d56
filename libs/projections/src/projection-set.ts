import type { Database, Statement } from 'better-sqlite3';
import { markOf, type LogMark, type RecordedEvent } from '@kom/event-store';
import type { Projection } from './projection';
import { ProjectionApplyError } from './projection-errors';

export const CHECKPOINT_TABLE = 'projection_checkpoints';

const NAME = /^[a-z0-9_-]+$/;
const TABLE = /^[A-Za-z_][A-Za-z0-9_]*$/;
const QUERY_INDEX = /^\s*CREATE\s+(UNIQUE\s+)?INDEX\s+IF\s+NOT\s+EXISTS\s[^;]*;?\s*$/i;

/**
 * The projections of one read-model database, their checkpoints, and the one operation that
 * matters: apply a batch of events and advance the checkpoints in a single SQLite transaction.
 * Shared by the ProjectionRunner (catch-up and live) and by rebuildAll.
 */
export class ProjectionSet {
  /** Committed checkpoints, index-aligned with `projections`. Only changed after a commit. */
  readonly checkpoints: bigint[];
  /** The event each stored checkpoint stands on (undefined at 0, or for a row written before marks existed). */
  readonly marks: Array<LogMark | undefined>;
  /** event type -> indices of the projections that handle it. */
  private readonly byType = new Map<string, number[]>();
  /** Indices of the projections that handle every event ('*'); also appended to each byType list. */
  private readonly everyType: number[] = [];
  /** Indices of the projections whose query indexes initialise left out. */
  private readonly pendingQueryIndexes = new Set<number>();
  // Prepared by initialise(), once the checkpoint table exists.
  private applyInTransaction: ((events: readonly RecordedEvent[]) => void) | undefined;
  private updateCheckpoint: Statement<[string, string, string, string, string | null, string]> | undefined;

  constructor(
    readonly db: Database,
    readonly projections: readonly Projection[],
  ) {
    validate(projections);
    this.checkpoints = projections.map(() => 0n);
    this.marks = projections.map(() => undefined);
    projections.forEach((projection, index) => {
      if (projection.handles === '*') {
        this.everyType.push(index);
        return;
      }
      for (const type of new Set(projection.handles)) {
        const list = this.byType.get(type);
        if (list) list.push(index);
        else this.byType.set(type, [index]);
      }
    });
    if (this.everyType.length > 0) for (const list of this.byType.values()) list.push(...this.everyType);
  }

  /**
   * Creates the projections' tables and loads their checkpoints. A projection without a checkpoint
   * row, or whose stored version differs (or every projection, when `rebuild` is true) has its
   * tables dropped and re-created and its checkpoint set to 0 — all in one transaction, so a crash
   * leaves either the old state or the reset one. `reset` names projections to reset regardless
   * (their checkpoints no longer match the log). `deferQueryIndexes`: leave out every projection's
   * query indexes until createQueryIndexes() (a rebuild); 'reset': only those of the projections
   * reset here, which start from position 0 (a runner catching up). A crash before they are created
   * leaves them to the next initialise. Returns the names of the projections reset.
   */
  initialise(options: { rebuild?: boolean; reset?: readonly string[]; deferQueryIndexes?: boolean | 'reset' } = {}): string[] {
    const db = this.db;
    db.exec(
      `CREATE TABLE IF NOT EXISTS ${CHECKPOINT_TABLE} (
         name TEXT PRIMARY KEY,
         version INTEGER NOT NULL,
         position TEXT NOT NULL -- decimal text: KurrentDB positions exceed 2^63
       )`,
    );
    addMarkColumns(db, CHECKPOINT_TABLE);
    this.updateCheckpoint = db.prepare(
      `UPDATE ${CHECKPOINT_TABLE} SET position = ?, event_id = ?, stream_id = ?, revision = ?, hash = ? WHERE name = ?`,
    );
    const upsertCheckpoint = db.prepare<[string, number, string]>(
      `INSERT INTO ${CHECKPOINT_TABLE} (name, version, position) VALUES (?, ?, ?)
       ON CONFLICT (name) DO UPDATE SET version = excluded.version, position = excluded.position,
         event_id = NULL, stream_id = NULL, revision = NULL, hash = NULL`,
    );
    // BEGIN IMMEDIATE: take the write lock up front rather than upgrading a read lock mid-batch.
    this.applyInTransaction = db.transaction((events: readonly RecordedEvent[]) => this.applyEvents(events)).immediate;
    const select = this.db.prepare<[string], { version: number; position: string } & MarkColumns>(
      `SELECT version, position, event_id, stream_id, revision, hash FROM ${CHECKPOINT_TABLE} WHERE name = ?`,
    );
    const reset: string[] = [];
    this.db
      .transaction(() => {
        this.projections.forEach((projection, index) => {
          const row = select.get(projection.name);
          const resetThis = options.rebuild || options.reset?.includes(projection.name);
          if (resetThis || row === undefined || row.version !== projection.version) {
            for (const table of projection.tables) this.db.exec(`DROP TABLE IF EXISTS "${table}"`);
            projection.setup(this.db);
            this.queryIndexesNowOrLater(index, Boolean(options.deferQueryIndexes));
            upsertCheckpoint.run(projection.name, projection.version, '0');
            this.checkpoints[index] = 0n;
            this.marks[index] = undefined;
            if (row !== undefined || resetThis) reset.push(projection.name);
          } else {
            projection.setup(this.db);
            this.queryIndexesNowOrLater(index, options.deferQueryIndexes === true);
            this.checkpoints[index] = BigInt(row.position);
            this.marks[index] = markFromRow(BigInt(row.position), row);
          }
        });
      })
      .immediate();
    return reset;
  }

  /**
   * The lowest committed checkpoint: where a shared subscription must start, and how far every
   * projection has got. Without projections nothing is behind: undefined.
   */
  minCheckpoint(): bigint | undefined {
    const checkpoints = this.checkpoints;
    if (checkpoints.length === 0) return undefined;
    let min = checkpoints[0]!;
    for (let i = 1; i < checkpoints.length; i++) if (checkpoints[i]! < min) min = checkpoints[i]!;
    return min;
  }

  /**
   * Applies `events` (ascending positions) to every projection that handles them and whose
   * checkpoint is below the event, then moves every checkpoint below the batch's last position up
   * to it. One transaction: on any error nothing of the batch is kept and the error is rethrown.
   */
  commitBatch(events: readonly RecordedEvent[]): void {
    if (events.length === 0) return;
    if (this.applyInTransaction === undefined) throw new Error('ProjectionSet.initialise() must run first');
    this.applyInTransaction(events);
    // Committed: publish the new checkpoints.
    const lastEvent = events[events.length - 1]!;
    const last = lastEvent.position;
    const checkpoints = this.checkpoints;
    const mark = markOf(lastEvent);
    for (let i = 0; i < checkpoints.length; i++) {
      if (checkpoints[i]! < last) {
        checkpoints[i] = last;
        this.marks[i] = mark;
      }
    }
  }

  private queryIndexesNowOrLater(index: number, later: boolean): void {
    if (later && (this.projections[index]!.queryIndexes?.length ?? 0) > 0) {
      this.pendingQueryIndexes.add(index);
    } else {
      createQueryIndexes(this.db, this.projections[index]!);
      this.pendingQueryIndexes.delete(index);
    }
  }

  /** True while query indexes left out by initialise have not been created. */
  get queryIndexesPending(): boolean {
    return this.pendingQueryIndexes.size > 0;
  }

  /** Creates the query indexes initialise left out, in one transaction. */
  createQueryIndexes(): void {
    if (this.pendingQueryIndexes.size === 0) return;
    this.db.transaction(() => this.pendingQueryIndexes.forEach((index) => createQueryIndexes(this.db, this.projections[index]!))).immediate();
    this.pendingQueryIndexes.clear();
  }

  status(): Array<{ name: string; version: number; position: bigint }> {
    return this.projections.map((p, i) => ({ name: p.name, version: p.version, position: this.checkpoints[i]! }));
  }

  private applyEvents(events: readonly RecordedEvent[]): void {
    const { db, projections, checkpoints, byType } = this;
    let event: RecordedEvent | undefined;
    let target = -1;
    try {
      for (let i = 0; i < events.length; i++) {
        event = events[i]!;
        const targets = byType.get(event.type) ?? this.everyType;
        if (targets.length === 0) continue;
        for (let j = 0; j < targets.length; j++) {
          target = targets[j]!;
          if (event.position > checkpoints[target]!) projections[target]!.apply(db, event);
        }
      }
    } catch (cause) {
      const name = projections[target]?.name ?? '?';
      throw new ProjectionApplyError(name, event?.type ?? '?', event?.position ?? -1n, event?.id ?? '?', { cause });
    }
    const lastEvent = events[events.length - 1]!;
    const last = lastEvent.position;
    const { eventId, streamId, revision, hash } = markOf(lastEvent);
    const position = String(last);
    for (let i = 0; i < checkpoints.length; i++) {
      if (checkpoints[i]! < last) this.updateCheckpoint!.run(position, eventId, streamId, String(revision), hash, projections[i]!.name);
    }
  }
}

function createQueryIndexes(db: Database, projection: Projection): void {
  for (const sql of projection.queryIndexes ?? []) db.exec(sql);
}

/** The columns that record which event a checkpoint stands on (see LogMark). */
export interface MarkColumns {
  event_id: string | null;
  stream_id: string | null;
  revision: string | null;
  hash: string | null;
}

/** Adds the mark columns to a checkpoint table made before they existed (their rows get NULLs). */
export function addMarkColumns(db: Database, table: string): void {
  const columns = new Set(db.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(table) as string[]);
  for (const column of ['event_id', 'stream_id', 'revision', 'hash']) {
    if (!columns.has(column)) db.exec(`ALTER TABLE ${table} ADD COLUMN ${column} TEXT`);
  }
}

export function markFromRow(position: bigint, row: MarkColumns): LogMark | undefined {
  if (row.event_id === null || row.stream_id === null || row.revision === null) return undefined;
  return { position, eventId: row.event_id, streamId: row.stream_id, revision: BigInt(row.revision), hash: row.hash };
}

function validate(projections: readonly Projection[]): void {
  const names = new Set<string>();
  const owners = new Map<string, string>();
  for (const projection of projections) {
    if (!NAME.test(projection.name)) throw new Error(`Projection name "${projection.name}" must match ${NAME}`);
    if (names.has(projection.name)) throw new Error(`Duplicate projection name "${projection.name}"`);
    names.add(projection.name);
    if (!Number.isInteger(projection.version)) {
      throw new Error(`Projection "${projection.name}": version must be an integer`);
    }
    for (const sql of projection.queryIndexes ?? []) {
      // Idempotent, since initialise runs them on every start.
      if (!QUERY_INDEX.test(sql)) throw new Error(`Projection "${projection.name}": a query index must be one CREATE INDEX IF NOT EXISTS statement: ${sql}`);
    }
    for (const table of projection.tables) {
      if (!TABLE.test(table)) throw new Error(`Projection "${projection.name}": invalid table name "${table}"`);
      if (table.toLowerCase() === CHECKPOINT_TABLE || table.toLowerCase().startsWith('sqlite_')) {
        throw new Error(`Projection "${projection.name}" cannot own table "${table}"`);
      }
      const owner = owners.get(table.toLowerCase());
      if (owner !== undefined) {
        throw new Error(`Table "${table}" is owned by both "${owner}" and "${projection.name}"`);
      }
      owners.set(table.toLowerCase(), projection.name);
    }
  }
}
