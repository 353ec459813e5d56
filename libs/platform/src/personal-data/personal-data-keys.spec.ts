import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { keyTraces } from '@kom/kernel/testing';
import { describePersonalDataKeysContract } from '../testing/personal-data-keys.contract';
import { SqlitePersonalDataKeys } from './personal-data-keys';

const contractDir = mkdtempSync(join(tmpdir(), 'kom-keys-contract-'));
let files = 0;
afterAll(() => rmSync(contractDir, { recursive: true, force: true }));

describePersonalDataKeysContract('SQLite file', async () => {
  const file = join(contractDir, `keys-${++files}.sqlite`);
  return { keys: SqlitePersonalDataKeys.open(file), second: async () => SqlitePersonalDataKeys.open(file) };
});

describe('the personal data key table (SQLite)', () => {
  const key = Buffer.alloc(32, 0x5a);

  it('overwrites a shredded key on disk', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kom-keys-'));
    const file = join(dir, 'keys.sqlite');
    const a = SqlitePersonalDataKeys.open(file);
    const b = SqlitePersonalDataKeys.open(file);
    await a.create('rep-2', key);
    expect(await b.get('rep-2')).toEqual(key);
    await b.shred('rep-2');
    expect(await a.get('rep-2')).toBeUndefined();
    await a.close();
    await b.close();
    // secure_delete: the key's bytes are gone from the file (checkpointed from the WAL on close).
    expect(readFileSync(file).includes(key)).toBe(false);
    rmSync(dir, { recursive: true, force: true });
  });

  it('leaves no copy of a shredded key in any file while the table stays open (WAL included)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kom-keys-'));
    const file = join(dir, 'keys.sqlite');
    const writer = SqlitePersonalDataKeys.open(file);
    const reader = SqlitePersonalDataKeys.open(file);
    const shredded = randomBytes(32);
    const kept = randomBytes(32);
    await writer.create('rep-3', shredded);
    // The key in the database file and in WAL frames, as after a while of use.
    const other = new Database(file);
    other.pragma('wal_checkpoint(PASSIVE)');
    other.close();
    await writer.create('rep-4', kept);
    expect(await reader.get('rep-3')).toEqual(shredded);
    expect(keyTraces(dir, shredded)).not.toEqual([]);

    expect(await reader.shred('rep-3')).toBe(true);
    expect(keyTraces(dir, shredded)).toEqual([]);
    expect(await writer.get('rep-4')).toEqual(kept);
    expect(keyTraces(dir, kept)).not.toEqual([]);
    await writer.close();
    await reader.close();
    rmSync(dir, { recursive: true, force: true });
  });
});
