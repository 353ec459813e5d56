import { createEventStore } from '@kom/event-store';
import { ReadModelDatabase, rebuildAll, type Projection } from '@kom/projections';
import { DataDirectoryLock, type KomConfig } from '@kom/platform';
import { CONTEXTS, UPCASTERS } from '../../../api/src/contexts';
import type { CliCommand } from '../cli-command';
import { liveReadModelsFile } from '../audit/open-audit';

/**
 * Rebuilds the live read models of the data directory in place from the log. It writes where the
 * API writes, so it needs the directory to itself: while an API owns it, it refuses and says who.
 */
export const rebuildReadModelsCommand: CliCommand = {
  name: 'rebuild-read-models',
  summary: 'rebuild the read models in the data directory from the log (the API must be stopped)',
  usage: 'rebuild-read-models',
  async run(_argv: string[], config: KomConfig, out: (line: string) => void): Promise<void> {
    const lock = DataDirectoryLock.acquire(config.dataDir, {
      what: 'rebuild-read-models writes the live read models and needs the data directory to itself',
      advice: 'Stop the API first; verify, export-audit and replay work while it runs.',
    });
    try {
      const projections: Projection[] = CONTEXTS.flatMap((c) => c.projections);
      const store = await createEventStore({ eventStoreUrl: config.eventStoreUrl, dataDir: config.dataDir, upcasters: UPCASTERS });
      const readModels = ReadModelDatabase.open(liveReadModelsFile(config));
      try {
        const { events } = await rebuildAll(store, readModels, projections);
        out(`rebuilt ${projections.length} projections from ${events} events (log head ${await store.headPosition()})`);
      } finally {
        readModels.close();
        await store.close();
      }
    } finally {
      lock.release();
    }
  },
};
