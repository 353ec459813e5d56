// (c) The PostgreSQL event store, in a database of its own on the machine's server (dropped
// afterwards): durable appends through the command path at 32 writers next to the server's
// single-row insert-and-commit rate measured in the same run; append-to-delivery latency from one
// OS process to a subscriber in another; rebuild of the read models from a PostgreSQL log.
//   npx tsx bench/postgres.bench.ts [events]
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Client } from 'pg';
import { SYSTEM_ACTOR } from '@kom/kernel';
import { PostgresEventStore, START } from '@kom/event-store';
import { TEST_POSTGRES_URL, createTestDatabase, postgresSkipReason, runAppendWorkers } from '@kom/event-store/testing';
import { EventSchemaRegistry, executeCommand, newId, systemClock } from '@kom/platform';
import { organizationDecider, organizationStream } from '@kom/organizations';
import { CONTEXTS } from '../apps/api/src/contexts';
import { rawReadParse, rebuild } from './rebuild.bench';

export type PostgresFigures =
  | { skipped: string }
  | {
      appendsPerSecond: number;
      rawInsertCommitsPerSecond: number;
      appendRatio: number;
      lagP50Ms: number;
      lagP99Ms: number;
      rebuildEvents: number;
      rebuildEventsPerSecond: number;
      rawReadParsePerSecond: number;
    };

/** One row, one autocommit transaction, one WAL flush: what a naive event store pays per append. */
async function rawInsertCommits(url: string, seconds: number): Promise<number> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('CREATE TABLE raw_events (position bigserial PRIMARY KEY, id uuid UNIQUE, stream text, data json)');
    const data = JSON.stringify({ organizationId: 'x', name: 'Kirkens Bymisjon', shortName: null, kind: 'NGO' });
    const end = performance.now() + seconds * 1000;
    let count = 0;
    const start = performance.now();
    while (performance.now() < end) {
      await client.query({ name: 'raw', text: 'INSERT INTO raw_events (id, stream, data) VALUES ($1, $2, $3)', values: [newId(), `organization-${count}`, data] });
      count++;
    }
    return count / ((performance.now() - start) / 1000);
  } finally {
    await client.end();
  }
}

/** Load → decide → validate → chain → durable append, as bench/append.bench.ts does for SQLite. */
async function commandPathAppends(url: string, writers: number, commandsPerWriter: number): Promise<number> {
  const store = await PostgresEventStore.connect(url);
  const deps = { store, clock: systemClock, schemas: new EventSchemaRegistry(CONTEXTS.flatMap((c) => c.eventSchemas)) };
  const meta = { actor: SYSTEM_ACTOR, correlationId: newId() };
  let appends = 0;
  const writer = async (w: number) => {
    for (let i = 0; i < commandsPerWriter; i += 2) {
      const organizationId = `bench-${w}-${i}`;
      await executeCommand(deps, organizationDecider, organizationStream(organizationId), {
        type: 'RegisterOrganization', organizationId, name: `Organisasjon ${w}-${i}`, kind: 'NGO',
      }, meta);
      await executeCommand(deps, organizationDecider, organizationStream(organizationId), {
        type: 'RenameOrganization', organizationId, name: `Organisasjon ${w}-${i} (omdøpt)`,
      }, meta);
      appends += 2;
    }
  };
  try {
    const start = performance.now();
    await Promise.all(Array.from({ length: writers }, (_, w) => writer(w)));
    return appends / ((performance.now() - start) / 1000);
  } finally {
    await store.close();
  }
}

/** Milliseconds from a writer in another process calling append to this process's subscriber receiving the event. */
async function subscriptionLag(url: string): Promise<{ p50: number; p99: number }> {
  const store = await PostgresEventStore.connect(url);
  const streamId = `lag-${newId()}`;
  const plan = { streams: [streamId], writers: 4, appendsPerWriter: 100, eventsPerAppend: 1, pauseMs: 10 };
  const total = plan.writers * plan.appendsPerWriter;
  const subscription = store.subscribeToAll({ fromPosition: await store.headPosition(), filter: { streamPrefixes: [streamId] } });
  const lags: number[] = [];
  try {
    const receiving = (async () => {
      for await (const event of subscription) {
        lags.push(performance.timeOrigin + performance.now() - (event.data as { sentAt: number }).sentAt);
        if (lags.length === total) break;
      }
    })();
    await runAppendWorkers(url, 1, plan);
    await receiving;
  } finally {
    await subscription.unsubscribe();
    await store.close();
  }
  lags.sort((a, b) => a - b);
  const at = (q: number) => lags[Math.min(lags.length - 1, Math.floor(q * lags.length))]!;
  return { p50: at(0.5), p99: at(0.99) };
}

async function rebuildFromPostgres(url: string, events: number): Promise<{ rebuildEventsPerSecond: number; rawReadParsePerSecond: number }> {
  const loader = pathToFileURL(require.resolve('tsx')).href;
  const child = spawn(process.execPath, ['--import', loader, join(__dirname, 'rebuild-generate.ts'), url, String(events)], {
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  if (code !== 0) throw new Error(`Generating the PostgreSQL log failed (exit code ${code})`);
  const dir = mkdtempSync(join(tmpdir(), 'kom-bench-pg-rebuild-'));
  const store = await PostgresEventStore.connect(url);
  try {
    if ((await store.headPosition()) - START !== BigInt(events)) throw new Error('The generated log is incomplete');
    await rawReadParse(store); // warm-up
    const raw = await rawReadParse(store);
    const rebuilt = await rebuild(store, join(dir, 'read-models.sqlite'));
    if (raw.events !== events || rebuilt.events !== events) throw new Error('The rebuild did not read the whole log');
    return { rebuildEventsPerSecond: rebuilt.events / rebuilt.seconds, rawReadParsePerSecond: raw.events / raw.seconds };
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchPostgres(options: { events?: number; writers?: number; commandsPerWriter?: number } = {}): Promise<PostgresFigures> {
  const skipped = postgresSkipReason(TEST_POSTGRES_URL);
  if (skipped !== undefined) return { skipped };
  const database = await createTestDatabase();
  try {
    await PostgresEventStore.connect(database.url).then((store) => store.close());
    const rawInsertCommitsPerSecond = await rawInsertCommits(database.url, 3);
    const appendsPerSecond = await commandPathAppends(database.url, options.writers ?? 32, options.commandsPerWriter ?? 200);
    const lag = await subscriptionLag(database.url);
    const events = options.events ?? 200_000;
    const rebuildDatabase = await createTestDatabase();
    try {
      const rebuilt = await rebuildFromPostgres(rebuildDatabase.url, events);
      return {
        appendsPerSecond,
        rawInsertCommitsPerSecond,
        appendRatio: appendsPerSecond / rawInsertCommitsPerSecond,
        lagP50Ms: lag.p50,
        lagP99Ms: lag.p99,
        rebuildEvents: events,
        ...rebuilt,
      };
    } finally {
      await rebuildDatabase.drop();
    }
  } finally {
    await database.drop();
  }
}

if (require.main === module) {
  benchPostgres({ events: Number(process.argv[2] ?? 200_000) })
    .then((figures) => console.log(JSON.stringify(figures, null, 2)))
    .catch((error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    });
}
