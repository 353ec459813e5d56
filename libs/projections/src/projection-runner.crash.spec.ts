import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { EventToAppend } from '@kom/event-store';
import { SqliteEventStore } from '@kom/event-store';
import { bundleTsChild, startBundledChild } from '@kom/kernel/testing';
import { CRASH_EVENT_TYPES, crashProjections, type CrashEventData } from './crash-test/crash-projections';
import { CHECKPOINT_TABLE, ReadModelDatabase, rebuildAll } from './index';

/**
 * Kills a process running the ProjectionRunner with SIGKILL at random moments (while it catches up,
 * while it follows appends live, while it resets a projection whose version changed), restarts it
 * each time, checks after every kill that each checkpoint matches exactly the events its tables
 * hold, and at the end compares the read models row for row with a clean rebuild.
 */
const KILLS = 16;
const INITIAL_EVENTS = 30_000;
const STREAMS = 400;
const VERSION_BUMP_AT = 8; // from this run on, crash-items runs as version 2 and rebuilds
const CATCH_UP_BATCH = '400';
const APPLY_DELAY_US = '20'; // the child spins this long per apply, so kills land inside transactions often
const CHILD = join(__dirname, 'crash-test', 'crash-child.ts');
const ROOT = join(__dirname, '..', '..', '..');

jest.setTimeout(120_000);

