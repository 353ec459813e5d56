import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Client } from 'pg';
import { AuditNotary, auditLeavesProjection, loadOrCreateAuditKey, verifyWholeLog } from '@kom/audit';
import { PostgresEventStore, SqliteEventStore, type EventStore } from '@kom/event-store';
import { createTestDatabase, describeWithPostgres, type TestDatabase } from '@kom/event-store/testing';
import { ReadModelDatabase, rebuildAll } from '@kom/projections';
import { runCli } from '../run-cli';

const ROOT = join(__dirname, '..', '..', '..', '..');

async function migrate(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(['migrate-store', ...argv], { KOM_DATA_DIR: join(tmpdir(), 'kom-unused') }, (l) => out.push(l), (l) => err.push(l));
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const digests = (out: string) => [...out.matchAll(/^(source|target): .* digest ([0-9a-f]{64})$/gm)].map((m) => m[2]);

/**
 * A log as the platform writes one: several streams, metadata with actor and times, text in
 * Norwegian, numbers, nesting, a large event, and signed audit checkpoints over it.
 */
async function writeLog(file: string, keyFile: string, events: number): Promise<void> {
  const store = SqliteEventStore.open(file);
  const streams = Array.from({ length: 7 }, (_, i) => `${['meeting', 'issue', 'agreement'][i % 3]}-${randomUUID()}`);
  for (let i = 0; i < events; i += 10) {
    await Promise.all(
      streams.map((streamId, s) =>
        i % streams.length === s || s === 0
          ? store.appendToStream(
              streamId,
              Array.from({ length: 5 }, (_, k) => ({
                id: randomUUID(),
                type: k % 2 ? 'AgendaItemAdded' : 'MeetingScheduled',
                data: { n: i + k, title: `Møte ${i} — «sak» æøå ${'\u{1F600}'}`, ratio: 0.1 + k, nested: { list: [1, 'to', null, { tre: true }] } },
                metadata: { actor: { userId: 'sara', organizationId: 'org-pod', role: 'SECRETARIAT' }, correlationId: randomUUID(), occurredAt: new Date().toISOString(), schemaVersion: 1 },
              })),
            )
          : Promise.resolve(),
      ),
    );
  }
  await store.appendToStream(`document-${randomUUID()}`, [{ id: randomUUID(), type: 'Large', data: { text: 'x'.repeat(1_100_000) }, metadata: {} }]);
  const readModels = ReadModelDatabase.open(':memory:');
  await rebuildAll(store, readModels, [auditLeavesProjection]);
  await new AuditNotary(store, readModels.db, loadOrCreateAuditKey(keyFile), { checkpointEvery: 100 }).checkpointNow();
  readModels.close();
  await store.close();
}

async function eventCount(store: EventStore): Promise<number> {
  return (await store.readAll()).length;
}

describe('kom migrate-store between SQLite logs', () => {
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kom-migrate-'));
    await writeLog(join(dir, 'source', 'events.sqlite'), join(dir, 'audit-key.pem'), 60);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('copies into an empty data directory and prints two equal digests', async () => {
    const result = await migrate('--from', `sqlite:${join(dir, 'source', 'events.sqlite')}`, '--to', join(dir, 'copy'));
    expect(result).toMatchObject({ code: 0, err: '' });
    const [a, b] = digests(result.out);
    expect(a).toBeDefined();
    expect(a).toBe(b);
    expect(result.out).toContain('positions: the same on both sides');
    expect(result.out).toMatch(/every chain whole/);
    // Run again: the target is the whole source already; nothing is copied twice.
    const again = await migrate('--from', join(dir, 'source'), '--to', join(dir, 'copy'));
    expect(again.code).toBe(0);
    expect(again.out).toMatch(/resumed after them/);
    expect(again.out).toContain('copied 0 events');
  });

  it('refuses a non-empty target that is not the beginning of the source, and writes nothing to it', async () => {
    const other = SqliteEventStore.open(join(dir, 'other', 'events.sqlite'));
    await other.appendToStream('meeting-x', [{ id: randomUUID(), type: 'MeetingScheduled', data: {}, metadata: {} }]);
    await other.close();
    const result = await migrate('--from', join(dir, 'source'), '--to', join(dir, 'other'));
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/migrate-store failed: the target is not empty and is not a copy of the source's beginning/);
    const check = new Database(join(dir, 'other', 'events.sqlite'), { readonly: true });
    expect(check.prepare('SELECT count(*) AS n FROM events').get()).toEqual({ n: 1 });
    check.close();
  });

  it('refuses a source whose chain was altered, keeping what was copied before it', async () => {
    const source = join(dir, 'altered', 'events.sqlite');
    await writeLog(source, join(dir, 'audit-key.pem'), 20);
    const db = new Database(source);
    db.prepare("UPDATE events SET data = json_set(data, '$.n', 999) WHERE position = 12").run();
    db.close();
    const result = await migrate('--from', source, '--to', join(dir, 'from-altered'), '--batch', '5');
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/cannot be imported: its hash chain does not continue/);
    const copy = SqliteEventStore.openReadOnly(join(dir, 'from-altered', 'events.sqlite'));
    expect(await eventCount(copy)).toBe(10); // the two batches before the altered event
    await copy.close();
  });

  it('says what is wrong with its arguments', async () => {
    expect((await migrate('--from', join(dir, 'source'))).code).toBe(2);
    expect((await migrate('--from', join(dir, 'source'), '--to', join(dir, 'source'))).err).toMatch(/the same log/);
    expect((await migrate('--from', 'mysql://db/kom', '--to', join(dir, 'x'))).err).toMatch(/expected a SQLite path/);
    expect((await migrate('--from', join(dir, 'missing'), '--to', join(dir, 'y'))).err).toMatch(/no event log at/);
    expect((await migrate('--from', join(dir, 'source'), '--to', join(dir, 'z'), '--batch', '0')).code).toBe(2);
  });
});

