// Rebuilds every read model from a generated mixed log once, for profiling:
//   node --cpu-prof --import tsx bench/profile-rebuild-all.ts <log.sqlite> [events]
// (the log is generated first when missing, as bench/scale.bench.ts does).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@kom/event-store';
import { ReadModelDatabase, rebuildAll } from '@kom/projections';
import { CONTEXTS } from '../apps/api/src/contexts';

async function main(): Promise<void> {
  const [logFile = '/tmp/kom-mixed-100k.sqlite', events = '100000'] = process.argv.slice(2);
  if (!existsSync(logFile)) {
    const generated = spawnSync(process.execPath, ['--import', 'tsx', join(__dirname, 'rebuild-generate.ts'), logFile, events, 'mixed', '2026'], { stdio: 'inherit' });
    if (generated.status !== 0) throw new Error('generating the log failed');
  }
  const store = SqliteEventStore.open(logFile);
  const dir = mkdtempSync(join(tmpdir(), 'kom-rebuild-all-'));
  const readModels = ReadModelDatabase.open(join(dir, 'read-models.sqlite'));
  for (const pragma of (process.env.KOM_PRAGMAS ?? '').split(';').filter(Boolean)) readModels.db.pragma(pragma);
  const start = performance.now();
  const result = await rebuildAll(store, readModels, CONTEXTS.flatMap((c) => c.projections));
  const seconds = (performance.now() - start) / 1000;
  console.log(JSON.stringify({ events: result.events, seconds: Number(seconds.toFixed(2)), eventsPerSecond: Math.round(result.events / seconds) }));
  readModels.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
}

void main();