describe('ProjectionRunner under SIGKILL', () => {
  let dir: string;
  let store: SqliteEventStore | undefined;
  const children = new Set<ChildProcess>();

  let bundle: { file: string; remove: () => void } | undefined;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'projection-crash-'));
    bundle = await bundleTsChild(CHILD);
  });

  afterAll(async () => {
    for (const child of children) child.kill('SIGKILL');
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
    bundle?.remove();
  });

  it('never loses or doubles an update, and ends equal to a clean rebuild', async () => {
    const started = Date.now();
    const seed = Number(process.env['CRASH_SEED'] ?? Math.floor(Math.random() * 2 ** 31));
    const random = mulberry32(seed);
    const logFile = join(dir, 'log.db');
    const readModelFile = join(dir, 'read-models.db');
    store = SqliteEventStore.open(logFile, { pollIntervalMs: 5 });
    const log = store;
    const generator = new EventGenerator(random);

    // 30,000 events over 400 streams, interleaved.
    for (let round = 0; round < INITIAL_EVENTS / STREAMS / 15; round++) {
      await Promise.all(
        Array.from({ length: STREAMS }, (_, s) => log.appendToStream(`stock-${s}`, generator.events(s, 15))),
      );
    }
    expect(await log.headPosition()).toBe(BigInt(INITIAL_EVENTS));

    const verifier = new BetterSqlite3(logFile, { readonly: true });
    const countItemEvents = verifier.prepare(
      `SELECT COUNT(*) FROM events WHERE position <= ? AND type IN ('ItemAdded', 'ItemRemoved')`,
    ).pluck();
    const stats = { kills: 0, midBatch: 0, duringStart: 0, betweenBatches: 0, inLiveMode: 0, appendedLive: 0, commitsSeen: 0 };

    try {
      for (let run = 0; run < KILLS; run++) {
        const itemsVersion = run < VERSION_BUMP_AT ? 1 : 2;
        const markerFile = join(dir, `markers-${run}.txt`);
        const child = startBundledChild(children, bundle!.file, [logFile, readModelFile, markerFile, String(itemsVersion), CATCH_UP_BATCH, APPLY_DELAY_US], ROOT);

        let appending: Promise<number> = Promise.resolve(0);
        if (random() < 0.2) {
          // Anywhere: while the process loads, while it initialises (drops tables on a version
          // change), or early in its catch-up.
          await Promise.race([sleep(random() * 300), child.exited]);
        } else {
          await Promise.race([child.line('S'), child.exited]);
          if (random() < 0.6) {
            // Appends while it runs: the runner follows them live (or catches up on them).
            appending = appendLive(log, generator, random, 100 + Math.floor(random() * 1200));
          }
          // Mostly soon (catching up), sometimes later (following live).
          await Promise.race([sleep(random() < 0.3 ? 200 + random() * 400 : random() * 150), child.exited]);
        }
        child.process.kill('SIGKILL');
        const exit = await child.exited;
        stats.appendedLive += await appending;
        if (exit.signal !== 'SIGKILL') {
          throw new Error(`The child exited by itself (${exit.code}): ${child.output()}`);
        }
        stats.kills += 1;

        const markers = existsSync(markerFile) ? readFileSync(markerFile, 'utf8').trim().split('\n').filter(Boolean) : [];
        stats.commitsSeen += markers.filter((m) => m.startsWith('C')).length;
        if (markers.includes('L')) stats.inLiveMode += 1;
        if (!child.output().includes('S')) stats.duringStart += 1;
        else if (markers.at(-1) === 'B') stats.midBatch += 1; // killed between a batch's first apply and its commit
        else stats.betweenBatches += 1;

        assertCheckpointsMatchTables(readModelFile, countItemEvents, run);
      }

      // Let it finish: catch up with everything and stop.
      const head = await log.headPosition();
      const last = startBundledChild(children, bundle!.file, [logFile, readModelFile, join(dir, 'markers-final.txt'), '2', CATCH_UP_BATCH, '0', '--until-caught-up'], ROOT);
      let timer: NodeJS.Timeout | undefined;
      const finished = await Promise.race([
        last.line('caught-up').then(() => 'caught-up'),
        last.exited.then(() => 'exited'),
        new Promise((resolve) => (timer = setTimeout(resolve, 30_000, 'timeout'))),
      ]);
      clearTimeout(timer);
      if (finished !== 'caught-up') throw new Error(`The final run did not catch up (${finished}): ${last.output()}`);
      expect((await last.exited).code).toBe(0);
      assertCheckpointsMatchTables(readModelFile, countItemEvents, KILLS);

      // A clean rebuild of the same log into a fresh database.
      const rebuiltFile = join(dir, 'rebuilt.db');
      const rebuilt = ReadModelDatabase.open(rebuiltFile);
      const { events } = await rebuildAll(log, rebuilt, crashProjections(2));
      rebuilt.close();
      expect(BigInt(events)).toBe(head);

      const crashed = dumpTables(readModelFile);
      const clean = dumpTables(rebuiltFile);
      expect(Object.keys(crashed).sort()).toEqual(Object.keys(clean).sort());
      expect(Object.keys(clean)).toEqual(
        expect.arrayContaining([CHECKPOINT_TABLE, 'crash_stream_stats', 'crash_stream_types', 'crash_type_totals', 'crash_items', 'crash_item_history']),
      );
      const differences = Object.keys(clean).flatMap((table) => firstDifference(table, crashed[table]!, clean[table]!));
      expect(differences).toEqual([]);
      expect(clean['crash_item_history']!.length).toBe(Number(countItemEvents.get(head)));
      // name, version, position (then the event each checkpoint stands on)
      expect(clean[CHECKPOINT_TABLE]!.map((row) => row.slice(0, 3))).toEqual([
        ['crash-items', 2, String(head)],
        ['crash-stream-stats', 1, String(head)],
      ]);

      expect(stats.kills).toBe(KILLS);
      console.log(
        `crash test (seed ${seed}): ${stats.kills} SIGKILLs — ${stats.midBatch} mid-batch (inside a transaction), ` +
          `${stats.betweenBatches} between batches, ${stats.duringStart} before the runner had started; ` +
          `${stats.inLiveMode} after it had switched to live mode; ` +
          `${stats.commitsSeen} batches committed; log ${INITIAL_EVENTS} + ${stats.appendedLive} events appended while running; ` +
          `${Object.values(clean).reduce((n, rows) => n + rows.length, 0)} rows compared; ${((Date.now() - started) / 1000).toFixed(1)} s`,
      );
    } finally {
      verifier.close();
    }
  });
});

