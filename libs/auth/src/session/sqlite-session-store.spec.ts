import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeSessionStoreContract } from '../testing/session-store.contract';
import { SqliteSessionStore } from './sqlite-session-store';

const dir = mkdtempSync(join(tmpdir(), 'kom-sessions-'));
let files = 0;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describeSessionStoreContract('SQLite file', async () => {
  const file = join(dir, `sessions-${++files}.sqlite`);
  return { store: SqliteSessionStore.open(file), second: async () => SqliteSessionStore.open(file) };
});
