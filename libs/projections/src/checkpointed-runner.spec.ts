import { randomUUID } from 'node:crypto';
import { SqliteEventStore, type EventStore, type RecordedEvent } from '@kom/event-store';
import { CheckpointedRunner } from './checkpointed-runner';

describe('CheckpointedRunner: the log loop under projections and reactors', () => {
  let store: EventStore;
  const append = (n: number) =>
    store.appendToStream('tick-1', Array.from({ length: n }, (_, i) => ({ id: randomUUID(), type: 'Ticked', data: { i }, metadata: {} })));
  /** Resolves once `seen` holds `count` events. */
  const until = async (seen: RecordedEvent[], count: number) => {
    while (seen.length < count) await new Promise((resolve) => setImmediate(resolve));
  };

  beforeEach(async () => {
    store = await SqliteEventStore.open(':memory:', { pollIntervalMs: 10 });
  });
  afterEach(() => store.close());

  it('hands over every event after the start position once, in log order: catch-up pages, then live batches', async () => {
    await append(7);
    const seen: RecordedEvent[] = [];
    const batches: number[] = [];
    const runner = new CheckpointedRunner(store, { handle: (events) => void (seen.push(...events), batches.push(events.length)) }, { catchUpBatchSize: 3, liveBatchSize: 2 });
    const run = runner.run(2n);
    await until(seen, 5);
    await append(3);
    await until(seen, 8);
    await runner.stop();
    await run;
    expect(seen.map((e) => e.position)).toEqual([3n, 4n, 5n, 6n, 7n, 8n, 9n, 10n]);
    expect(batches.slice(0, 2)).toEqual([3, 2]); // the catch-up pages
    expect(Math.max(...batches.slice(2))).toBeLessThanOrEqual(2); // live batches stay within liveBatchSize
  });

  it('ends the run with what the consumer throws', async () => {
    await append(1);
    const runner = new CheckpointedRunner(store, { handle: () => { throw new Error('projection broke'); } }, { catchUpBatchSize: 10, liveBatchSize: 10 });
    await expect(runner.run(0n)).rejects.toThrow('projection broke');
  });

  it('tells a consumer that is slow per event that it is stopping, and hands over nothing after stop', async () => {
    await append(3);
    const seen: bigint[] = [];
    let runner!: CheckpointedRunner;
    runner = new CheckpointedRunner(
      store,
      {
        async handle(events, run) {
          for (const event of events) {
            if (run.stopping) return;
            seen.push(event.position);
            if (seen.length === 1) await runner.stop();
          }
        },
      },
      { catchUpBatchSize: 10, liveBatchSize: 10 },
    );
    await runner.run(0n);
    expect(seen).toEqual([1n]);
  });
});
