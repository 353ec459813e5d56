// (c) The annual status report built from a generated log, as `kom report` builds it: the read
// models replayed into memory up to the log's head, the report compiled and rendered as PDF.
//   npx tsx bench/annual-report.bench.ts [events]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@kom/event-store';
import { DocumentBuilder } from '@kom/documents';
import { CONTEXTS } from '../apps/api/src/contexts';
import { ReplayLogProofs } from '../apps/api/src/wiring/log-proofs';
import { readModelReportSources } from '../apps/api/src/wiring/report-sources';
import { REPORT_YEAR, generateAnnualReportLog } from './annual-report-log';

export interface AnnualReportFigures {
  annualReportEvents: number;
  annualReportSeconds: number;
  annualReportBytes: number;
}

const OPERATOR = { role: 'SECRETARIAT', organizationId: 'org-pod' } as const;

export async function benchAnnualReport(options: { events: number; dir: string }): Promise<AnnualReportFigures> {
  const store = SqliteEventStore.open(join(options.dir, `annual-report-log-${options.events}.sqlite`), { maxBatchSize: 1000 });
  try {
    const events = await generateAnnualReportLog(store, options.events);
    const builder = new DocumentBuilder({ store, projections: CONTEXTS.flatMap((c) => c.projections), proofs: new ReplayLogProofs(store), reportSources: readModelReportSources });
    const request = { kind: 'annual-report', format: 'pdf', lang: 'nb', params: { year: String(REPORT_YEAR) } };
    // Warm-up (page cache, JIT, fonts), then the best of three: each replays the whole log again.
    await builder.build(request, OPERATOR);
    const runs: number[] = [];
    let bytes = 0;
    for (let run = 0; run < 3; run++) {
      const start = performance.now();
      const document = await builder.build(request, OPERATOR);
      runs.push((performance.now() - start) / 1000);
      bytes = document.bytes.length;
    }
    if (process.env['BENCH_VERBOSE']) console.log(`annual report from ${events} events: runs ${runs.map((s) => s.toFixed(2)).join(', ')} s`);
    return { annualReportEvents: events, annualReportSeconds: Math.min(...runs), annualReportBytes: bytes };
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
