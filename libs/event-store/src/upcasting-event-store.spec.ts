import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { Upcasters, checkChainLink, defineEvent, defineUpcaster, storedForm } from '@kom/kernel';
import type { EventStore, RecordedEvent } from './event-store.port';
import { createEventStore } from './create-event-store';
import { KurrentDbEventStore } from './kurrentdb/kurrentdb-event-store';
import { FakeKurrentDbClient } from './kurrentdb/testing/fake-kurrentdb-client';
import { PostgresEventStore } from './postgres/postgres-event-store';
import { createTestDatabase, postgresSkipReason, type TestDatabase } from './postgres/testing/postgres-test-database';
import { SqliteEventStore } from './sqlite/sqlite-event-store';
import { withUpcasting } from './upcasting-event-store';

// A made-up event type that changed twice: v1 held one free-text `name`, v2 split it into given and
// family names, v3 added a required `country` with a default.
const V1 = defineEvent('PersonNoted', 1, z.object({ name: z.string() }));
const V2 = defineEvent('PersonNoted', 2, z.object({ given: z.string(), family: z.string() }));
const V3 = defineEvent('PersonNoted', 3, z.object({ given: z.string(), family: z.string(), country: z.string() }));
const upcasters = new Upcasters([
  defineUpcaster(V1, V2, ({ name }) => {
    const at = name.lastIndexOf(' ');
    return at < 0 ? { given: name, family: '' } : { given: name.slice(0, at), family: name.slice(at + 1) };
  }),
  defineUpcaster(V2, V3, (d) => ({ ...d, country: 'NO' })),
]);

const v1 = (name: string) => ({ id: randomUUID(), type: 'PersonNoted', data: { name }, metadata: { schemaVersion: 1, correlationId: randomUUID() } });
const v3 = (given: string, family: string) => ({ id: randomUUID(), type: 'PersonNoted', data: { given, family, country: 'SE' }, metadata: { schemaVersion: 3 } });
const other = () => ({ id: randomUUID(), type: 'SomethingElse', data: { name: 'Ola Nordmann' }, metadata: { schemaVersion: 1 } });

function chainChecks(events: readonly RecordedEvent[]): string[] {
  const heads = new Map<string, { revision: bigint; hash: string }>();
  const problems: string[] = [];
  for (const e of events) {
    const link = checkChainLink(e, heads.get(e.streamId));
    if (link.ok) heads.set(e.streamId, { revision: e.revision, hash: link.hash });
    else problems.push(link.reason);
  }
  return problems;
}

function describeUpcasting(name: string, open: () => Promise<EventStore>, skipReason?: string): void {
  (skipReason ? describe.skip : describe)(`reads upcast on ${name}${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
    let raw: EventStore;
    let store: EventStore;
    const stream = `person-${randomUUID()}`;

    beforeAll(async () => {
      raw = await open();
      store = withUpcasting(raw, upcasters);
      await store.appendToStream(stream, [v1('Kari Nordmann'), v1('Madonna'), v3('Anna', 'Svensson'), other()]);
    });
    afterAll(() => raw.close());

    const expected = [
      { given: 'Kari', family: 'Nordmann', country: 'NO' },
      { given: 'Madonna', family: '', country: 'NO' },
      { given: 'Anna', family: 'Svensson', country: 'SE' },
      { name: 'Ola Nordmann' },
    ];

    it('readStream, readAll and subscribeToAll give the newest version', async () => {
      const fromStream = await store.readStream(stream);
      expect(fromStream.map((e) => e.data)).toEqual(expected);
      expect(fromStream.map((e) => (e.metadata as { schemaVersion: number }).schemaVersion)).toEqual([3, 3, 3, 1]);
      const all = (await store.readAll()).filter((e) => e.streamId === stream);
      expect(all.map((e) => e.data)).toEqual(expected);
      const subscription = store.subscribeToAll({ filter: { streamPrefixes: [stream] } });
      const seen: unknown[] = [];
      for await (const e of subscription) {
        seen.push(e.data);
        if (seen.length === expected.length) break;
      }
      await subscription.unsubscribe();
      expect(seen).toEqual(expected);
    });

    it('leaves the stored events as they were written', async () => {
      const stored = await raw.readStream(stream);
      expect(stored.map((e) => e.data)).toEqual([{ name: 'Kari Nordmann' }, { name: 'Madonna' }, { given: 'Anna', family: 'Svensson', country: 'SE' }, { name: 'Ola Nordmann' }]);
      const read = await store.readStream(stream);
      expect(read.map(storedForm).map((e) => e.data)).toEqual(stored.map((e) => e.data));
      expect(read.map(storedForm).map((e) => e.metadata)).toEqual(stored.map((e) => e.metadata));
    });

    it('verifies the hash chain over the stored bytes, and still sees tampering with an upcast event', async () => {
      const read = await store.readStream(stream);
      expect(chainChecks(read)).toEqual([]);
      const tampered = { ...read[0]!, data: { given: 'Mallory', family: 'Nordmann', country: 'NO' } };
      expect(checkChainLink(tampered, undefined)).toEqual({ ok: false, reason: expect.stringContaining('does not match its hash') });
    });
  });
}

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describeUpcasting('SQLite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'kom-upcast-'));
  dirs.push(dir);
  return SqliteEventStore.open(join(dir, 'events.sqlite'), { pollIntervalMs: 5 });
});

describeUpcasting('KurrentDB (in-memory client)', async () => KurrentDbEventStore.fromClient(new FakeKurrentDbClient().asClient(), { readPageSize: 2 }));

const pgSkip = postgresSkipReason();
let database: TestDatabase | undefined;
if (!pgSkip) afterAll(() => database?.drop());
describeUpcasting(
  'PostgreSQL',
  async () => {
    database ??= await createTestDatabase();
    return PostgresEventStore.connect(database.url, { pollIntervalMs: 20 });
  },
  pgSkip,
);

describe('createEventStore with upcasters', () => {
  it('upcasts what the embedded store reads; without them it reads the stored bytes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kom-upcast-'));
    dirs.push(dir);
    const plain = await createEventStore({ dataDir: dir });
    await plain.appendToStream('person-1', [v1('Per Hansen')]);
    expect((await plain.readStream('person-1'))[0]!.data).toEqual({ name: 'Per Hansen' });
    await plain.close();
    const upcasting = await createEventStore({ dataDir: dir, upcasters });
    expect((await upcasting.readStream('person-1'))[0]!.data).toEqual({ given: 'Per', family: 'Hansen', country: 'NO' });
    await upcasting.close();
  });
});
