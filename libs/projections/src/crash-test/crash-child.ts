/**
 * The process the crash test kills: runs a ProjectionRunner over the log file into the read-model
 * file. On stdout: `S` once started, `caught-up` (only with --until-caught-up, after which it
 * exits 0), `E <error>` on failure. In the marker file, appended synchronously so that everything
 * written before a SIGKILL is there: `B` at a batch's first apply (inside its transaction) and
 * `C <position>` once the batch committed, `L` when catch-up ends and live mode begins.
 *
 * `applyDelayUs` spins that long in every apply: it widens the time spent inside transactions so
 * that random kills land mid-batch often, without changing what is written.
 *
 * Usage: node <bundle of crash-child.ts (bundleTsChild)> <log.db> <read-models.db> <markers> <itemsVersion> <catchUpBatchSize> <applyDelayUs> [--until-caught-up]
 * (the test starts it as one bundled file: bundleTsChild in @kom/kernel/testing).
 */
import { openSync, writeSync } from 'node:fs';
import type { Database } from 'better-sqlite3';
import type { RecordedEvent } from '@kom/event-store';
import { SqliteEventStore } from '@kom/event-store';
import type { Projection } from '../projection';
import { ProjectionRunner } from '../projection-runner';
import { ReadModelDatabase } from '../read-model-database';
import { crashProjections } from './crash-projections';

const [logFile, readModelFile, markerFile, itemsVersion, catchUpBatchSize, applyDelayUs, flag] = process.argv.slice(2);
const spinNs = BigInt(Math.round(Number(applyDelayUs) * 1000));
const untilCaughtUp = flag === '--until-caught-up';
const say = (line: string): void => void writeSync(1, `${line}\n`);
const markers = openSync(markerFile!, 'a');
const mark = (line: string): void => void writeSync(markers, `${line}\n`);

async function main(): Promise<void> {
  const store = SqliteEventStore.open(logFile!, { pollIntervalMs: 5 });
  const readModels = ReadModelDatabase.open(readModelFile!);
  let inBatch = false;
  const marked = (projection: Projection): Projection => ({
    ...projection,
    setup: (db: Database) => projection.setup(db),
    apply: (db: Database, event: RecordedEvent) => {
      if (!inBatch) {
        inBatch = true;
        mark('B');
      }
      projection.apply(db, event);
      if (spinNs > 0n) {
        const until = process.hrtime.bigint() + spinNs;
        while (process.hrtime.bigint() < until);
      }
    },
  });
  const runner = new ProjectionRunner(store, readModels, crashProjections(Number(itemsVersion)).map(marked), {
    catchUpBatchSize: Number(catchUpBatchSize),
    liveBatchSize: 50,
    onCommitted: (events) => {
      inBatch = false;
      mark(`C ${events[events.length - 1]!.position}`);
    },
    onError: (error) => {
      say(`E ${error instanceof Error ? error.message : String(error)}`);
      process.exit(2);
    },
    logger: { log: (message) => message === 'Projections caught up' && mark('L'), error: () => undefined },
  });
  await runner.start();
  say('S');
  if (!untilCaughtUp) {
    // Runs until killed. (The store's poll timer is unref'd, so something must hold the process.)
    setInterval(() => undefined, 60_000);
    return;
  }
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 10));
    const head = await store.headPosition();
    if ((await runner.isCaughtUp()) && runner.status().every((p) => p.position === head)) break;
  }
  await runner.stop();
  readModels.close();
  await store.close();
  say('caught-up');
}

main().catch((error: unknown) => {
  say(`E ${error instanceof Error ? error.stack : String(error)}`);
  process.exit(1);
});
