// (c) The annual status report built as PDF from a generated log: as `kom report` builds it (the
// read models it reads replayed into memory up to the position, the proof replayed from the log),
// and as the API builds it (its read models and audit leaves already at the position).
//   npx tsx bench/annual-report.bench.ts [events]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@kom/event-store';
import { DocumentBuilder } from '@kom/documents';
import { CONTEXTS } from '../apps/api/src/contexts';
import { LiveLogProofs, ReplayLogProofs } from '../apps/api/src/wiring/log-proofs';
import { ReadModelDatabase, rebuildAll } from '@kom/projections';
import { readModelReportSources } from '../apps/api/src/wiring/report-sources';
import { REPORT_YEAR, generateAnnualReportLog } from './annual-report-log';

export interface AnnualReportFigures {
  annualReportEvents: number;
  annualReportSeconds: number;
  annualReportBytes: number;
  annualReportLiveSeconds: number;
}

/** Best of three after a warm-up (page cache, JIT, fonts). */
async function bestOfThree(build: () => Promise<{ bytes: Buffer; sha256: string }>): Promise<{ seconds: number; runs: number[]; bytes: number; sha256: string }> {
  await build();
  const runs: number[] = [];
  let last: { bytes: { length: number }; sha256: string } = { bytes: [], sha256: '' };
  for (let run = 0; run < 3; run++) {
    const start = performance.now();
    last = await build();
    runs.push((performance.now() - start) / 1000);
  }
  return { seconds: Math.min(...runs), runs, bytes: last.bytes.length, sha256: last.sha256 };
}

const OPERATOR = { role: 'SECRETARIAT', organizationId: 'org-pod' } as const;

export async function benchAnnualReport(options: { events: number; dir: string }): Promise<AnnualReportFigures> {
  const store = SqliteEventStore.open(join(options.dir, `annual-report-log-${options.events}.sqlite`), { maxBatchSize: 1000 });
  try {
    const events = await generateAnnualReportLog(store, options.events);
    const projections = CONTEXTS.flatMap((c) => c.projections);
    const request = { kind: 'annual-report', format: 'pdf', lang: 'nb', params: { year: String(REPORT_YEAR) } };
    const replaying = new DocumentBuilder({ store, projections, proofs: new ReplayLogProofs(store), reportSources: readModelReportSources });
    const replay = await bestOfThree(() => replaying.build(request, OPERATOR));

    // The API's read models, caught up beforehand (not timed), as a running replica has them.
    const liveFile = join(options.dir, 'annual-report-read-models.sqlite');
    const live = ReadModelDatabase.open(liveFile);
    try {
      await rebuildAll(store, live, projections, { batchSize: 1000 });
      const serving = new DocumentBuilder({ store, projections, proofs: new LiveLogProofs(live.db, async () => {}), reportSources: readModelReportSources, liveReadModelsFile: liveFile });
      const served = await bestOfThree(() => serving.build(request, OPERATOR));
      // The same recipe at the same position: the same bytes, however the read models got there.
      if (served.sha256 !== replay.sha256) throw new Error('the report built from the live read models differs from the replayed one');
      if (process.env['BENCH_VERBOSE']) console.log(`annual report from ${events} events: replay runs ${replay.runs.map((s) => s.toFixed(2)).join(', ')} s; live runs ${served.runs.map((s) => s.toFixed(2)).join(', ')} s`);
      return { annualReportEvents: events, annualReportSeconds: replay.seconds, annualReportBytes: replay.bytes, annualReportLiveSeconds: served.seconds };
    } finally {
      live.close();
    }
  } finally {
    await store.close();
  }
}

if (require.main === module) {
  const events = Number(process.argv[2] ?? 100_000);
  const dir = mkdtempSync(join(tmpdir(), 'kom-bench-report-'));
  process.env['BENCH_VERBOSE'] ??= '1';
  benchAnnualReport({ events, dir })
    .then((figures) => console.log(JSON.stringify(figures)))
    .finally(() => rmSync(dir, { recursive: true, force: true }))
    .catch((error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    });
}
