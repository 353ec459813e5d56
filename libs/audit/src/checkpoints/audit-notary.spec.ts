import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore, StreamNotFoundError, type EventStore } from '@kom/event-store';
import { FakeKurrentDbClient, KurrentDbEventStore } from '@kom/event-store/testing';
import { ReadModelDatabase, rebuildAll } from '@kom/projections';
import { verifyInclusion } from '../merkle/merkle';
import { auditLeavesProjection } from '../read-models/audit-leaves.projection';
import { verifyWholeLog } from '../audit-log';
import { loadOrCreateAuditKey, type AuditSigningKey } from './audit-key';
import { CHECKPOINT_STREAM, checkpointEventId } from './audit-log-format';
import { AuditNotary } from './audit-notary';

const stores: Array<[string, () => EventStore]> = [
  ['SQLite', () => SqliteEventStore.open(':memory:')],
  ['KurrentDB adapter (in-memory client)', () => KurrentDbEventStore.fromClient(new FakeKurrentDbClient().asClient(), { readPageSize: 50 })],
];

describe.each(stores)('audit notary on %s', (_, createStore) => {
  let dir: string;
  let key: AuditSigningKey;
  let store: EventStore;
  const replicas: ReadModelDatabase[] = [];

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'kom-notary-'));
    key = loadOrCreateAuditKey(join(dir, 'audit-signing-key.pem'));
    store = createStore();
  });

  afterEach(async () => {
    for (const db of replicas.splice(0)) db.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** A replica: its own read models (leaves), caught up with the log, and its notary. */
  const replica = async (every = 10) => {
    const readModels = ReadModelDatabase.open(':memory:');
    replicas.push(readModels);
    await rebuildAll(store, readModels, [auditLeavesProjection]);
    return { readModels, notary: new AuditNotary(store, readModels.db, key, { checkpointEvery: every }) };
  };
  const append = async (n: number) => {
    for (let i = 0; i < n; i++) {
      await store.appendToStream(`meeting-${i % 3}`, [{ id: randomUUID(), type: 'MeetingScheduled', data: { i }, metadata: { occurredAt: new Date().toISOString() } }]);
    }
  };
  const checkpointEvents = async () => (await store.readStream(CHECKPOINT_STREAM)).map((e) => e.data as { treeSize: number });

  it('makes the key once, mode 0600, and reads the same key again', () => {
    expect(statSync(join(dir, 'audit-signing-key.pem')).mode & 0o777).toBe(0o600);
    expect(loadOrCreateAuditKey(join(dir, 'audit-signing-key.pem')).published).toEqual(key.published);
  });

  it('checkpoints at every multiple of N leaves, never covering itself', async () => {
    await append(25);
    const { notary } = await replica(10);
    expect(await notary.checkpointIfDue()).toMatchObject({ treeSize: 20, appended: true });
    expect(await notary.checkpointIfDue()).toBeUndefined(); // 20 is there; 30 not reached
    expect(await checkpointEvents()).toEqual([expect.objectContaining({ treeSize: 20 })]);
    expect((await store.readStream(CHECKPOINT_STREAM))[0]!.id).toBe(checkpointEventId(20));
  });

  it('on a timed tick, checkpoints the whole log only when it grew since the latest checkpoint', async () => {
    expect(await (await replica(10)).notary.checkpointIfGrown()).toBeUndefined(); // an empty log: nothing to sign
    await append(13);
    const { notary } = await replica(10);
    expect(await notary.checkpointIfDue()).toMatchObject({ treeSize: 10 });
    expect(await notary.checkpointIfGrown()).toMatchObject({ treeSize: 13, appended: true });
    expect(await notary.checkpointIfGrown()).toBeUndefined(); // nothing new since
    expect(await checkpointEvents()).toEqual([expect.objectContaining({ treeSize: 10 }), expect.objectContaining({ treeSize: 13 })]);
    const [, timed] = await store.readStream(CHECKPOINT_STREAM);
    expect(timed!.metadata.command).toBe('RecordPeriodicAuditCheckpoint');
    expect(await verifyWholeLog(store, key.published)).toMatchObject({ valid: true });
  });

  it('two replicas racing to write the same checkpoints append each once, with the deterministic id', async () => {
    await append(35);
    const [a, b] = await Promise.all([replica(10), replica(10)]);
    const results = await Promise.all([a.notary.checkpointIfDue(), b.notary.checkpointIfDue(), a.notary.checkpointNow(), b.notary.checkpointNow()]);
    expect(results.filter((r) => r?.appended).length).toBeGreaterThanOrEqual(1);
    const sizes = (await checkpointEvents()).map((d) => d.treeSize);
    expect(new Set(sizes).size).toBe(sizes.length);
    expect(sizes).toEqual([...sizes].sort((x, y) => x - y));
    expect(sizes[sizes.length - 1]).toBe(35);
    expect(await verifyWholeLog(store, key.published)).toMatchObject({ valid: true, treeSize: 35 });
  });

  it('a notary that read the checkpoint stream before another wrote the same checkpoint reports it as not appended, with what the log holds', async () => {
    await append(20);
    const [a, b] = await Promise.all([replica(10), replica(10)]);
    const written = await a.notary.checkpointNow();
    // b's read of the checkpoint stream is stale (it ran before a's append was visible): b signs
    // size 20 too, and the store takes its append, same id, as a retry of a's.
    let stale = true;
    const staleStore = new Proxy(store, {
      get(target, property, receiver) {
        if (property === 'readStream' && stale) {
          return async () => {
            stale = false;
            throw new StreamNotFoundError(CHECKPOINT_STREAM);
          };
        }
        const value: unknown = Reflect.get(target, property, receiver);
        return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
      },
    });
    const late = new AuditNotary(staleStore, b.readModels.db, key, { checkpointEvery: 10, now: () => new Date(Date.parse(written!.time) + 1000) });
    const result = await late.checkpointNow();
    expect(result).toMatchObject({ treeSize: 20, appended: false, signature: written!.signature, time: written!.time });
    expect(await checkpointEvents()).toHaveLength(1);
    expect(await late.checkpointIfDue()).toBeUndefined();
  });

  it('proves an event’s inclusion in the latest checkpoint; the proof verifies and a forged one does not', async () => {
    await append(13);
    const { readModels, notary } = await replica(5);
    const checkpoint = await notary.checkpointNow();
    await rebuildAll(store, readModels, [auditLeavesProjection]); // fold the checkpoint event in
    const [, , third] = await store.readAll({ maxCount: 3 });
    const proof = notary.inclusionProof(third!.id)!;
    expect(proof).toMatchObject({ leafIndex: 2, treeSize: 13, rootHash: checkpoint!.rootHash });
    expect(verifyInclusion(proof.leafIndex, proof.treeSize, proof.leafHash, proof.path, proof.rootHash)).toBe(true);
    expect(verifyInclusion(proof.leafIndex + 1, proof.treeSize, proof.leafHash, proof.path, proof.rootHash)).toBe(false);
    const consistency = notary.consistencyProof(10, 13);
    expect(consistency.toRoot).toBe(checkpoint!.rootHash);
  });
});
