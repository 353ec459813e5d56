import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { EventStore, EventToAppend, RecordedEvent } from '@kom/event-store';
import { SqliteEventStore } from '@kom/event-store';
import {
  CHECKPOINT_TABLE,
  ProjectionApplyError,
  ProjectionRunner,
  ProjectionRunnerStoppedError,
  ProjectionTimeoutError,
  ReadModelDatabase,
  preparedStatements,
  rebuildAll,
  type Projection,
} from './index';

function createStore(): EventStore {
  return SqliteEventStore.open(':memory:', { pollIntervalMs: 10 });
}

/** A deliberately NON-idempotent projection: applying an event twice shows as a wrong count. */
function counterProjection(options: { name?: string; version?: number; failOn?: string; handles?: string[] | '*' } = {}): Projection {
  const name = options.name ?? 'counter';
  const version = options.version ?? 1;
  const totals = `${name.replace(/-/g, '_')}_totals`;
  const items = `${name.replace(/-/g, '_')}_items`;
  const statements = preparedStatements((db: Database) => ({
    increment: db.prepare(
      `INSERT INTO ${totals} (stream_id, count) VALUES (?, 1) ON CONFLICT (stream_id) DO UPDATE SET count = count + 1`,
    ),
    item: db.prepare(`INSERT INTO ${items} (position, stream_id, type, version) VALUES (?, ?, ?, ?)`),
  }));
  return {
    name,
    version,
    handles: options.handles ?? ['Counted', 'Boom'],
    tables: [totals, items],
    setup(db) {
      db.exec(`CREATE TABLE IF NOT EXISTS ${totals} (stream_id TEXT PRIMARY KEY, count INTEGER NOT NULL)`);
      db.exec(
        `CREATE TABLE IF NOT EXISTS ${items} (position TEXT PRIMARY KEY, stream_id TEXT NOT NULL, type TEXT NOT NULL, version INTEGER NOT NULL)`,
      );
    },
    apply(db, event) {
      if (options.failOn !== undefined && event.type === options.failOn) throw new Error('projection bug');
      const s = statements(db);
      s.increment.run(event.streamId);
      // Not an upsert: a second application of the same event violates the primary key.
      s.item.run(String(event.position), event.streamId, event.type, version);
    },
  };
}

function counted(n: number, type = 'Counted'): EventToAppend[] {
  return Array.from({ length: n }, (_, i) => ({ id: randomUUID(), type, data: { i }, metadata: {} }));
}

function total(db: Database, name = 'counter'): number {
  return (db.prepare(`SELECT COALESCE(SUM(count), 0) AS n FROM ${name}_totals`).get() as { n: number }).n;
}

function items(db: Database, name = 'counter'): Array<{ position: string; version: number; type: string }> {
  return db.prepare(`SELECT position, version, type FROM ${name}_items ORDER BY CAST(position AS INTEGER)`).all() as never;
}

function storedCheckpoint(db: Database, name: string): { version: number; position: string } | undefined {
  return db.prepare(`SELECT version, position FROM ${CHECKPOINT_TABLE} WHERE name = ?`).get(name) as never;
}

function storedMark(db: Database, name = 'counter'): unknown {
  return db.prepare(`SELECT event_id, stream_id, revision, hash FROM ${CHECKPOINT_TABLE} WHERE name = ?`).get(name);
}

const quiet = { log: () => undefined, error: () => undefined };

