import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ReadModelDatabase } from './read-model-database';

const dir = mkdtempSync(join(tmpdir(), 'kom-read-models-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('ReadModelDatabase with background checkpoints', () => {
  it('gets its writes into the file from the worker, while this connection never checkpoints inline below the bound', async () => {
    const file = join(dir, 'read-models.sqlite');
    const readModels = ReadModelDatabase.open(file, { backgroundCheckpoints: true });
    const { db } = readModels;
    db.exec('CREATE TABLE rows (id INTEGER PRIMARY KEY, text TEXT)');
    const before = statSync(file).size;
    const insert = db.prepare('INSERT INTO rows (text) VALUES (?)');
    db.transaction(() => {
      for (let i = 0; i < 500; i++) insert.run('x'.repeat(2000));
    })();
    for (let i = 0; i < 400 && statSync(file).size <= before + 500 * 2000; i++) await new Promise((resolve) => setTimeout(resolve, 25));
    expect(statSync(file).size).toBeGreaterThan(before + 500 * 2000);
    readModels.close();
    // Closed when close returns: no connection is left (the worker's neither), so the WAL is gone.
    expect(existsSync(`${file}-wal`)).toBe(false);
    const reopened = ReadModelDatabase.open(file);
    expect(reopened.db.prepare('SELECT count(*) AS n FROM rows').get()).toEqual({ n: 500 });
    reopened.close();
  });

  it('an in-memory database starts no worker', () => {
    const readModels = ReadModelDatabase.open(':memory:', { backgroundCheckpoints: true });
    expect((readModels as unknown as { checkpointer?: unknown }).checkpointer).toBeUndefined();
    readModels.close();
    expect(existsSync(join(dir, ':memory:'))).toBe(false);
  });
});
