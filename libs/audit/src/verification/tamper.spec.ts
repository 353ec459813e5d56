import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { SqliteEventStore, type EventToAppend } from '@kom/event-store';
import { notaryFromLog, verifyWholeLog } from '../audit-log';
import { loadOrCreateAuditKey, type AuditSigningKey } from '../checkpoints/audit-key';
import { CHECKPOINT_EVENT_TYPE, CHECKPOINT_STREAM, checkpointEventId } from '../checkpoints/audit-log-format';
import { checkpointSignatureProblem, keyIdOf, signCheckpoint, toPublicKey } from '../checkpoints/signing';
import type { AuditNotary } from '../checkpoints/audit-notary';

// Tampering with the embedded store's file directly (better-sqlite3 on events.sqlite), as an
// insider with disk access would, and finding the exact position of the change.
describe('tamper evidence on the SQLite store', () => {
  let dir: string;
  let file: string;
  let key: AuditSigningKey;
  let notary: AuditNotary;
  let closeNotary: () => void;
  /** position -> [streamId, revision] as written. */
  let layout: Array<{ position: bigint; streamId: string; revision: bigint }>;

  const event = (type: string, data: Record<string, unknown>): EventToAppend => ({
    id: randomUUID(),
    type,
    data,
    metadata: { actor: { userId: 'sara', organizationId: 'org-pod', role: 'SECRETARIAT' }, correlationId: randomUUID(), occurredAt: new Date().toISOString() },
  });

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kom-tamper-'));
    file = join(dir, 'events.sqlite');
    key = loadOrCreateAuditKey(join(dir, 'audit-signing-key.pem'));
    const store = SqliteEventStore.open(file);
    // Three streams, interleaved: a-0 b-0 a-1 c-0 b-1 a-2 c-1 b-2 a-3 c-2 (positions 1..10).
    for (const [stream, n] of [['a', 0], ['b', 0], ['a', 1], ['c', 0], ['b', 1], ['a', 2], ['c', 1], ['b', 2], ['a', 3], ['c', 2]] as const) {
      await store.appendToStream(`organization-${stream}`, [event('OrganizationRenamed', { organizationId: stream, name: `Navn ${stream} ${n} æøå` })]);
    }
    ({ notary, close: closeNotary } = await notaryFromLog(store, key, 1000));
    await notary.checkpointNow();
    layout = (await store.readAll()).map((e) => ({ position: e.position, streamId: e.streamId, revision: e.revision }));
    await store.close();
  });

  afterEach(() => {
    closeNotary();
    rmSync(dir, { recursive: true, force: true });
  });

  const verify = async (withHints = true) => {
    const store = SqliteEventStore.open(file);
    try {
      return await verifyWholeLog(store, key.published, withHints ? (a, b) => notary.leafHints(a, b) : undefined);
    } finally {
      await store.close();
    }
  };
  const tamper = (work: (db: Database.Database) => void) => {
    const db = new Database(file);
    try {
      work(db);
    } finally {
      db.close();
    }
  };
  const row = (db: Database.Database, position: number) =>
    db.prepare('SELECT event_id, stream_id, revision, type, data, metadata, recorded_at FROM events WHERE position = ?').get(position) as Record<string, unknown>;
  const swap = (db: Database.Database, p: number, q: number) => {
    const [a, b] = [row(db, p), row(db, q)];
    const set = db.prepare('UPDATE events SET event_id = @event_id, stream_id = @stream_id, revision = @revision, type = @type, data = @data, metadata = @metadata, recorded_at = @recorded_at WHERE position = @position');
    db.prepare("UPDATE events SET event_id = 'tmp', revision = 999999 WHERE position = ?").run(p);
    set.run({ ...a, event_id: 'tmp2', revision: 999998, position: q });
    set.run({ ...b, position: p });
    set.run({ ...a, position: q });
  };

  it('finds nothing wrong with an untouched log, checkpoint included', async () => {
    expect(await verify()).toEqual({ checkedEvents: 11, valid: true, firstInvalidPosition: null, reason: null, checkpointsChecked: 1, treeSize: 10 });
  });

  it('detects one changed byte of an event’s data at its position', async () => {
    tamper((db) => db.prepare("UPDATE events SET data = replace(data, 'Navn b 1', 'Navn b 7') WHERE position = 5").run());
    expect(await verify()).toMatchObject({ valid: false, firstInvalidPosition: 5n, reason: expect.stringContaining('does not match its hash') });
    expect(await verify(false)).toMatchObject({ valid: false, firstInvalidPosition: 5n });
  });

  it('detects one changed byte of an event’s metadata (the actor) at its position', async () => {
    tamper((db) => db.prepare("UPDATE events SET metadata = replace(metadata, '\"sara\"', '\"sarb\"') WHERE position = 7").run());
    expect(await verify()).toMatchObject({ valid: false, firstInvalidPosition: 7n });
  });

  it('detects a re-hashed forgery (content and hash changed together) where the chain breaks', async () => {
    // Change event 3 (a-1) and recompute its own hash: its successor a-2 (position 6) no longer links, and the checkpoint pins 3.
    const { computeEventHash } = await import('@kom/kernel');
    tamper((db) => {
      const r = row(db, 3);
      const data = JSON.parse(String(r.data)) as Record<string, unknown>;
      data.name = 'Forfalsket';
      const metadata = JSON.parse(String(r.metadata)) as Record<string, unknown>;
      metadata.hash = computeEventHash({ streamId: String(r.stream_id), revision: BigInt(Number(r.revision)), type: String(r.type), data, metadata });
      db.prepare('UPDATE events SET data = ?, metadata = ? WHERE position = 3').run(JSON.stringify(data), JSON.stringify(metadata));
    });
    expect(await verify()).toMatchObject({ valid: false, firstInvalidPosition: 3n });
    // Without the notary's leaves: where the chain breaks, at the forged event's successor.
    expect(await verify(false)).toMatchObject({ valid: false, firstInvalidPosition: 6n, reason: expect.stringContaining('prevHash') });
  });

  it('detects a deleted event at its position, in the middle of a stream and at the end of one', async () => {
    tamper((db) => db.prepare('DELETE FROM events WHERE position = 3').run()); // a-1
    expect(await verify()).toMatchObject({ valid: false, firstInvalidPosition: 3n });
    // Without the notary's leaves the chain still finds it, at the next event of the stream (a-2).
    expect(await verify(false)).toMatchObject({ valid: false, firstInvalidPosition: 6n, reason: expect.stringContaining('missing') });
  });

  it('detects the deletion of a stream’s last event, which no chain can see, through the signed checkpoint', async () => {
    expect(layout[9]).toMatchObject({ streamId: 'organization-c', revision: 2n });
    tamper((db) => db.prepare('DELETE FROM events WHERE position = 10').run());
    expect(await verify()).toMatchObject({ valid: false, firstInvalidPosition: 10n });
  });

  it('detects two events of one stream swapped, at the first of them', async () => {
    tamper((db) => swap(db, 3, 6)); // a-1 and a-2
    expect(await verify()).toMatchObject({ valid: false, firstInvalidPosition: 3n });
    expect(await verify(false)).toMatchObject({ valid: false, firstInvalidPosition: 3n });
  });

  it('detects two events of different streams swapped in the global order, at the first of them', async () => {
    tamper((db) => swap(db, 4, 5)); // c-0 and b-1: every chain still reads fine
    expect(await verify()).toMatchObject({ valid: false, firstInvalidPosition: 4n });
  });

  it('rejects a checkpoint signed with another key, and one whose signature does not verify', async () => {
    const store = SqliteEventStore.open(file);
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const forged = signCheckpoint({ treeSize: 10, rootHash: notary.consistencyProof(10, 10).toRoot, position: '10', time: new Date().toISOString() }, privateKey, keyIdOf(publicKey));
    const { position } = await store.appendToStream(CHECKPOINT_STREAM, [{ id: checkpointEventId(99), type: CHECKPOINT_EVENT_TYPE, data: forged, metadata: {} }]);
    await store.close();
    expect(await verify()).toMatchObject({ valid: false, firstInvalidPosition: position, reason: expect.stringContaining('another key') });

    // Another key passing itself off as the platform's (its key id): the signature does not verify.
    const stolenId = signCheckpoint({ treeSize: 10, rootHash: forged.rootHash, position: '10', time: forged.time }, privateKey, key.published.keyId);
    expect(checkpointSignatureProblem(stolenId, toPublicKey(key.published.publicKeyPem))).toMatch(/does not verify/);
    expect(checkpointSignatureProblem(signCheckpoint({ ...stolenId }, key.privateKey, key.published.keyId), toPublicKey(key.published.publicKeyPem))).toBeUndefined();
  });
});
