import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
});
