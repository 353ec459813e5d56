import { randomUUID } from 'node:crypto';
import { SqliteEventStore, type EventStore } from '@kom/event-store';
import { loadStream } from './load-stream';

type Counted = { type: 'Counted'; data: { by: number } };
const counter = { initialState: 0, evolve: (total: number, event: Counted) => total + event.data.by };

describe('loadStream: the one way to fold a stream', () => {
  let store: EventStore;
  const count = (by: number, occurredAt: string) =>
    store.appendToStream('counter-1', [{ id: randomUUID(), type: 'Counted', data: { by }, metadata: { occurredAt } }]);

  beforeEach(async () => {
    store = await SqliteEventStore.open(':memory:');
    await count(1, '2026-03-01T09:00:00.000Z');
    await count(10, '2026-03-02T09:00:00.000Z');
    await count(100, '2026-03-03T09:00:00.000Z');
  });
  afterEach(() => store.close());

  it('folds the whole stream, with the revision of its last event', async () => {
    expect(await loadStream(store, counter, 'counter-1')).toEqual({ state: 111, revision: 2n });
  });

  it('folds up to and including a revision (the stream as one of its events left it)', async () => {
    expect(await loadStream(store, counter, 'counter-1', { upTo: 1n })).toEqual({ state: 11, revision: 1n });
    expect(await loadStream(store, counter, 'counter-1', { upTo: -1n })).toEqual({ state: 0, revision: undefined });
  });

  it('folds what had happened by an instant (time travel), by when it happened', async () => {
    expect(await loadStream(store, counter, 'counter-1', { asOf: new Date('2026-03-02T09:00:00.000Z') })).toEqual({ state: 11, revision: 1n });
    expect(await loadStream(store, counter, 'counter-1', { asOf: new Date('2026-02-01T00:00:00.000Z') })).toEqual({ state: 0, revision: undefined });
  });

  it('gives the initial state and no revision for a stream that does not exist', async () => {
    expect(await loadStream(store, counter, 'counter-2')).toEqual({ state: 0, revision: undefined });
    expect(await loadStream(store, counter, 'counter-2', { upTo: 3n })).toEqual({ state: 0, revision: undefined });
  });
});
