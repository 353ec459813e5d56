// (a) Durable appends per second through the command path (load, decide, validate, chain, append),
// 32 concurrent writers on distinct
// streams, next to the raw rate of single-row synchronous=FULL inserts measured in the same run.
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SYSTEM_ACTOR } from '@kom/kernel';
import { SqliteEventStore } from '@kom/event-store';
import { ProjectionRunner, ReadModelDatabase } from '@kom/projections';
import { EventSchemaRegistry, executeCommand, newId, systemClock } from '@kom/platform';
import { CONTEXTS } from '../apps/api/src/contexts';
import { organizationDecider, organizationStream } from '@kom/organizations';
import { median } from './graphql/load';

export interface AppendFigures {
  /** load → decide → validate → chain → durable append, nothing else running. */
  appendsPerSecond: number;
  rawFsyncInsertsPerSecond: number;
  appendRatio: number;
  /** The same commands with every read model of the platform projecting and each command waiting to read its own write. */
  endToEndCommandsPerSecond: number;
  /** G3: the median over the rounds of end to end ÷ durable appends, each pair measured back to back. */
  endToEndRatio: number;
  endToEndRatioByRound: number[];
}

/** One row, one transaction, one fsync: what a naive event store pays per append. */
function rawFsyncInserts(dir: string, seconds: number): number {
  const db = new Database(join(dir, 'raw.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec('CREATE TABLE events (position INTEGER PRIMARY KEY, id TEXT UNIQUE, stream TEXT, data TEXT)');
  const insert = db.prepare('INSERT INTO events (id, stream, data) VALUES (?, ?, ?)');
  const data = JSON.stringify({ organizationId: 'x', name: 'Kirkens Bymisjon', shortName: null, kind: 'NGO' });
  const end = performance.now() + seconds * 1000;
  let count = 0;
  const start = performance.now();
  while (performance.now() < end) {
    insert.run(newId(), `organization-${count}`, data);
    count++;
  }
  const rate = count / ((performance.now() - start) / 1000);
  db.close();
  return rate;
}

async function commandPathAppends(dir: string, writers: number, commandsPerWriter: number, readYourWrites: boolean, round: number): Promise<number> {
  // As the API opens them: WAL checkpoints in a worker thread, not inline in a commit.
  const store = await SqliteEventStore.open(join(dir, `events-${readYourWrites}-${round}.sqlite`), { backgroundCheckpoints: true });
  const readModels = ReadModelDatabase.open(join(dir, `read-models-${readYourWrites}-${round}.sqlite`), { backgroundCheckpoints: true });
  const runner = new ProjectionRunner(store, readModels, readYourWrites ? CONTEXTS.flatMap((c) => c.projections) : []);
  await runner.start();
  const deps = { store, clock: systemClock, schemas: new EventSchemaRegistry(CONTEXTS.flatMap((c) => c.eventSchemas)) };
  const meta = { actor: SYSTEM_ACTOR, correlationId: newId() };
  let appends = 0;

  // Each writer registers an organisation and renames it: a new stream, then a stream with history.
  // The id is made as the platform makes it (registerOrganization calls newId: time-ordered).
  const writer = async (w: number) => {
    for (let i = 0; i < commandsPerWriter; i += 2) {
      const organizationId = newId();
      const registered = await executeCommand(deps, organizationDecider, organizationStream(organizationId), {
        type: 'RegisterOrganization', organizationId, name: `Organisasjon ${w}-${i}`, kind: 'NGO',
      }, meta);
      if (readYourWrites) await runner.waitFor(registered.position!);
      const renamed = await executeCommand(deps, organizationDecider, organizationStream(organizationId), {
        type: 'RenameOrganization', organizationId, name: `Organisasjon ${w}-${i} (omdøpt)`,
      }, meta);
      if (readYourWrites) await runner.waitFor(renamed.position!);
      appends += 2;
    }
  };
  const start = performance.now();
  await Promise.all(Array.from({ length: writers }, (_, w) => writer(w)));
  const rate = appends / ((performance.now() - start) / 1000);
  await runner.stop();
  readModels.close();
  await store.close();
  return rate;
}

/**
 * `rounds` pairs, each a durable-append run and an end-to-end run on fresh files, back to back and
 * in flipped order every round, so that a slow spell of the machine weighs on both sides of a
 * ratio: G3 is the median of the rounds' ratios, the rates the medians of their own.
 */
export async function benchAppend(options: { writers?: number; commandsPerWriter?: number; rounds?: number } = {}): Promise<AppendFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'kom-bench-append-'));
  try {
    const rawFsyncInsertsPerSecond = rawFsyncInserts(dir, 3);
    const writers = options.writers ?? 32;
    const commands = options.commandsPerWriter ?? 1000;
    const rounds = options.rounds ?? 3;
    const appends: number[] = [];
    const endToEnd: number[] = [];
    // A warm-up pair, not counted: the first runs of a process compile the command path as they go.
    await commandPathAppends(dir, writers, commands / 4, false, -1);
    await commandPathAppends(dir, writers, commands / 4, true, -1);
    for (let round = 0; round < rounds; round++) {
      const appendsOnly = () => commandPathAppends(dir, writers, commands, false, round);
      const withReadModels = () => commandPathAppends(dir, writers, commands / 2, true, round);
      if (round % 2 === 0) {
        appends.push(await appendsOnly());
        endToEnd.push(await withReadModels());
      } else {
        endToEnd.push(await withReadModels());
        appends.push(await appendsOnly());
      }
    }
    const appendsPerSecond = median(appends);
    const endToEndRatioByRound = endToEnd.map((rate, i) => rate / appends[i]!);
    return {
      appendsPerSecond,
      rawFsyncInsertsPerSecond,
      appendRatio: appendsPerSecond / rawFsyncInsertsPerSecond,
      endToEndCommandsPerSecond: median(endToEnd),
      endToEndRatio: median(endToEndRatioByRound),
      endToEndRatioByRound,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  benchAppend().then((f) => console.log(JSON.stringify(f, null, 2)));
}
