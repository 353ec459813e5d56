import BetterSqlite3 from 'better-sqlite3';
import { tmpdir } from 'node:os';
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { memoized } from './read-memo';

describe('memoized: a read answer shared until the read models change', () => {
  let db: BetterSqlite3.Database;
  let computed: number;
  const names = () =>
    memoized(db, 'names', () => {
      computed++;
      return db.prepare('SELECT name FROM t ORDER BY id').all() as { name: string }[];
    });

  beforeEach(() => {
    db = new BetterSqlite3(':memory:');
    db.exec("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO t (name) VALUES ('a'), ('b')");
    computed = 0;
  });
  afterEach(() => db.close());

  it('computes once while nothing changes', () => {
    expect(names()).toEqual([{ name: 'a' }, { name: 'b' }]);
    expect(names()).toBe(names());
    expect(computed).toBe(1);
  });

  it('computes again after a row is written, updated or deleted on the connection', () => {
    names();
    db.prepare("INSERT INTO t (name) VALUES ('c')").run();
    expect(names().map((r) => r.name)).toEqual(['a', 'b', 'c']);
    db.prepare("UPDATE t SET name = 'z' WHERE id = 1").run();
    expect(names()[0]).toEqual({ name: 'z' });
    db.exec('DELETE FROM t');
    expect(names()).toEqual([]);
    expect(computed).toBe(4);
  });

  it('computes again after a reset: tables dropped and made again, the checkpoint row rewritten', () => {
    db.exec('CREATE TABLE checkpoints (name TEXT PRIMARY KEY, position TEXT)');
    names();
    db.transaction(() => {
      db.exec('DROP TABLE t; CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT)');
      db.prepare("INSERT INTO checkpoints VALUES ('t', '0') ON CONFLICT (name) DO UPDATE SET position = '0'").run();
    })();
    expect(names()).toEqual([]);
  });

  it('keeps nothing read inside a transaction, which could still be rolled back', () => {
    const insertThenFail = db.transaction(() => {
      db.prepare("INSERT INTO t (name) VALUES ('rolled back')").run();
      expect(names()).toHaveLength(3);
      throw new Error('rollback');
    });
    expect(() => insertThenFail()).toThrow('rollback');
    expect(names()).toEqual([{ name: 'a' }, { name: 'b' }]);
  });

  it('on a read-only connection, sees a commit by the connection that writes the file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kom-memo-'));
    const file = join(dir, 'rm.sqlite');
    const writer = new BetterSqlite3(file);
    writer.pragma('journal_mode = WAL');
    writer.exec("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO t (name) VALUES ('a')");
    const reader = new BetterSqlite3(file, { readonly: true });
    const read = () => memoized(reader, 'count', () => (reader.prepare('SELECT count(*) AS n FROM t').get() as { n: number }).n);
    expect(read()).toBe(1);
    writer.prepare("INSERT INTO t (name) VALUES ('b')").run();
    expect(read()).toBe(2);
    writer.close();
    reader.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps answers per key and per connection', () => {
    const other = new BetterSqlite3(':memory:');
    expect(memoized(db, 'k', () => 1)).toBe(1);
    expect(memoized(db, 'j', () => 2)).toBe(2);
    expect(memoized(other, 'k', () => 3)).toBe(3);
    expect(memoized(db, 'k', () => 4)).toBe(1);
    other.close();
  });

  it('hands out a frozen answer, so no caller can change what the next one reads', () => {
    const rows = names();
    expect(() => rows.push({ name: 'x' })).toThrow(/read only|not extensible/);
    expect(() => {
      (rows[0] as { name: string }).name = 'changed';
    }).toThrow(/read only|not extensible/);
    expect(names()[0]).toEqual({ name: 'a' });
  });

  it('keeps at most 256 answers, dropping the least recently used', () => {
    memoized(db, 'first', () => 'kept');
    for (let i = 0; i < 300; i++) {
      memoized(db, `key-${i}`, () => i);
      memoized(db, 'first', () => 'recomputed'); // used again each time: never the least recent
    }
    expect(memoized(db, 'first', () => 'recomputed')).toBe('kept');
    expect(memoized(db, 'key-0', () => 'recomputed')).toBe('recomputed');
  });
});
