import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeIdempotencyStoreContract } from '../testing/idempotency-store.contract';
import { SqliteIdempotencyStore } from './sqlite-idempotency-store';

const dir = mkdtempSync(join(tmpdir(), 'kom-idempotency-store-'));
let files = 0;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describeIdempotencyStoreContract('SQLite file', async () => {
  const file = join(dir, `keys-${++files}.sqlite`);
  return { store: SqliteIdempotencyStore.open(file), second: async () => SqliteIdempotencyStore.open(file) };
});