/** After any kill: each checkpoint covers exactly the events its (non-idempotent) tables count. */
function assertCheckpointsMatchTables(readModelFile: string, countItemEvents: BetterSqlite3.Statement, run: number): void {
  if (!existsSync(readModelFile)) return;
  const db = new BetterSqlite3(readModelFile); // read-write: recovers the WAL left by the kill
  try {
    const tables = new Set(db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).pluck().all() as string[]);
    if (!tables.has(CHECKPOINT_TABLE)) return;
    const checkpoints = new Map(
      (db.prepare(`SELECT name, position FROM ${CHECKPOINT_TABLE}`).raw().all() as Array<[string, string]>).map(([n, p]) => [n, BigInt(p)]),
    );
    const stats = checkpoints.get('crash-stream-stats');
    if (stats !== undefined && tables.has('crash_stream_stats')) {
      // Handles every event, positions are 1..N: its event count IS its checkpoint.
      const counted = db.prepare(`SELECT COALESCE(SUM(event_count), 0) FROM crash_stream_stats`).pluck().get() as number;
      const byType = db.prepare(`SELECT COALESCE(SUM(count), 0) FROM crash_stream_types`).pluck().get() as number;
      expect({ run, projection: 'crash-stream-stats', counted, byType }).toEqual({
        run,
        projection: 'crash-stream-stats',
        counted: Number(stats),
        byType: Number(stats),
      });
    }
    const items = checkpoints.get('crash-items');
    if (items !== undefined && tables.has('crash_type_totals')) {
      const expected = Number(countItemEvents.get(items));
      const counted = db.prepare(`SELECT COALESCE(SUM(count), 0) FROM crash_type_totals`).pluck().get() as number;
      const history = db.prepare(`SELECT COUNT(*) FROM crash_item_history`).pluck().get() as number;
      expect({ run, projection: 'crash-items', counted, history }).toEqual({ run, projection: 'crash-items', counted: expected, history: expected });
    }
  } finally {
    db.close();
  }
}

function dumpTables(file: string): Record<string, unknown[][]> {
  const db = new BetterSqlite3(file, { readonly: true });
  try {
    const tables = db
      .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
      .pluck()
      .all() as string[];
    const dump: Record<string, unknown[][]> = {};
    for (const table of tables) {
      const columns = (db.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(table) as string[]).map((c) => `"${c}"`);
      dump[table] = db.prepare(`SELECT * FROM "${table}" ORDER BY ${columns.join(', ')}`).raw().all() as unknown[][];
    }
    return dump;
  } finally {
    db.close();
  }
}

function firstDifference(table: string, actual: unknown[][], expected: unknown[][]): string[] {
  if (actual.length !== expected.length) return [`${table}: ${actual.length} rows, a clean rebuild has ${expected.length}`];
  for (let i = 0; i < expected.length; i++) {
    if (JSON.stringify(actual[i]) !== JSON.stringify(expected[i])) {
      return [`${table} row ${i}: ${JSON.stringify(actual[i])}, a clean rebuild has ${JSON.stringify(expected[i])}`];
    }
  }
  return [];
}

class EventGenerator {
  private readonly words = ['agenda', 'decision', 'police', 'agreement', 'reference', 'group', 'measure', 'report', 'issue', 'minutes'];
  constructor(private readonly random: () => number) {}

  events(stream: number, count: number): EventToAppend[] {
    return Array.from({ length: count }, () => {
      const data: CrashEventData = {
        itemId: `item-${stream}-${Math.floor(this.random() * 8)}`,
        amount: 1 + Math.floor(this.random() * 1000),
        note: Array.from({ length: 6 + Math.floor(this.random() * 10) }, () => this.words[Math.floor(this.random() * 10)]).join(' '),
      };
      return {
        id: randomUUID(),
        type: CRASH_EVENT_TYPES[Math.floor(this.random() * CRASH_EVENT_TYPES.length)]!,
        data,
        metadata: { correlationId: randomUUID(), occurredAt: new Date().toISOString() },
      };
    });
  }
}

/** Appends `total` events in small appends spread over event-loop turns; resolves with the count. */
async function appendLive(store: SqliteEventStore, generator: EventGenerator, random: () => number, total: number): Promise<number> {
  let appended = 0;
  while (appended < total) {
    const count = Math.min(total - appended, 1 + Math.floor(random() * 40));
    await store.appendToStream(`stock-${Math.floor(random() * STREAMS)}`, generator.events(0, count));
    appended += count;
    if (random() < 0.3) await sleep(random() * 5);
  }
  return appended;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
