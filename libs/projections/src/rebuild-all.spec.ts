import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { SqliteEventStore, type EventStore } from '@kom/event-store';
import { CHECKPOINT_TABLE, ProjectionApplyError, ProjectionRunner, ReadModelDatabase, rebuildAll, type Projection } from './index';
import { ProjectionSet } from './projection-set';

/** One row per event; a query index on `kind` that apply never reads through. */
function notesProjection(options: { failAt?: bigint; queryIndexes?: string[]; name?: string } = {}): Projection {
  const name = options.name ?? 'notes';
  return {
    name,
    version: 1,
    handles: ['Noted'],
    tables: [name],
    setup(db) {
      db.exec(`CREATE TABLE IF NOT EXISTS ${name} (position INTEGER PRIMARY KEY, kind TEXT NOT NULL)`);
    },
    queryIndexes: options.queryIndexes ?? [`CREATE INDEX IF NOT EXISTS ${name}_by_kind ON ${name} (kind)`],
    apply(db, event) {
      if (event.position === options.failAt) throw new Error('projection bug');
      db.prepare(`INSERT INTO ${name} (position, kind) VALUES (?, ?)`).run(Number(event.position), (event.data as { kind: string }).kind);
    },
  };
}

const hasIndex = (db: Database, name: string): boolean =>
  db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?`).get(name) !== undefined;
const rows = (db: Database): number => (db.prepare('SELECT COUNT(*) AS n FROM notes').get() as { n: number }).n;
const checkpoint = (db: Database): string =>
  (db.prepare(`SELECT position FROM ${CHECKPOINT_TABLE} WHERE name = 'notes'`).get() as { position: string }).position;

describe('rebuildAll', () => {
  let store: EventStore;
  let readModels: ReadModelDatabase;

  beforeEach(async () => {
    store = SqliteEventStore.open(':memory:');
    readModels = ReadModelDatabase.open(':memory:');
    const events = Array.from({ length: 10 }, (_, i) => ({ id: randomUUID(), type: 'Noted', data: { kind: i % 2 ? 'odd' : 'even' }, metadata: {} }));
    await store.appendToStream('notes-1', events);
  });

  afterEach(async () => {
    readModels.close();
    await store.close();
  });

  it('creates the query indexes once the last event is in, not before', async () => {
    const during: boolean[] = [];
    await rebuildAll(store, readModels, [notesProjection()], {
      batchSize: 2,
      eventsPerTransaction: 2,
      onProgress: () => during.push(hasIndex(readModels.db, 'notes_by_kind')),
    });
    expect(during).toEqual([false, false, false, false, false]);
    expect(hasIndex(readModels.db, 'notes_by_kind')).toBe(true);
    expect(rows(readModels.db)).toBe(10);
    // The query uses it.
    const plan = readModels.db.prepare(`EXPLAIN QUERY PLAN SELECT position FROM notes WHERE kind = 'odd'`).all() as Array<{ detail: string }>;
    expect(plan.map((p) => p.detail).join(' ')).toContain('notes_by_kind');
  });

  it('drops the query indexes of the old tables with them', async () => {
    await rebuildAll(store, readModels, [notesProjection()]);
    const seen: boolean[] = [];
    await rebuildAll(store, readModels, [notesProjection()], { batchSize: 5, onProgress: () => seen.push(hasIndex(readModels.db, 'notes_by_kind')) });
    expect(seen).toEqual([false]);
    expect(hasIndex(readModels.db, 'notes_by_kind')).toBe(true);
  });

  it('commits every eventsPerTransaction events in whole pages, and once more at the end', async () => {
    const committed: number[] = [];
    const checkpoints: string[] = [];
    await rebuildAll(store, readModels, [notesProjection()], {
      batchSize: 2,
      eventsPerTransaction: 3,
      onProgress: ({ events }) => {
        committed.push(events);
        expect(readModels.db.inTransaction).toBe(false);
        checkpoints.push(checkpoint(readModels.db));
      },
    });
    expect(committed).toEqual([4, 8, 10]);
    expect(checkpoints).toEqual(['4', '8', '10']);
  });

  it('stops at untilPosition within a transaction and commits what it applied', async () => {
    await rebuildAll(store, readModels, [notesProjection()], { batchSize: 4, eventsPerTransaction: 100, untilPosition: 6n });
    expect(rows(readModels.db)).toBe(6);
    expect(checkpoint(readModels.db)).toBe('6');
    expect(readModels.db.inTransaction).toBe(false);
    expect(hasIndex(readModels.db, 'notes_by_kind')).toBe(true);
  });

  it('on a failing event keeps what was committed before, rolls back the open transaction, and a start then creates the indexes', async () => {
    await expect(rebuildAll(store, readModels, [notesProjection({ failAt: 7n })], { batchSize: 2, eventsPerTransaction: 3 })).rejects.toBeInstanceOf(
      ProjectionApplyError,
    );
    expect(readModels.db.inTransaction).toBe(false);
    // Committed after events 1-4 (two pages); events 5-6 were in the transaction that failed.
    expect(rows(readModels.db)).toBe(4);
    expect(checkpoint(readModels.db)).toBe('4');
    expect(hasIndex(readModels.db, 'notes_by_kind')).toBe(false);

    // What a runner does on the next start: the tables stay (the version matches), the indexes come.
    new ProjectionSet(readModels.db, [notesProjection()]).initialise();
    expect(hasIndex(readModels.db, 'notes_by_kind')).toBe(true);
    expect(rows(readModels.db)).toBe(4);
  });

  it('refuses a bad page or transaction size before it touches the read models', async () => {
    await rebuildAll(store, readModels, [notesProjection()]);
    for (const options of [{ batchSize: 0 }, { eventsPerTransaction: 0 }, { eventsPerTransaction: 2.5 }]) {
      await expect(rebuildAll(store, readModels, [notesProjection()], options)).rejects.toThrow(/must be a positive integer/);
      expect(rows(readModels.db)).toBe(10);
      expect(hasIndex(readModels.db, 'notes_by_kind')).toBe(true);
    }
  });

  it('refuses a query index that is not one idempotent CREATE INDEX statement', () => {
    for (const sql of ['CREATE INDEX notes_by_kind ON notes (kind)', 'DROP TABLE notes', 'CREATE INDEX IF NOT EXISTS a ON notes (kind); DROP TABLE notes']) {
      expect(() => new ProjectionSet(readModels.db, [notesProjection({ queryIndexes: [sql] })])).toThrow(/query index/);
    }
    expect(() => new ProjectionSet(readModels.db, [notesProjection({ queryIndexes: ['create unique index if not exists u on notes (kind, position)'] })])).not.toThrow();
  });
});

describe('query indexes of a runner', () => {
  let store: EventStore;
  let readModels: ReadModelDatabase;

  beforeEach(async () => {
    store = SqliteEventStore.open(':memory:', { pollIntervalMs: 10 });
    readModels = ReadModelDatabase.open(':memory:');
    await store.appendToStream('notes-1', Array.from({ length: 10 }, () => ({ id: randomUUID(), type: 'Noted', data: { kind: 'odd' }, metadata: {} })));
  });

  afterEach(async () => {
    readModels.close();
    await store.close();
  });

  async function untilCaughtUp(runner: ProjectionRunner): Promise<void> {
    for (let i = 0; i < 500 && !(await runner.isCaughtUp()); i++) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(await runner.isCaughtUp()).toBe(true);
  }

  it('leaves them out of a projection that starts from position 0 until it has caught up', async () => {
    const runner = new ProjectionRunner(store, readModels, [notesProjection()]);
    await runner.start();
    await untilCaughtUp(runner);
    expect(hasIndex(readModels.db, 'notes_by_kind')).toBe(true);
    expect(rows(readModels.db)).toBe(10);
    await runner.stop();
  });

  it('creates them at once for a projection that continues, such as one whose catch-up stopped before them', async () => {
    const first = new ProjectionRunner(store, readModels, [notesProjection()]);
    await first.start();
    await untilCaughtUp(first);
    await first.stop();
    readModels.db.exec('DROP INDEX notes_by_kind'); // as if the process had died before creating it

    const again = new ProjectionRunner(store, readModels, [notesProjection()]);
    await again.start();
    expect(hasIndex(readModels.db, 'notes_by_kind')).toBe(true);
    await untilCaughtUp(again);
    await again.stop();
  });

  it('defers only those of the projections reset, and reports them pending until created', () => {
    new ProjectionSet(readModels.db, [notesProjection()]).initialise();
    readModels.db.exec(`UPDATE ${CHECKPOINT_TABLE} SET position = '10'`); // notes continues from 10

    const set = new ProjectionSet(readModels.db, [notesProjection(), notesProjection({ name: 'fresh' })]);
    set.initialise({ deferQueryIndexes: 'reset' });
    expect(hasIndex(readModels.db, 'notes_by_kind')).toBe(true);
    expect(hasIndex(readModels.db, 'fresh_by_kind')).toBe(false);
    expect(set.queryIndexesPending).toBe(true);

    set.createQueryIndexes();
    expect(hasIndex(readModels.db, 'fresh_by_kind')).toBe(true);
    expect(set.queryIndexesPending).toBe(false);
  });
});
