import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { SqliteEventStore } from './sqlite-event-store';
import { INLINE_CHECKPOINT_PAGES, WalCheckpointer } from './wal-checkpointer';

const dir = mkdtempSync(join(tmpdir(), 'kom-wal-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;
const newFile = () => join(dir, `log-${++files}.sqlite`);

const size = (file: string) => (existsSync(file) ? statSync(file).size : 0);

/** Waits (bounded) until `done` holds; the bound is a hang guard, not a measured time. */
async function eventually(done: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 400 && !done(); i++) await new Promise((resolve) => setTimeout(resolve, 25));
  if (!done()) throw new Error(`never: ${what}`);
}

async function appendMany(store: SqliteEventStore, count: number): Promise<void> {
  const text = 'x'.repeat(2000); // about half a page each: the WAL grows by hundreds of pages
  await Promise.all(
    Array.from({ length: count }, (_, i) =>
      store.appendToStream(`s-${i}`, [{ id: randomUUID(), type: 'Happened', data: { text }, metadata: { correlationId: 'c' } }]),
    ),
  );
}

describe('WAL checkpoints in a worker thread', () => {
  it('copies the WAL back into the file although no commit on this thread checkpoints', async () => {
    const file = newFile();
    const store = SqliteEventStore.open(file, { backgroundCheckpoints: { intervalMs: 20 } });
    try {
      const before = size(file);
      await appendMany(store, 400); // far below the inline bound: this thread never checkpoints
      await eventually(() => size(file) > before + 400 * 2000, 'the database file holds the appended pages');
    } finally {
      await store.close();
    }
    expect(existsSync(`${file}-wal`)).toBe(false); // the worker stopped first, the writer closed last
    const reader = SqliteEventStore.openReadOnly(file);
    expect(await reader.readAll({ maxCount: 1000 })).toHaveLength(400);
    await reader.close();
  });

  it('leaves the writer an inline bound only for when the worker falls behind', async () => {
    const file = newFile();
    const store = SqliteEventStore.open(file, { backgroundCheckpoints: true });
    try {
      // The bound is a per-connection setting: read through the store's own diagnostics.
      expect(Number((store as unknown as { db: Database.Database }).db.pragma('wal_autocheckpoint', { simple: true }))).toBe(INLINE_CHECKPOINT_PAGES);
    } finally {
      await store.close();
    }
    const plain = SqliteEventStore.open(newFile());
    expect(Number((plain as unknown as { db: Database.Database }).db.pragma('wal_autocheckpoint', { simple: true }))).toBe(1000);
    await plain.close();
  });

  it('checkpoints on request and reports what it copied; stop is idempotent', async () => {
    const file = newFile();
    const store = SqliteEventStore.open(file);
    const db = (store as unknown as { db: Database.Database }).db;
    db.pragma('wal_autocheckpoint = 0');
    await appendMany(store, 50);
    const checkpointer = WalCheckpointer.start(file, { intervalMs: 60_000 });
    const result = await checkpointer.checkpoint();
    expect(result.log).toBeGreaterThan(0);
    expect(result.checkpointed).toBe(result.log);
    await Promise.all([checkpointer.stop(), checkpointer.stop()]);
    await store.close();
  });

  it('one worker serves every file; a file it cannot open fails alone', async () => {
    const missing = WalCheckpointer.start(join(dir, 'missing', 'nothing.sqlite'));
    const file = newFile();
    const store = SqliteEventStore.open(file);
    (store as unknown as { db: Database.Database }).db.pragma('wal_autocheckpoint = 0');
    await appendMany(store, 20);
    const checkpointer = WalCheckpointer.start(file, { intervalMs: 60_000 });
    await expect(missing.checkpoint()).rejects.toThrow(/unable to open|does not exist|SQLITE_CANTOPEN/i);
    const result = await checkpointer.checkpoint();
    expect(result.log).toBeGreaterThan(0);
    expect(result.checkpointed).toBe(result.log);
    await missing.stop();
    expect((await checkpointer.checkpoint()).busy).toBe(0); // the worker outlives the failed file
    await checkpointer.stop();
    await store.close();
  });

  it('stops and starts again: a store opened after every other closed gets a fresh worker', async () => {
    for (let round = 0; round < 3; round++) {
      const file = newFile();
      const store = SqliteEventStore.open(file, { backgroundCheckpoints: { intervalMs: 20 } });
      const before = size(file);
      await appendMany(store, 300);
      await eventually(() => size(file) > before + 300 * 2000, `round ${round}: the file holds the appended pages`);
      await store.close();
    }
  });
});
