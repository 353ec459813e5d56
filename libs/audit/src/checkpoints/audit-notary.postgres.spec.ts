import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { POSTGRES_ADVISORY_LOCKS, POSTGRES_LOCK_NAMESPACE, PostgresEventStore } from '@kom/event-store';
import { createTestDatabase, describeWithPostgres, type TestDatabase } from '@kom/event-store/testing';
import { ReadModelDatabase, rebuildAll } from '@kom/projections';
import { verifyWholeLog } from '../audit-log';
import { auditLeavesProjection } from '../read-models/audit-leaves.projection';
import { loadOrCreateAuditKey, type AuditSigningKey } from './audit-key';
import { CHECKPOINT_STREAM, type CheckpointData } from './audit-log-format';
import { AuditNotary } from './audit-notary';

/**
 * Notaries of several processes on one PostgreSQL log: each has its own connection pool (so its
 * own sessions, as separate processes would) and its own leaves table. One signs at a time under
 * the advisory lock; whoever finds the lock taken skips the periodic checkpoint.
 */
describeWithPostgres('audit notary on PostgreSQL, several processes', () => {
  let database: TestDatabase;
  let dir: string;
  let key: AuditSigningKey;
  const stores: PostgresEventStore[] = [];
  const readModels: ReadModelDatabase[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    dir = mkdtempSync(join(tmpdir(), 'kom-notary-pg-'));
    key = loadOrCreateAuditKey(join(dir, 'audit-signing-key.pem'));
  });
  afterAll(async () => {
    for (const db of readModels.splice(0)) db.close();
    for (const store of stores.splice(0)) await store.close();
    await database?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  const connect = async () => {
    const store = await PostgresEventStore.connect(database.url);
    stores.push(store);
    return store;
  };
  /** A process: its own pool, its own leaves caught up with the log, its notary. */
  const replica = async (every: number) => {
    const store = await connect();
    const db = ReadModelDatabase.open(':memory:');
    readModels.push(db);
    await rebuildAll(store, db, [auditLeavesProjection]);
    return { store, db, notary: new AuditNotary(store, db.db, key, { checkpointEvery: every }) };
  };
  const append = async (store: PostgresEventStore, n: number) => {
    for (let i = 0; i < n; i++) {
      await store.appendToStream(`meeting-${randomUUID()}`, [{ id: randomUUID(), type: 'MeetingScheduled', data: { i }, metadata: { occurredAt: new Date().toISOString() } }]);
    }
  };
  const checkpoints = async (store: PostgresEventStore) => (await store.readStream(CHECKPOINT_STREAM)).map((e) => e.data as CheckpointData);

  it('of three processes racing at every size, each checkpoint is signed and appended once; the others skip', async () => {
    const processes = await Promise.all([replica(5), replica(5), replica(5)]);
    const writer = processes[0]!.store;
    let appended = 0;
    for (let round = 1; round <= 6; round++) {
      await append(writer, 5);
      for (const p of processes) await rebuildAll(p.store, p.db, [auditLeavesProjection]);
      const results = await Promise.all(processes.map((p) => p.notary.checkpointIfDue()));
      const winners = results.filter((r) => r !== undefined);
      // The lock lets one process in; a loser finds the lock held or the checkpoint written.
      expect(winners).toHaveLength(1);
      expect(winners[0]).toMatchObject({ treeSize: round * 5, appended: true });
      appended += 1;
    }
    const recorded = await checkpoints(writer);
    expect(recorded.map((c) => c.treeSize)).toEqual([5, 10, 15, 20, 25, 30]);
    expect(appended).toBe(6);
    expect(await verifyWholeLog(writer, key.published)).toMatchObject({ valid: true, treeSize: 30, checkpointsChecked: 6 });
  });

  it('skips the periodic checkpoint while another session holds the lock, and signs on demand once it is released', async () => {
    const store = await connect();
    const before = (await checkpoints(store)).length;
    await append(store, 2);
    const { notary } = await replica(1);
    const holder = new Client({ connectionString: database.url });
    await holder.connect();
    try {
      await holder.query('SELECT pg_advisory_lock($1, $2)', [POSTGRES_LOCK_NAMESPACE, POSTGRES_ADVISORY_LOCKS.auditCheckpoints]);
      expect(await notary.checkpointIfDue()).toBeUndefined();
      expect(await checkpoints(store)).toHaveLength(before);
      // On demand waits for the holder rather than giving up.
      const onDemand = notary.checkpointNow();
      let settled = false;
      void onDemand.then(() => (settled = true));
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(settled).toBe(false);
      await holder.query('SELECT pg_advisory_unlock($1, $2)', [POSTGRES_LOCK_NAMESPACE, POSTGRES_ADVISORY_LOCKS.auditCheckpoints]);
      const recorded = await onDemand;
      expect(recorded).toMatchObject({ treeSize: 32, appended: true });
    } finally {
      await holder.end();
    }
    expect(await checkpoints(store)).toHaveLength(before + 1);
    expect(await verifyWholeLog(store, key.published)).toMatchObject({ valid: true, treeSize: 32 });
  });

  it('a lock whose holder’s connection dies is free again for the next process', async () => {
    const { store, db, notary } = await replica(1);
    await append(store, 1);
    await rebuildAll(store, db, [auditLeavesProjection]);
    const holder = new Client({ connectionString: database.url });
    await holder.connect();
    holder.on('error', () => undefined);
    await holder.query('SELECT pg_advisory_lock($1, $2)', [POSTGRES_LOCK_NAMESPACE, POSTGRES_ADVISORY_LOCKS.auditCheckpoints]);
    const { rows } = await holder.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
    expect(await notary.checkpointIfDue()).toBeUndefined();
    // As when the signing process is killed: the server ends its session and with it the lock.
    const admin = new Client({ connectionString: database.url });
    await admin.connect();
    await admin.query('SELECT pg_terminate_backend($1)', [rows[0]!.pid]);
    await admin.end();
    await holder.end().catch(() => undefined);
    expect(await notary.checkpointIfDue()).toMatchObject({ treeSize: 33, appended: true });
  });
});
