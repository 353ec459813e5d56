import { SqliteEventStore, StreamNotFoundError, type EventStore } from '@kom/event-store';
import { KomMetrics } from './metrics';
import { observeAppends } from './observed-store';

const event = (type: string) => ({ id: crypto.randomUUID(), type, data: { n: 1 }, metadata: {} });

async function value(metrics: KomMetrics, name: string): Promise<number> {
  const metric = (await metrics.registry.getMetricsAsJSON()).find((m) => m.name === name);
  return (metric?.values ?? []).filter((v) => !('metricName' in v) || v.metricName === `${name}_count` || v.metricName === name).reduce((n, v) => n + Number(v.value), 0);
}

describe('observeAppends', () => {
  let store: SqliteEventStore;
  let metrics: KomMetrics;
  let observed: EventStore;

  beforeEach(async () => {
    store = await SqliteEventStore.open(':memory:');
    metrics = new KomMetrics();
    observed = observeAppends(store, metrics);
  });
  afterEach(() => store.close());

  it('counts appends to one stream and to several, their events and batches; an empty append counts nothing', async () => {
    await observed.appendToStream('org-1', [event('A'), event('B')]);
    await observed.appendToStreams([
      { streamId: 'org-2', events: [event('A')] },
      { streamId: 'org-3', events: [event('A')] },
    ]);
    await observed.appendToStream('org-1', []);
    expect(await value(metrics, 'kom_appends_total')).toBe(2);
    expect(await value(metrics, 'kom_appended_events_total')).toBe(4);
    expect(await value(metrics, 'kom_append_batch_size')).toBe(2);
    expect((await store.readStream('org-1')).map((e) => e.type)).toEqual(['A', 'B']);
  });

  it('passes a refused append through uncounted', async () => {
    await expect(observed.appendToStream('org-1', [event('A')], { expectedRevision: 3n })).rejects.toThrow(/expected revision 3/);
    expect(await value(metrics, 'kom_appends_total')).toBe(0);
  });

  it('passes reads and properties through, each method bound once to the store', async () => {
    await store.appendToStream('org-1', [event('A')]);
    const { readStream, headPosition } = observed;
    expect(observed.readStream).toBe(readStream);
    expect((await readStream('org-1')).map((e) => e.type)).toEqual(['A']);
    expect(await headPosition()).toBe(await store.headPosition());
    await expect(readStream('missing')).rejects.toBeInstanceOf(StreamNotFoundError);
    expect((observed as SqliteEventStore).filename).toBeUndefined();
    expect((observed as SqliteEventStore).stats.appends).toBe(1);
  });
});
