import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore, createEventStore, type RecordedEvent } from '@kom/event-store';
import { ReadModelDatabase, rebuildAll } from '@kom/projections';
import { verifyBundle } from '@kom/audit';
import { CONTEXTS, UPCASTERS } from '../../apps/api/src/contexts';
import { compareTables } from '../../apps/cli/src/audit/read-model-digest';
import { runOperatorCli } from '../support/cli';
import { recordProjectGroupDecision } from '../support/record-decision';
import { TestApp } from '../support/test-app';

/**
 * Schema evolution end to end: a log written before MeetingScheduled v2 (no timeZone, schemaVersion
 * 1) replays to the same read models as the same history written today, verifies, keeps verifying
 * after the application adds to it, and every new MeetingScheduled is written at version 2.
 */
describe('a log written before MeetingScheduled v2', () => {
  const projections = CONTEXTS.flatMap((c) => c.projections);
  let today: string; // the history as written by today's code
  let before: string; // the same history as v1 code stored it
  const scratch: string[] = [];
  const dir = (name: string) => {
    const d = mkdtempSync(join(tmpdir(), `kom-evolve-${name}-`));
    scratch.push(d);
    return d;
  };
  const rawEvents = async (dataDir: string): Promise<RecordedEvent[]> => {
    const store = SqliteEventStore.open(join(dataDir, 'events.sqlite'));
    try {
      return await store.readAll();
    } finally {
      await store.close();
    }
  };

  beforeAll(async () => {
    const app = await TestApp.start();
    today = app.config.dataDir;
    scratch.push(today);
    await recordProjectGroupDecision(app, 'Vedtak før endringen');
    await recordProjectGroupDecision(app, 'Enda et vedtak');
    await app.stop({ keepData: true });

    // The same events, in the same streams and order, as v1 code wrote them. Audit checkpoints are
    // left out: they sign the other log's hashes (this log gets its own below).
    before = dir('before');
    const store = SqliteEventStore.open(join(before, 'events.sqlite'));
    try {
      for (const e of await rawEvents(today)) {
        if (e.streamId.startsWith('audit')) continue;
        let { data, metadata } = e as RecordedEvent<Record<string, unknown>, Record<string, unknown>>;
        if (e.type === 'MeetingScheduled') {
          const { timeZone: _tz, ...v1 } = data;
          data = v1;
          metadata = { ...metadata, schemaVersion: 1 };
        }
        await store.appendToStream(e.streamId, [{ id: e.id, type: e.type, data, metadata }]);
      }
    } finally {
      await store.close();
    }
  }, 60_000);

  afterAll(() => {
    for (const d of scratch) rmSync(d, { recursive: true, force: true });
  });

  it('holds MeetingScheduled at version 1, without the time zone', async () => {
    const scheduled = (await rawEvents(before)).filter((e) => e.type === 'MeetingScheduled');
    expect(scheduled).toHaveLength(2);
    for (const e of scheduled) {
      expect(e.metadata).toMatchObject({ schemaVersion: 1 });
      expect(e.data).not.toHaveProperty('timeZone');
    }
  });

  it('reads MeetingScheduled at version 2 through the platform store, hashes unchanged', async () => {
    const store = await createEventStore({ dataDir: before, upcasters: UPCASTERS });
    try {
      const read = (await store.readAll()).filter((e) => e.type === 'MeetingScheduled');
      const raw = (await rawEvents(before)).filter((e) => e.type === 'MeetingScheduled');
      expect(read.map((e) => e.data)).toEqual(raw.map((e) => ({ ...(e.data as object), timeZone: 'Europe/Oslo' })));
      expect(read.map((e) => (e.metadata as { schemaVersion: number }).schemaVersion)).toEqual([2, 2]);
      expect(read.map((e) => (e.metadata as { hash: string }).hash)).toEqual(raw.map((e) => (e.metadata as { hash: string }).hash));
    } finally {
      await store.close();
    }
  });

  it('replays to the same read models as the history written today', async () => {
    const rebuild = async (dataDir: string) => {
      const store = await createEventStore({ dataDir, upcasters: UPCASTERS });
      const db = ReadModelDatabase.open(join(dir('rm'), 'read-models.sqlite'));
      try {
        await rebuildAll(store, db, projections);
      } finally {
        await store.close();
      }
      return db;
    };
    const [a, b] = [await rebuild(today), await rebuild(before)];
    try {
      // The audit trail and leaves stand apart: the log written today also holds its checkpoints.
      const tables = projections.filter((p) => !p.name.startsWith('audit')).flatMap((p) => p.tables);
      expect(tables.length).toBeGreaterThan(10);
      expect(compareTables(a.db, b.db, tables)).toEqual([]);
    } finally {
      a.close();
      b.close();
    }
  });

  it('serves the old meetings, writes new ones at version 2, and stays verifiable with checkpoints and bundles', async () => {
    const app = await TestApp.start({ dataDir: before });
    let stopped = false;
    try {
      const secretariat = await app.token('SECRETARIAT');
      const auditor = await app.token('AUDITOR', 'org-riksrevisjonen', 'revisor');
      // The start-up check went over the old bytes: the log is intact, so writes are allowed.
      const status = await app.gql('{ integrityCheck { running lastReport { valid } } }', {}, auditor);
      expect(status.errors).toBeUndefined();
      const old = (await rawEvents(before)).find((e) => e.type === 'MeetingScheduled')!;
      const oldId = (old.data as { meetingId: string }).meetingId;
      const shown = await app.gql('query($id: ID!) { meeting(id: $id) { id title } }', { id: oldId }, secretariat);
      expect(shown.errors).toBeUndefined();
      expect(shown.data!.meeting).toMatchObject({ id: oldId, title: 'Prosjektgruppemøte' });

      await recordProjectGroupDecision(app, 'Vedtak etter endringen');
      const checkpoint = await app.gql('mutation { createAuditCheckpoint { treeSize } }', {}, secretariat);
      expect(checkpoint.errors).toBeUndefined();
      const bundle = await app.app.inject({ method: 'GET', url: '/evidence/bundle.jsonl?from=2000-01-01&to=2100-12-31', headers: { authorization: `Bearer ${auditor}` } });
      expect(bundle.statusCode).toBe(200);
      // The bundle carries the stored bytes: version 1 events verify offline beside version 2 ones.
      expect(verifyBundle(bundle.body)).toMatchObject({ valid: true, unprovenEvents: 0 });
      expect(bundle.body).toContain('"schemaVersion":1');
      await app.stop({ keepData: true });
      stopped = true;

      const versions = (await rawEvents(before)).filter((e) => e.type === 'MeetingScheduled').map((e) => [(e.metadata as { schemaVersion: number }).schemaVersion, (e.data as { timeZone?: string }).timeZone]);
      expect(versions).toEqual([[1, undefined], [1, undefined], [2, 'Europe/Oslo']]);
      const verified = await runOperatorCli(before, ['verify']);
      expect(verified.out).toMatch(/and [1-9]\d* signed checkpoint\(s\).*: valid/);
      expect(verified.code).toBe(0);
      const replayed = await runOperatorCli(before, ['replay']);
      expect(replayed.out).toMatch(/all \d+ read-model tables equal the replay of the log/);
      expect(replayed.code).toBe(0);
    } finally {
      if (!stopped) await app.stop({ keepData: true });
    }
  }, 60_000);
});
