import { decorateStore } from './decorate-store';
import { StreamNotFoundError } from './errors';
import { SqliteEventStore } from './sqlite/sqlite-event-store';

const event = (type: string) => ({ id: crypto.randomUUID(), type, data: {}, metadata: {} });

describe('decorateStore', () => {
  let store: SqliteEventStore;
  beforeEach(async () => {
    store = await SqliteEventStore.open(':memory:');
  });
  afterEach(() => store.close());

  it('answers with the overrides and passes every other method through, bound to the store once', async () => {
    const seen: string[] = [];
    const decorated = decorateStore(store, {
      readStream: async (streamId) => {
        seen.push(streamId);
        return store.readStream(streamId);
      },
    });
    const { appendToStream, headPosition } = decorated;
    expect(decorated.appendToStream).toBe(appendToStream);
    await appendToStream('org-1', [event('A')]);
    expect((await decorated.readStream('org-1')).map((e) => e.type)).toEqual(['A']);
    expect(seen).toEqual(['org-1']);
    expect(await headPosition()).toBe(await store.headPosition());
    await expect(decorated.readStream('missing')).rejects.toBeInstanceOf(StreamNotFoundError);
  });

  it("keeps the adapter's own members and getters reachable", async () => {
    const decorated = decorateStore(store, {}) as SqliteEventStore;
    await decorated.appendToStream('org-1', [event('A'), event('B')]);
    expect(decorated.stats.appends).toBe(1);
    expect(decorated.filename).toBeUndefined();
    expect(decorated.readPragma('journal_mode')).toBe('memory');
  });

  it('stacks: each decorator sees what the one beneath answers', async () => {
    const calls: string[] = [];
    const inner = decorateStore(store, { appendToStream: (s, e, o) => (calls.push('inner'), store.appendToStream(s, e, o)) });
    const outer = decorateStore(inner, { appendToStream: (s, e, o) => (calls.push('outer'), inner.appendToStream(s, e, o)) });
    await outer.appendToStream('org-1', [event('A')]);
    expect(calls).toEqual(['outer', 'inner']);
    expect(outer.readStream).toBe(outer.readStream);
  });
});
