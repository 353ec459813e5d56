// A separate OS process that appends to a PostgreSQL event store, for the multi-process tests and
// benchmarks. Usage: append-worker.ts <url> <json plan>; prints one JSON line when done.
import { randomUUID } from 'node:crypto';
import { EventStoreUnavailableError } from '../../errors';
import { PostgresEventStore } from '../postgres-event-store';

export interface AppendWorkerPlan {
  /** Streams to append to, chosen at random per append. */
  readonly streams: readonly string[];
  readonly writers: number;
  readonly appendsPerWriter: number;
  readonly eventsPerAppend: number;
  /** Pause between one writer's appends. */
  readonly pauseMs?: number;
  readonly eventType?: string;
}

async function main(): Promise<void> {
  const [url, planJson] = process.argv.slice(2);
  const plan = JSON.parse(planJson ?? '{}') as AppendWorkerPlan;
  const store = await PostgresEventStore.connect(url ?? '', { maxConnections: 4 });
  let appended = 0;
  const writer = async (w: number) => {
    for (let i = 0; i < plan.appendsPerWriter; i++) {
      const streamId = plan.streams[Math.floor(Math.random() * plan.streams.length)]!;
      const events = Array.from({ length: plan.eventsPerAppend }, (_, n) => ({
        id: randomUUID(),
        type: plan.eventType ?? 'Appended',
        data: { pid: process.pid, writer: w, append: i, n, sentAt: performance.timeOrigin + performance.now() },
        metadata: { correlationId: randomUUID() },
      }));
      // A batch that failed on a lost connection may have committed: retrying with the same ids is safe.
      for (let attempt = 0; ; attempt++) {
        try {
          await store.appendToStream(streamId, events, { expectedRevision: 'any' });
          break;
        } catch (error) {
          if (!(error instanceof EventStoreUnavailableError) || attempt >= 5) throw error;
        }
      }
      appended += events.length;
      if (plan.pauseMs) await new Promise((resolve) => setTimeout(resolve, plan.pauseMs));
    }
  };
  await Promise.all(Array.from({ length: plan.writers }, (_, w) => writer(w)));
  const stats = store.stats;
  await store.close();
  process.stdout.write(`${JSON.stringify({ appended, ...stats })}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