describe('ProjectionRunner', () => {
  let store: EventStore;
  let readModels: ReadModelDatabase;
  const runners: ProjectionRunner[] = [];

  function runner(projections: Projection[], options: ConstructorParameters<typeof ProjectionRunner>[3] = {}) {
    const r = new ProjectionRunner(store, readModels, projections, { logger: quiet, ...options });
    runners.push(r);
    return r;
  }

  beforeEach(() => {
    store = createStore();
    readModels = ReadModelDatabase.open(':memory:');
  });

  afterEach(async () => {
    for (const r of runners.splice(0)) await r.stop();
    readModels.close();
    await store.close();
  });

  it('catches up in large batches, then follows the log live in small ones', async () => {
    for (let s = 0; s < 5; s++) await store.appendToStream(`counter-${s}`, counted(9));
    const batches: number[] = [];
    const r = runner([counterProjection()], { catchUpBatchSize: 10, liveBatchSize: 3, onCommitted: (e) => batches.push(e.length) });
    await r.start();
    await r.waitFor(45n);
    expect(total(readModels.db)).toBe(45);
    expect(batches.slice(0, 4)).toEqual([10, 10, 10, 10]); // catch-up pages of catchUpBatchSize
    expect(await r.isCaughtUp()).toBe(true);

    batches.length = 0;
    const { position } = await store.appendToStream('counter-live', counted(7));
    await r.waitFor(position);
    expect(total(readModels.db)).toBe(52);
    expect(items(readModels.db).map((i) => i.position)).toEqual(Array.from({ length: 52 }, (_, i) => String(i + 1)));
    expect(Math.max(...batches)).toBeLessThanOrEqual(3); // live batches never exceed liveBatchSize
    expect(batches.reduce((a, b) => a + b, 0)).toBe(7);
    expect(r.status()).toEqual([{ name: 'counter', version: 1, position: 52n }]);
    expect(storedCheckpoint(readModels.db, 'counter')).toEqual({ version: 1, position: '52' });
  });

  it('commits a live batch without waiting for more events', async () => {
    const r = runner([counterProjection()], { liveBatchSize: 1000 });
    await r.start();
    const { position } = await store.appendToStream('counter-1', counted(1));
    // With a batch size of 1000 and a single event, only "no further event is ready" can commit it.
    await r.waitFor(position, { timeoutMs: 5000 });
    expect(total(readModels.db)).toBe(1);
  });

  it('resolves waitFor only once the position is committed and visible in the read model', async () => {
    const r = runner([counterProjection()]);
    await r.start();
    let seenOnResolve: number | undefined;
    const waiting = r.waitFor(3n).then(() => {
      seenOnResolve = total(readModels.db);
    });
    await store.appendToStream('counter-1', counted(2));
    await r.waitFor(2n);
    expect(seenOnResolve).toBeUndefined(); // position 3 is not in the log yet
    await store.appendToStream('counter-1', counted(1));
    await waiting;
    expect(seenOnResolve).toBe(3);
    // Already reached: resolves at once.
    await expect(r.waitFor(1n)).resolves.toBeUndefined();
  });

  it('rejects waitFor with a clear error on timeout', async () => {
    const r = runner([counterProjection()]);
    await r.start();
    const error = await r.waitFor(99n, { timeoutMs: 20 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProjectionTimeoutError);
    expect((error as Error).message).toContain('position 99');
    expect((error as Error).message).toContain('counter@0');
  });

  it('rebuilds a projection whose version changed: old rows gone, rebuilt rows present', async () => {
    await store.appendToStream('counter-1', counted(4));
    const v1 = runner([counterProjection({ version: 1 })]);
    await v1.start();
    await v1.waitFor(4n);
    await v1.stop();
    expect(items(readModels.db).map((i) => i.version)).toEqual([1, 1, 1, 1]);

    await store.appendToStream('counter-2', counted(2));
    const v2 = runner([counterProjection({ version: 2 })]);
    await v2.start();
    await v2.waitFor(6n);
    expect(items(readModels.db).map((i) => i.version)).toEqual([2, 2, 2, 2, 2, 2]);
    expect(total(readModels.db)).toBe(6); // counted once each: the old totals were dropped
    expect(storedCheckpoint(readModels.db, 'counter')).toEqual({ version: 2, position: '6' });
  });

  it('rolls back the whole batch of a throwing projection, keeps its checkpoint, stops and rejects waitFor', async () => {
    const errors: unknown[] = [];
    const r = runner([counterProjection({ failOn: 'Boom' })], { onError: (e) => errors.push(e) });
    await r.start();
    await store.appendToStream('counter-1', counted(3));
    await r.waitFor(3n);

    // One append: the subscription has all four ready at once, so they form one batch.
    const { position } = await store.appendToStream('counter-1', [...counted(2), ...counted(1, 'Boom'), ...counted(1)]);
    const waiting = r.waitFor(position).catch((e: unknown) => e);
    const error = await waiting;
    expect(error).toBeInstanceOf(ProjectionRunnerStoppedError);
    expect((error as Error).cause).toBeInstanceOf(ProjectionApplyError);
    expect((error as Error).message).toMatch(/counter.*Boom.*position 6/);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toBeInstanceOf(ProjectionApplyError);

    // The two good events before the failing one were rolled back with it; nothing was skipped.
    expect(total(readModels.db)).toBe(3);
    expect(storedCheckpoint(readModels.db, 'counter')).toEqual({ version: 1, position: '3' });
    expect(r.status()[0]!.position).toBe(3n);
    await expect(r.waitFor(1n)).rejects.toBeInstanceOf(ProjectionRunnerStoppedError);

    // Fixed code resumes from the kept checkpoint and applies each event exactly once.
    const fixed = runner([counterProjection()]);
    await fixed.start();
    await fixed.waitFor(position);
    expect(total(readModels.db)).toBe(7);
  });

  it('also rolls back a failing catch-up batch', async () => {
    await store.appendToStream('counter-1', [...counted(5), ...counted(1, 'Boom'), ...counted(5)]);
    const errors: unknown[] = [];
    const r = runner([counterProjection({ failOn: 'Boom' })], { catchUpBatchSize: 4, onError: (e) => errors.push(e) });
    await r.start();
    await expect(r.waitFor(11n)).rejects.toBeInstanceOf(ProjectionRunnerStoppedError);
    expect(errors).toHaveLength(1);
    // Batch 1..4 committed; batch 5..8 (containing the Boom at 6) rolled back entirely.
    expect(total(readModels.db)).toBe(4);
    expect(storedCheckpoint(readModels.db, 'counter')!.position).toBe('4');
  });

  it('feeds projections with different checkpoints from one subscription, each skipping what it has', async () => {
    await store.appendToStream('counter-1', counted(10));
    const first = runner([counterProjection({ name: 'alpha' }), counterProjection({ name: 'beta', handles: ['Other'] })]);
    await first.start();
    await first.waitFor(10n);
    await first.stop();
    expect(total(readModels.db, 'alpha')).toBe(10);
    expect(total(readModels.db, 'beta')).toBe(0);
    // Events a projection does not handle still advance its checkpoint.
    expect(storedCheckpoint(readModels.db, 'beta')!.position).toBe('10');

    await store.appendToStream('counter-2', [...counted(3), ...counted(2, 'Other')]);
    // beta's new version starts again at 0; alpha stays at 10.
    const batches: RecordedEvent[][] = [];
    const second = runner(
      [counterProjection({ name: 'alpha' }), counterProjection({ name: 'beta', version: 2, handles: ['Counted', 'Other'] })],
      { onCommitted: (e) => batches.push([...e]) },
    );
    await second.start();
    expect(second.status().map((s) => s.position)).toEqual([10n, 0n]);
    await second.waitFor(15n);
    expect(total(readModels.db, 'alpha')).toBe(13); // 10 + 3, nothing re-applied (the counter would show it)
    expect(total(readModels.db, 'beta')).toBe(15);
    expect(batches.flat()[0]!.position).toBe(1n); // one subscription from the lowest checkpoint
    expect(second.status()).toEqual([
      { name: 'alpha', version: 1, position: 15n },
      { name: 'beta', version: 2, position: 15n },
    ]);
  });

  it('resumes from its checkpoint after a restart without re-applying anything', async () => {
    const dir = await import('node:fs').then((fs) => fs.mkdtempSync(require('node:path').join(require('node:os').tmpdir(), 'proj-')));
    const file = require('node:path').join(dir, 'read-models.db') as string;
    readModels.close();
    readModels = ReadModelDatabase.open(file);
    try {
      await store.appendToStream('counter-1', counted(20));
      const first = runner([counterProjection()], { catchUpBatchSize: 6 });
      await first.start();
      await first.waitFor(20n);
      await first.stop();
      readModels.close();

      await store.appendToStream('counter-2', counted(5));
      readModels = ReadModelDatabase.open(file);
      const applied: bigint[] = [];
      const second = runner([counterProjection()], { onCommitted: (e) => applied.push(...e.map((x) => x.position)) });
      await second.start();
      expect(second.status()[0]!.position).toBe(20n);
      await second.waitFor(25n);
      expect(applied).toEqual([21n, 22n, 23n, 24n, 25n]);
      expect(total(readModels.db)).toBe(25);
    } finally {
      readModels.close();
      require('node:fs').rmSync(dir, { recursive: true, force: true });
    }
  });

  it('stop() ends the subscription; waitFor then rejects', async () => {
    const r = runner([counterProjection()]);
    await r.start();
    const pending = r.waitFor(1n).catch((e: unknown) => e);
    await r.stop();
    expect(await pending).toBeInstanceOf(ProjectionRunnerStoppedError);
    await expect(r.waitFor(1n)).rejects.toThrow(/stopped/);
    await store.appendToStream('counter-1', counted(1));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(total(readModels.db)).toBe(0);
  });

  it('with no projections, has nothing to wait for', async () => {
    const r = runner([]);
    await r.start();
    await store.appendToStream('counter-1', counted(2));
    await expect(r.waitFor(2n, { timeoutMs: 1000 })).resolves.toBeUndefined();
    expect(await r.isCaughtUp()).toBe(true);
  });

  it('refuses invalid or clashing projections', () => {
    expect(() => runner([counterProjection({ name: 'Bad Name' })])).toThrow(/must match/);
    expect(() => runner([counterProjection(), counterProjection()])).toThrow(/Duplicate/);
    const clash = { ...counterProjection({ name: 'other' }), tables: ['counter_totals'] };
    expect(() => runner([counterProjection(), clash])).toThrow(/owned by both/);
  });

  it('rebuildAll drops and replays everything into the database', async () => {
    await store.appendToStream('counter-1', counted(12));
    const r = runner([counterProjection()]);
    await r.start();
    await r.waitFor(12n);
    await r.stop();
    readModels.db.exec(`UPDATE counter_totals SET count = 999`); // damage it
    const result = await rebuildAll(store, readModels, [counterProjection()], { batchSize: 5 });
    expect(result).toEqual({ events: 12 });
    expect(total(readModels.db)).toBe(12);
    expect(storedCheckpoint(readModels.db, 'counter')).toEqual({ version: 1, position: '12' });
  });

  describe('read models the log no longer bears out', () => {
    const logged: Array<{ msg: string; ctx?: object }> = [];
    const recording = { log: () => undefined, error: (msg: string, ctx?: object) => logged.push({ msg, ctx }) };
    beforeEach(() => (logged.length = 0));

    /** Projects `events` from `from` into the shared read models, then stops. */
    async function projectFrom(from: EventStore, events: number) {
      const r = new ProjectionRunner(from, readModels, [counterProjection()], { logger: recording });
      await r.start();
      await r.waitFor(BigInt(events));
      await r.stop();
    }

    it('rebuilds from the log when its checkpoint is beyond the log head (an older log restored)', async () => {
      const batch = counted(10);
      await store.appendToStream('counter-1', batch);
      await projectFrom(store, 10);
      const older = createStore();
      try {
        await older.appendToStream('counter-1', batch.slice(0, 6)); // the same first six events
        await older.appendToStream('counter-2', counted(1)); // and a new write at position 7
        const r = new ProjectionRunner(older, readModels, [counterProjection()], { logger: recording });
        await r.start();
        await r.waitFor(7n);
        await r.stop();
        expect(total(readModels.db)).toBe(7);
        expect(items(readModels.db).map((i) => i.position)).toEqual(['1', '2', '3', '4', '5', '6', '7']);
        expect(logged).toEqual([
          expect.objectContaining({ msg: expect.stringMatching(/does not match the event log/), ctx: expect.objectContaining({ projection: 'counter', problem: expect.stringMatching(/beyond the log's head 7/) }) }),
        ]);
      } finally {
        await older.close();
      }
    });

    it('rebuilds from the log when the event at its checkpoint is another one (another log, same length)', async () => {
      await store.appendToStream('counter-1', counted(5));
      await projectFrom(store, 5);
      const other = createStore();
      try {
        await other.appendToStream('counter-9', counted(5));
        const r = new ProjectionRunner(other, readModels, [counterProjection()], { logger: recording });
        await r.start();
        await r.waitFor(5n);
        await r.stop();
        expect(items(readModels.db).map((i) => i.position)).toHaveLength(5);
        expect(readModels.db.prepare('SELECT stream_id, count FROM counter_totals').all()).toEqual([{ stream_id: 'counter-9', count: 5 }]);
        expect(logged[0]!.ctx).toMatchObject({ problem: expect.stringMatching(/is not in the log/) });
      } finally {
        await other.close();
      }
    });

    it('keeps read models whose checkpoint stands on the same event, and records that event', async () => {
      await store.appendToStream('counter-1', counted(4));
      await projectFrom(store, 4);
      const [last] = await store.readAll({ fromPosition: 3n });
      expect(storedMark(readModels.db)).toEqual({ event_id: last!.id, stream_id: 'counter-1', revision: '3', hash: (last!.metadata as { hash: string }).hash });
      await store.appendToStream('counter-1', counted(1));
      const applied: bigint[] = [];
      const r = runner([counterProjection()], { logger: recording, onCommitted: (e) => applied.push(...e.map((x) => x.position)) });
      await r.start();
      await r.waitFor(5n);
      expect(applied).toEqual([5n]);
      expect(logged).toEqual([]);
    });
  });

  it("feeds a projection that handles '*' every event, whatever its type, next to typed ones", async () => {
    await store.appendToStream('counter-1', counted(3));
    await store.appendToStream('other-1', counted(2, 'Unlisted'));
    await store.appendToStream('counter-2', counted(1));
    const r = runner([counterProjection(), counterProjection({ name: 'every', handles: '*' })]);
    await r.start();
    await r.waitFor(6n);
    expect(total(readModels.db)).toBe(4);
    expect(total(readModels.db, 'every')).toBe(6);
  });
});
