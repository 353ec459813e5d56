// G4–G7 on a realistic mixed log (generateMixedLog, deterministic from a seed) at several sizes:
// - G4 at the largest size: rebuild of ALL read models from the log, next to the raw read+parse rate
//   of the same log through the store port, in the same run;
// - G5 at every size: the platform started once (it catches up from nothing), stopped, and started
//   again with its checkpoints current: seconds from building the application to /health/ready green
//   and a first query answered; and an as-of query folding a 1,000-event issue stream (over GraphQL);
// - G6: the restarted platform's RSS after those queries (largest size);
// - G7: median query latency at each size; flatness = slowest ÷ fastest.
//   npx tsx bench/scale.bench.ts [sizes, e.g. 10000,100000] [dir]
import { fork, spawn } from 'node:child_process';
import Database from 'better-sqlite3';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { SqliteEventStore } from '@kom/event-store';
import { ReadModelDatabase, rebuildAll } from '@kom/projections';
import { CONTEXTS } from '../apps/api/src/contexts';
import { LONG_ISSUE_ID } from './annual-report-log';
import { rawReadParse } from './rebuild.bench';

export interface ScaleFigures {
  rebuildAllEventsPerSecond: number;
  rebuildAllRawReadParsePerSecond: number;
  rebuildAllRatio: number;
  rebuildAllEvents: number;
  restartReadySeconds: number;
  firstStartSeconds: number;
  asOfMs: number;
  /** RSS without the benchmark's TypeScript loader (swc's native code), which a built server does not load. */
  rssMegabytes: number;
  /** The same RSS with the loader's mappings: what the process held. */
  rssWithLoaderMegabytes: number;
  /** Where the RSS goes: V8's heap (total reserved, used) and memory outside it, MB, same moment. */
  heapMegabytes: { total: number; used: number; external: number };
  latencyFlatness: number;
  /** Median query latency (ms) per log size. */
  latencyMsBySize: Record<string, number>;
  restartReadySecondsBySize: Record<string, number>;
}

const SEED = 2026;

