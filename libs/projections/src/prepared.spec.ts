import BetterSqlite3 from 'better-sqlite3';
import { prepared } from './projection';

describe('prepared: a read query’s statement, prepared once per connection', () => {
  const db = new BetterSqlite3(':memory:');
  db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO t (name) VALUES (\'a\'), (\'b\'), (\'c\')');
  afterAll(() => db.close());

  it('hands out the same statement for the same SQL, and answers as a fresh one would', () => {
    const first = prepared(db, 'SELECT name FROM t WHERE id = ?');
    expect(prepared(db, 'SELECT name FROM t WHERE id = ?')).toBe(first);
    expect(prepared(db, 'SELECT name FROM t WHERE id = ?').get(2)).toEqual({ name: 'b' });
    expect(prepared(db, 'SELECT name FROM t ORDER BY id').all()).toEqual(db.prepare('SELECT name FROM t ORDER BY id').all());
  });

  it('keeps statements per connection', () => {
    const other = new BetterSqlite3(':memory:');
    other.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO t (name) VALUES (\'x\')');
    expect(prepared(other, 'SELECT name FROM t WHERE id = ?').get(1)).toEqual({ name: 'x' });
    expect(prepared(db, 'SELECT name FROM t WHERE id = ?').get(1)).toEqual({ name: 'a' });
    other.close();
  });

  it('does not hand out a statement still being iterated', () => {
    const sql = 'SELECT name FROM t ORDER BY id';
    const names: string[] = [];
    for (const row of prepared(db, sql).iterate() as Iterable<{ name: string }>) {
      names.push(row.name, (prepared(db, sql).get() as { name: string }).name);
    }
    expect(names).toEqual(['a', 'a', 'b', 'a', 'c', 'a']);
  });

  it('still answers after its table is dropped and made again (a rebuild)', () => {
    const sql = 'SELECT count(*) AS n FROM t';
    expect(prepared(db, sql).get()).toEqual({ n: 3 });
    db.exec('DROP TABLE t; CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO t (name) VALUES (\'z\')');
    expect(prepared(db, sql).get()).toEqual({ n: 1 });
  });

  it('keeps at most 500 statements per connection, dropping the least recently used', () => {
    const kept = prepared(db, 'SELECT 0 AS n');
    for (let i = 1; i <= 500; i++) {
      prepared(db, `SELECT ${i} AS n`);
      if (i % 100 === 0) prepared(db, 'SELECT 0 AS n'); // used again: stays
    }
    expect(prepared(db, 'SELECT 0 AS n')).toBe(kept);
    const early = prepared(db, 'SELECT 1 AS n'); // dropped long ago: prepared anew
    expect(early.get()).toEqual({ n: 1 });
  });
});