describeWithPostgres('kom migrate-store SQLite → PostgreSQL → SQLite', () => {
  let dir: string;
  let database: TestDatabase;
  let resumeDatabase: TestDatabase;
  const sourceFile = () => join(dir, 'source', 'events.sqlite');
  const keyFile = () => join(dir, 'audit-key.pem');

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kom-migrate-pg-'));
    [database, resumeDatabase] = await Promise.all([createTestDatabase(), createTestDatabase()]);
    await writeLog(sourceFile(), keyFile(), 1000);
  });
  afterAll(async () => {
    await database?.drop();
    await resumeDatabase?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('round-trips with equal digests, positions, recorded times and verifying audit checkpoints', async () => {
    const there = await migrate('--from', sourceFile(), '--to', database.url);
    expect(there.code).toBe(0);
    const back = await migrate('--from', database.url, '--to', join(dir, 'back'));
    expect(back.code).toBe(0);
    const all = [...digests(there.out), ...digests(back.out)];
    expect(all).toHaveLength(4);
    expect(new Set(all).size).toBe(1);
    console.log(`round trip: ${there.out.match(/copied \d+ events in [\d.]+ s/)?.[0]} to PostgreSQL, ${back.out.match(/copied \d+ events in [\d.]+ s/)?.[0]} back`);

    const source = SqliteEventStore.openReadOnly(sourceFile());
    const pg = await PostgresEventStore.connect(database.url);
    const returned = SqliteEventStore.openReadOnly(join(dir, 'back', 'events.sqlite'));
    try {
      const [a, b, c] = await Promise.all([source.readAll(), pg.readAll(), returned.readAll()]);
      expect(b).toEqual(a);
      expect(c).toEqual(a);
      const key = loadOrCreateAuditKey(keyFile()).published;
      for (const store of [pg, returned]) expect(await verifyWholeLog(store, key)).toMatchObject({ valid: true, checkpointsChecked: 1 });
    } finally {
      await source.close();
      await pg.close();
      await returned.close();
    }
  });

  it('resumes a copy killed mid-way, and the result equals the source', async () => {
    const child = spawn(
      process.execPath,
      ['-r', join(ROOT, 'test', 'support', 'ts-register.js'), join(ROOT, 'apps', 'cli', 'src', 'main.ts'), 'migrate-store', '--from', sourceFile(), '--to', resumeDatabase.url, '--batch', '5'],
      { cwd: ROOT, env: { PATH: process.env.PATH, KOM_DATA_DIR: join(dir, 'unused') }, stdio: 'ignore' },
    );
    const exited = new Promise((resolve) => child.on('close', resolve));
    const admin = new Client({ connectionString: resumeDatabase.url });
    await admin.connect();
    const copied = async () => {
      const { rows } = await admin.query<{ n: string }>("SELECT count(*) AS n FROM events").catch(() => ({ rows: [{ n: '0' }] }));
      return Number(rows[0]!.n);
    };
    try {
      const deadline = Date.now() + 60_000;
      while ((await copied()) < 50 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
      child.kill('SIGKILL');
      await exited;
      const before = await copied();
      const source = SqliteEventStore.openReadOnly(sourceFile());
      const total = await eventCount(source);
      await source.close();
      expect(before).toBeGreaterThanOrEqual(50);
      expect(before).toBeLessThan(total);
      expect(before % 5).toBe(0); // whole batches only

      const resumed = await migrate('--from', sourceFile(), '--to', resumeDatabase.url);
      expect(resumed.code).toBe(0);
      expect(resumed.out).toContain(`the target held the source's first ${before} events: resumed after them`);
      expect(resumed.out).toContain(`copied ${total - before} events`);
      const [a, b] = digests(resumed.out);
      expect(a).toBe(b);
    } finally {
      child.kill('SIGKILL');
      await admin.end();
    }
  });
});