async function generate(logFile: string, events: number): Promise<number> {
  if (existsSync(logFile)) {
    const existing = SqliteEventStore.open(logFile);
    const head = await existing.headPosition().finally(() => existing.close());
    if (head >= BigInt(events - 20)) return Number(head);
  }
  for (const suffix of ['', '-wal', '-shm']) rmSync(logFile + suffix, { force: true });
  const loader = pathToFileURL(require.resolve('tsx')).href;
  const child = spawn(process.execPath, ['--import', loader, join(__dirname, 'rebuild-generate.ts'), logFile, String(events), 'mixed', String(SEED)], {
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  if (code !== 0) throw new Error(`Generating the mixed log failed (exit code ${code})`);
  const store = SqliteEventStore.open(logFile);
  return Number(await store.headPosition().finally(() => store.close()));
}

async function rebuildAllFigures(logFile: string, dir: string): Promise<{ raw: number; rebuilt: number; events: number }> {
  const store = SqliteEventStore.open(logFile);
  try {
    await rawReadParse(store); // warm the page cache
    const raw = await rawReadParse(store);
    const file = join(dir, 'rebuild-all.sqlite');
    const readModels = ReadModelDatabase.open(file);
    const start = performance.now();
    const { events } = await rebuildAll(store, readModels, CONTEXTS.flatMap((c) => c.projections));
    const seconds = (performance.now() - start) / 1000;
    readModels.close();
    for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
    const rawAgain = await rawReadParse(store);
    return { raw: Math.max(raw.events / raw.seconds, rawAgain.events / rawAgain.seconds), rebuilt: events / seconds, events };
  } finally {
    await store.close();
  }
}

interface Measured {
  asOfMs: number;
  latencyMs: number;
  rssMegabytes: number;
  rssWithLoaderMegabytes: number;
  memory: NodeJS.MemoryUsage;
}

const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);

interface Started {
  ready: Promise<{ readySeconds: number }>;
  ask: (measure: { asOf: string; issueId: string; rounds: number }) => Promise<Measured>;
  stop: () => Promise<void>;
}

function startPlatform(dataDir: string): Started {
  const child = fork(join(__dirname, 'graphql', 'ready-server.ts'), [dataDir], {
    execArgv: ['--expose-gc', '-r', join(__dirname, 'graphql', 'swc-register.js')],
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
    env: { ...process.env, NODE_ENV: 'production' },
  });
  child.stdout!.resume();
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const next = <T>() =>
    new Promise<T>((resolve, reject) => {
      child.once('message', (message) => resolve(message as T));
      void exited.then(() => reject(new Error('the platform exited')));
    });
  return {
    ready: next(),
    ask: (measure) => {
      const answer = next<Measured>();
      child.send({ measure });
      return answer;
    },
    stop: async () => {
      if (child.exitCode === null) child.disconnect();
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

export async function benchScale(options: { sizes: number[]; dir: string; rounds?: number }): Promise<ScaleFigures> {
  const latencyMsBySize: Record<string, number> = {};
  const restartReadySecondsBySize: Record<string, number> = {};
  let last: { firstStartSeconds: number; restartReadySeconds: number; measured: Measured } | undefined;
  let g4: { raw: number; rebuilt: number; events: number } | undefined;
  const largest = Math.max(...options.sizes);
  for (const size of [...options.sizes].sort((a, b) => a - b)) {
    const dataDir = join(options.dir, `scale-${size}`);
    rmSync(dataDir, { recursive: true, force: true });
    mkdirSync(dataDir, { recursive: true });
    const logFile = join(options.dir, `mixed-log-${size}.sqlite`);
    const events = await generate(logFile, size);
    if (size === largest) g4 = await rebuildAllFigures(logFile, options.dir);
    // The platform's data directory: this log as its event store, read models built by its first start.
    copyLog(logFile, join(dataDir, 'events.sqlite'));
    const first = startPlatform(dataDir);
    const firstStartSeconds = (await first.ready).readySeconds;
    await first.stop();
    const again = startPlatform(dataDir);
    const restartReadySeconds = (await again.ready).readySeconds;
    const measured = await again.ask({ asOf: '2027-12-31T00:00:00.000Z', issueId: LONG_ISSUE_ID, rounds: options.rounds ?? 50 });
    await again.stop();
    latencyMsBySize[String(events)] = measured.latencyMs;
    restartReadySecondsBySize[String(events)] = restartReadySeconds;
    if (process.env.KOM_BENCH_VERBOSE) console.error(`scale ${events}: first start ${firstStartSeconds.toFixed(1)} s, restart ${restartReadySeconds.toFixed(2)} s, ${JSON.stringify(measured)}`);
    last = { firstStartSeconds, restartReadySeconds, measured };
    rmSync(dataDir, { recursive: true, force: true });
  }
  const latencies = Object.values(latencyMsBySize);
  return {
    rebuildAllEventsPerSecond: g4!.rebuilt,
    rebuildAllRawReadParsePerSecond: g4!.raw,
    rebuildAllRatio: g4!.rebuilt / g4!.raw,
    rebuildAllEvents: g4!.events,
    restartReadySeconds: last!.restartReadySeconds,
    firstStartSeconds: last!.firstStartSeconds,
    asOfMs: last!.measured.asOfMs,
    rssMegabytes: last!.measured.rssMegabytes,
    rssWithLoaderMegabytes: last!.measured.rssWithLoaderMegabytes,
    heapMegabytes: { total: mb(last!.measured.memory.heapTotal), used: mb(last!.measured.memory.heapUsed), external: mb(last!.measured.memory.external) },
    latencyFlatness: Math.max(...latencies) / Math.min(...latencies),
    latencyMsBySize,
    restartReadySecondsBySize,
  };
}

/** A copy of the log, for the platform to own (VACUUM INTO: one consistent file). */
function copyLog(from: string, to: string): void {
  const db = new Database(from, { readonly: true });
  try {
    db.exec(`VACUUM INTO '${to.replace(/'/g, "''")}'`);
  } finally {
    db.close();
  }
}

if (require.main === module) {
  const sizes = (process.argv[2] ?? '10000,100000').split(',').map(Number);
  const given = process.argv[3];
  const dir = given ?? mkdtempSync(join(tmpdir(), 'kom-bench-scale-'));
  process.env.KOM_BENCH_VERBOSE ??= '1';
  benchScale({ sizes, dir })
    .then((figures) => console.log(JSON.stringify(figures, null, 2)))
    .finally(() => {
      if (given === undefined) rmSync(dir, { recursive: true, force: true });
    })
    .catch((error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    });
}
