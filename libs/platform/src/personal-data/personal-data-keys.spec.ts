import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { keyTraces } from '@kom/kernel/testing';
import { SqlitePersonalDataKeys } from './personal-data-keys';

describe('the personal data key table (SQLite)', () => {
  const key = Buffer.alloc(32, 0x5a);

  it('keeps one key per subject, never replaces it, and shreds it', () => {
    const keys = SqlitePersonalDataKeys.open(':memory:');
    expect(keys.create('rep-1', key)).toBe(true);
    expect(keys.create('rep-1', Buffer.alloc(32, 1))).toBe(false);
    expect(keys.get('rep-1')).toEqual(key);
    expect(keys.shred('rep-1')).toBe(true);
    expect(keys.get('rep-1')).toBeUndefined();
    expect(keys.shred('rep-1')).toBe(false);
    keys.close();
  });

  it('is shared by everyone who opens the same file, and overwrites a shredded key on disk', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kom-keys-'));
    const file = join(dir, 'keys.sqlite');
    const a = SqlitePersonalDataKeys.open(file);
    const b = SqlitePersonalDataKeys.open(file);
    a.create('rep-2', key);
    expect(b.get('rep-2')).toEqual(key);
    b.shred('rep-2');
    expect(a.get('rep-2')).toBeUndefined();
    a.close();
    b.close();
    // secure_delete: the key's bytes are gone from the file (checkpointed from the WAL on close).
    expect(readFileSync(file).includes(key)).toBe(false);
    rmSync(dir, { recursive: true, force: true });
  });

  it('leaves no copy of a shredded key in any file while the table stays open (WAL included)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kom-keys-'));
    const file = join(dir, 'keys.sqlite');
    const writer = SqlitePersonalDataKeys.open(file);
    const reader = SqlitePersonalDataKeys.open(file);
    const shredded = randomBytes(32);
    const kept = randomBytes(32);
    writer.create('rep-3', shredded);
    // The key in the database file and in WAL frames, as after a while of use.
    const other = new Database(file);
    other.pragma('wal_checkpoint(PASSIVE)');
    other.close();
    writer.create('rep-4', kept);
    expect(reader.get('rep-3')).toEqual(shredded);
    expect(keyTraces(dir, shredded)).not.toEqual([]);

    expect(reader.shred('rep-3')).toBe(true);
    expect(keyTraces(dir, shredded)).toEqual([]);
    expect(writer.get('rep-4')).toEqual(kept);
    expect(keyTraces(dir, kept)).not.toEqual([]);
    writer.close();
    reader.close();
    rmSync(dir, { recursive: true, force: true });
  });
});
