// Child-process entry of the rebuild benchmark: writes the log, then exits. Generating in another
// process leaves the measuring process's heap clean (tens of MB of generation garbage in the old
// generation slowed the measured reads by a third), as it is for the CLI `replay` command.
//   node --import tsx bench/rebuild-generate.ts <log file | postgres:// URL> <events> [issues | mixed] [seed]
// `issues` (the default): the rebuild benchmark's issue-like events; `mixed`: a realistic log of
// every context (see generateMixedLog), deterministic from the seed.
import { PostgresEventStore, SqliteEventStore, eventStoreKind } from '@kom/event-store';
import { generateRebuildLog } from './rebuild-log';
import { generateMixedLog } from './annual-report-log';

async function main(): Promise<void> {
  const [target, events, kind = 'issues', seed = '42'] = process.argv.slice(2);
  const store =
    eventStoreKind(target) === 'postgres'
      ? await PostgresEventStore.connect(target!)
      : SqliteEventStore.open(target!, { maxBatchSize: 1000 });
  try {
    if (kind === 'mixed') await generateMixedLog(store, Number(events), Number(seed));
    else await generateRebuildLog(store, { events: Number(events), seed: Number(seed) });
  } finally {
    await store.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
