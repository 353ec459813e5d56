// A separate OS process that appends to a PostgreSQL event store and records what became of each
// append, for the tests that terminate its connections meanwhile. Nothing is retried: each append
// is reported as it settled. Usage: append-outcomes-worker.ts <url> <json plan>; prints one JSON line.
import { randomUUID } from 'node:crypto';
import { EventStoreUnavailableError } from '../../errors';
import { PostgresEventStore } from '../postgres-event-store';
import type { AppendOutcome, AppendOutcomesPlan, AppendOutcomesReport } from './append-outcomes';

async function main(): Promise<void> {
  const [url, planJson] = process.argv.slice(2);
  const plan = JSON.parse(planJson ?? '{}') as AppendOutcomesPlan;
  let lostConnections = 0;
  const store = await PostgresEventStore.connect(url ?? '', { maxConnections: 4, onConnectionLost: () => (lostConnections += 1) });
  // The runner terminates the connections of every worker past its start, then says go (see
  // append-outcomes.ts): the writes begin with a connection already cut, whatever the timing.
  process.stdout.write('connected\n');
  await new Promise<void>((resolve) => {
    let input = '';
    process.stdin.on('data', (chunk: Buffer) => {
      input += chunk.toString();
      if (input.includes('go\n')) resolve();
    });
  });
  process.stdin.destroy();
  const outcomes: AppendOutcome[] = [];
  const writer = async (w: number) => {
    for (let i = 0; i < plan.appendsPerWriter; i++) {
      const streamId = plan.streams[(w + i) % plan.streams.length]!;
      const events = Array.from({ length: plan.eventsPerAppend }, (_, n) => ({
        id: randomUUID(),
        type: 'Appended',
        data: { pid: process.pid, writer: w, append: i, n },
        metadata: { correlationId: randomUUID() },
      }));
      const ids = events.map((e) => e.id);
      try {
        await store.appendToStream(streamId, events, { expectedRevision: 'any' });
        outcomes.push({ ids, outcome: 'appended' });
      } catch (error) {
        const failed = error instanceof EventStoreUnavailableError ? 'unavailable' : `untyped ${String((error as Error)?.stack ?? error)}`;
        outcomes.push({ ids, outcome: failed });
      }
    }
  };
  await Promise.all(Array.from({ length: plan.writers }, (_, w) => writer(w)));
  await store.close().catch(() => undefined);
  const report: AppendOutcomesReport = { outcomes, lostConnections };
  process.stdout.write(`${JSON.stringify(report)}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
