import { SqliteEventStore, type EventStore } from '@kom/event-store';
import { LogIntegrity, LogIntegrityBroken, guardWrites } from './log-integrity';

const event = (type: string) => ({ id: crypto.randomUUID(), type, data: {}, metadata: {} });

describe('guardWrites', () => {
  let store: SqliteEventStore;
  let integrity: LogIntegrity;
  let guarded: EventStore;

  beforeEach(async () => {
    store = await SqliteEventStore.open(':memory:');
    integrity = new LogIntegrity();
    guarded = guardWrites(store, integrity);
  });
  afterEach(() => store.close());

  it('lets appends to one stream and across streams through while the log is intact', async () => {
    integrity.verified(0, 0n);
    await guarded.appendToStream('org-1', [event('A')]);
    await guarded.appendToStreams([
      { streamId: 'org-2', events: [event('A')] },
      { streamId: 'org-3', events: [event('A')] },
    ]);
    expect((await store.readAll()).map((e) => e.streamId)).toEqual(['org-1', 'org-2', 'org-3']);
  });

  it('refuses every append that would write once the log is known broken, across streams too; reads go on', async () => {
    await store.appendToStream('org-1', [event('A')]);
    integrity.broken(1n, 'hash mismatch', 1);
    await expect(guarded.appendToStream('org-1', [event('B')])).rejects.toBeInstanceOf(LogIntegrityBroken);
    await expect(
      guarded.appendToStreams([
        { streamId: 'org-1', events: [event('B')] },
        { streamId: 'meeting-1', events: [event('C')] },
      ]),
    ).rejects.toMatchObject({ reason: 'LOG_INTEGRITY_BROKEN', position: '1' });
    expect((await store.readAll()).map((e) => e.type)).toEqual(['A']);
    expect((await guarded.readStream('org-1')).map((e) => e.type)).toEqual(['A']);
    // An append of nothing writes nothing: it answers where the stream stands, as before.
    await expect(guarded.appendToStream('org-1', [])).resolves.toMatchObject({ nextExpectedRevision: 0n });
    await expect(guarded.appendToStreams([{ streamId: 'org-1', events: [] }])).resolves.toHaveLength(1);
  });
});
