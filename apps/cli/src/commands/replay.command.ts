import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { createEventStore } from '@kom/event-store';
import { CHECKPOINT_TABLE, ReadModelDatabase, rebuildAll, type Projection } from '@kom/projections';
import type { KomConfig } from '@kom/platform';
import { CONTEXTS, UPCASTERS } from '../../../api/src/contexts';
import type { CliCommand } from '../cli-command';
import { liveReadModelsFile } from '../audit/open-audit';
import { compareTables } from '../audit/read-model-digest';

export class ReplayDifference extends Error {
  override readonly name = 'ReplayDifference';
}

/**
 * Rebuilds every read model of every context from the log into a fresh database and compares a
 * digest of each read-model table with the live database in the data directory (this replica's).
 * Run it while the API is stopped or idle: a live database still catching up differs for that reason.
 */
export const replayCommand: CliCommand = {
  name: 'replay',
  summary: 'rebuild every read model from the log into a fresh database and compare it with the live one',
  usage: 'replay [--keep <file>]',
  async run(argv: string[], config: KomConfig, out: (line: string) => void): Promise<void> {
    const { values } = parseArgs({ args: argv, options: { keep: { type: 'string' } }, strict: true });
    const projections: Projection[] = CONTEXTS.flatMap((c) => c.projections);
    const liveFile = liveReadModelsFile(config);
    if (!existsSync(liveFile)) throw new ReplayDifference(`no live read models at ${liveFile}`);
    const scratch = values.keep ? undefined : mkdtempSync(join(tmpdir(), 'kom-replay-'));
    const freshFile = values.keep ?? join(scratch!, 'read-models.sqlite');
    const store = await createEventStore({ eventStoreUrl: config.eventStoreUrl, dataDir: config.dataDir, upcasters: UPCASTERS });
    const fresh = ReadModelDatabase.open(freshFile);
    const live = new Database(liveFile, { readonly: true, fileMustExist: true });
    try {
      const { events } = await rebuildAll(store, fresh, projections);
      const head = await store.headPosition();
      out(`rebuilt ${projections.length} projections from ${events} events (log head ${head})`);
      const behind = (live.prepare(`SELECT name, position FROM ${CHECKPOINT_TABLE}`).all() as Array<{ name: string; position: string }>).filter(
        (p) => BigInt(p.position) !== head,
      );
      for (const p of behind) out(`note: live projection ${p.name} is at position ${p.position}, the log at ${head}`);
      const tables = projections.flatMap((p) => p.tables);
      const differences = compareTables(live, fresh.db, tables);
      for (const d of differences) {
        out(`DIFFERENT ${d.table}: live ${d.live.exists ? `${d.live.rows} rows` : 'missing'}, rebuilt ${d.rebuilt.rows} rows`);
        for (const line of d.onlyLive) out(`  only live:    ${line}`);
        for (const line of d.onlyRebuilt) out(`  only rebuilt: ${line}`);
      }
      if (differences.length > 0) throw new ReplayDifference(`${differences.length} of ${tables.length} read-model tables differ from a replay of the log`);
      out(`all ${tables.length} read-model tables equal the replay of the log`);
    } finally {
      live.close();
      fresh.close();
      await store.close();
      if (scratch) rmSync(scratch, { recursive: true, force: true });
    }
  },
};
