// (b) Full rebuild of the read models from the log, next to the raw rate of merely reading and
// JSON-parsing the same log through the EventStore port, measured in the same run.
//   npx tsx bench/rebuild.bench.ts [events] [dir]
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { EventStore } from '@kom/event-store';
import { ReadModelDatabase, rebuildAll } from '@kom/projections';
import { SqliteEventStore } from '@kom/event-store';
import { benchIssuesProjection } from './rebuild-projection';

export interface RebuildFigures {
  rebuildEventsPerSecond: number;
  rawReadParsePerSecond: number;
  rebuildRatio: number;
}

// rebuildAll's default page (and transaction) size; the raw baseline reads with the same pages,
// which is also its fastest size here (smaller pages keep V8's garbage young).
const PAGE = 1000;

/** What any consumer pays at least: readAll pages through the port (the adapter parses the JSON). */
export async function rawReadParse(store: EventStore): Promise<{ events: number; seconds: number }> {
  const start = performance.now();
  let events = 0;
  let position = 0n;
  let touched = 0;
  for (;;) {
    const page = await store.readAll({ fromPosition: position, maxCount: PAGE });
    if (page.length === 0) break;
    for (let i = 0; i < page.length; i++) if (page[i]!.data !== undefined) touched++;
    events += page.length;
    position = page[page.length - 1]!.position;
  }
  if (touched !== events) throw new Error('unexpected event without data');
  return { events, seconds: (performance.now() - start) / 1000 };
}

export async function rebuild(store: EventStore, file: string): Promise<{ events: number; seconds: number }> {
  rmSync(file, { force: true });
  rmSync(`${file}-wal`, { force: true });
  rmSync(`${file}-shm`, { force: true });
  const readModels = ReadModelDatabase.open(file);
  try {
    const start = performance.now();
    const { events } = await rebuildAll(store, readModels, [benchIssuesProjection], { batchSize: PAGE });
    return { events, seconds: (performance.now() - start) / 1000 };
  } finally {
    readModels.close();
  }
}

/** Writes the log in a child process (see rebuild-generate.ts); reuses a complete one from an earlier run. */
async function ensureLog(logFile: string, events: number): Promise<number> {
  if (existsSync(logFile)) {
    const existing = SqliteEventStore.open(logFile);
    const head = await existing.headPosition().finally(() => existing.close());
    if (head === BigInt(events)) return 0;
  }
  for (const suffix of ['', '-wal', '-shm']) rmSync(logFile + suffix, { force: true });
  const started = performance.now();
  const loader = pathToFileURL(require.resolve('tsx')).href;
  const child = spawn(process.execPath, ['--import', loader, join(__dirname, 'rebuild-generate.ts'), logFile, String(events)], {
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  if (code !== 0) throw new Error(`Generating the log failed (exit code ${code})`);
  return (performance.now() - started) / 1000;
}

export async function benchRebuild(options: { events: number; dir: string }): Promise<RebuildFigures> {
  const events = options.events ?? 1_000_000;
  mkdirSync(options.dir, { recursive: true });
  const logFile = join(options.dir, `rebuild-log-${events}.sqlite`);
  const generationSeconds = await ensureLog(logFile, events);

  const store = SqliteEventStore.open(logFile);
  try {
    // Warm-up (page cache, JIT), then the best of two runs of each, alternated.
    await rawReadParse(store);
    const raw: number[] = [];
    const rebuilt: number[] = [];
    for (let run = 0; run < 2; run++) {
      const r = await rawReadParse(store);
      if (r.events !== events) throw new Error(`read ${r.events} events, expected ${events}`);
      raw.push(r.events / r.seconds);
      const b = await rebuild(store, join(options.dir, 'rebuild-read-models.sqlite'));
      if (b.events !== events) throw new Error(`rebuilt ${b.events} events, expected ${events}`);
      rebuilt.push(b.events / b.seconds);
    }
    const rawReadParsePerSecond = Math.max(...raw);
    const rebuildEventsPerSecond = Math.max(...rebuilt);
    if (process.env['BENCH_VERBOSE']) {
      console.log(`log of ${events} events (generated in ${generationSeconds.toFixed(1)} s, 0 = reused); raw runs ${raw.map(Math.round)}; rebuild runs ${rebuilt.map(Math.round)}`);
    }
    return { rebuildEventsPerSecond, rawReadParsePerSecond, rebuildRatio: rebuildEventsPerSecond / rawReadParsePerSecond };
  } finally {
    await store.close();
  }
}

if (require.main === module) {
  const events = Number(process.argv[2] ?? 1_000_000);
  const given = process.argv[3];
  const dir = given ?? mkdtempSync(join(tmpdir(), 'kom-bench-rebuild-'));
  process.env['BENCH_VERBOSE'] ??= '1';
  benchRebuild({ events, dir })
    .then((figures) => {
      console.log(
        `rebuild of ${events} events: ${Math.round(figures.rebuildEventsPerSecond)} events/s; ` +
          `raw read+parse: ${Math.round(figures.rawReadParsePerSecond)} events/s; ratio ${figures.rebuildRatio.toFixed(2)} ` +
          `(targets: >= 150000 events/s, ratio >= 0.4)`,
      );
      console.log(JSON.stringify(figures));
    })
    .finally(() => {
      if (given === undefined) rmSync(dir, { recursive: true, force: true });
    })
    .catch((error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    });
}
