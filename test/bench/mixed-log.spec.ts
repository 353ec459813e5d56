import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@kom/event-store';
import { ReadModelDatabase, rebuildAll } from '@kom/projections';
import { CONTEXTS } from '../../apps/api/src/contexts';
import { generateMixedLog } from '../../bench/annual-report-log';

// The benchmarks' generated log must stay a log the platform can read: every event valid against
// today's schema at the version it records, and every read model rebuilt from it without an error.
// (The benchmarks are not run by the tests; this keeps their input from going stale.)
describe('the benchmarks’ mixed log', () => {
  it('is written at current event versions and rebuilds every read model', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kom-mixed-log-'));
    const store = SqliteEventStore.open(join(dir, 'log.sqlite'));
    const readModels = ReadModelDatabase.open(join(dir, 'read-models.sqlite'));
    try {
      const written = await generateMixedLog(store, 3000, 7);
      const versions = new Map(CONTEXTS.flatMap((c) => c.eventSchemas).map((s) => [s.type, s.version]));
      const page = await store.readAll({ fromPosition: 0n, maxCount: 5000 });
      expect(page.length).toBe(written);
      const stale = page.filter((e) => (e.metadata as { schemaVersion?: number }).schemaVersion !== versions.get(e.type));
      expect(stale.map((e) => e.type)).toEqual([]);
      const errors: unknown[] = [];
      const { events } = await rebuildAll(store, readModels, CONTEXTS.flatMap((c) => c.projections), {
        logger: { log: () => undefined, error: (...args: unknown[]) => errors.push(args), warn: (...args: unknown[]) => errors.push(args) } as never,
      });
      expect(events).toBe(written);
      expect(errors).toEqual([]);
      const registered = page.filter((e) => e.type === 'OrganizationRegistered').length;
      const submitted = page.filter((e) => e.type === 'IssueSubmitted').length;
      expect(registered).toBeGreaterThan(0);
      expect(readModels.db.prepare('SELECT count(*) AS n FROM organizations').get()).toEqual({ n: registered });
      expect(readModels.db.prepare('SELECT count(*) AS n FROM issues').get()).toEqual({ n: submitted });
      // Ids as the platform makes them: version 7, in the order the log recorded them.
      const ids = page.map((e) => e.id);
      for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(new Set(ids).size).toBe(ids.length);
    } finally {
      readModels.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
