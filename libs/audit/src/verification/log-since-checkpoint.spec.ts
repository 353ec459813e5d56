import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { SqliteEventStore, type EventToAppend } from '@kom/event-store';
import { loadOrCreateAuditKey, type AuditSigningKey } from '../checkpoints/audit-key';
import { notaryFromLog } from '../audit-log';
import { verifyLogSinceLastCheckpoint } from './log-since-checkpoint';

const noted = (n: number): EventToAppend[] => Array.from({ length: n }, (_, i) => ({ id: randomUUID(), type: 'Noted', data: { i }, metadata: {} }));

describe('verifyLogSinceLastCheckpoint', () => {
  let dir: string;
  let file: string;
  let store: SqliteEventStore;
  let key: AuditSigningKey;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'kom-integrity-'));
    file = join(dir, 'events.sqlite');
    store = SqliteEventStore.open(file);
    key = loadOrCreateAuditKey(join(dir, 'audit.pem'));
  });

  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const tamper = (position: bigint) => {
    const db = new Database(file);
    db.prepare(`UPDATE events SET data = '{"i":999}' WHERE position = ?`).run(position);
    db.close();
  };

  async function signCheckpoint(): Promise<bigint> {
    const { notary, close } = await notaryFromLog(store, key, 1000);
    try {
      const checkpoint = await notary.checkpointNow();
      return BigInt(checkpoint!.position);
    } finally {
      close();
    }
  }

  it('checks only what follows the last signed checkpoint, chaining to events before it', async () => {
    await store.appendToStream('notes-a', noted(3));
    await store.appendToStream('notes-b', noted(2));
    const covered = await signCheckpoint();
    expect(covered).toBe(5n);
    await store.appendToStream('notes-a', noted(2)); // continues a stream begun before the checkpoint
    const report = await verifyLogSinceLastCheckpoint(store, key.published);
    expect(report).toMatchObject({ valid: true, fromPosition: 5n, checkedEvents: 3 }); // the checkpoint event + 2
  });

  it('reports the first altered event after the checkpoint, at its position', async () => {
    await store.appendToStream('notes-a', noted(3));
    await signCheckpoint();
    await store.appendToStream('notes-a', noted(3));
    tamper(6n);
    const report = await verifyLogSinceLastCheckpoint(store, key.published);
    expect(report).toMatchObject({ valid: false, firstInvalidPosition: 6n, reason: expect.stringContaining('does not match its hash') });
  });

  it('without a checkpoint checks the whole log', async () => {
    await store.appendToStream('notes-a', noted(4));
    tamper(1n);
    expect(await verifyLogSinceLastCheckpoint(store, key.published)).toMatchObject({ valid: false, firstInvalidPosition: 1n, fromPosition: 0n });
  });

  it('refuses a latest checkpoint signed with another key', async () => {
    await store.appendToStream('notes-a', noted(2));
    await signCheckpoint();
    const other = loadOrCreateAuditKey(join(dir, 'other.pem'));
    const report = await verifyLogSinceLastCheckpoint(store, other.published);
    expect(report).toMatchObject({ valid: false, firstInvalidPosition: 3n, reason: expect.stringContaining('another key') });
  });
});
