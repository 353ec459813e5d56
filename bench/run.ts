// npm run bench [-- --json] [-- --events 1000000] [-- --report-events 100000] [-- --pg-events 100000]
// Prints (a) durable appends through the command path and (b) a full read-model rebuild, each
// next to its raw baseline measured in the same run, and their ratios; (c) the annual status
// report built as PDF from a generated log; then (d) the same as (a) and (b) on PostgreSQL, with
// cross-process subscription latency, or the reason it was skipped.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { benchAppend } from './append.bench';
import { benchPostgres } from './postgres.bench';
import { benchRebuild } from './rebuild.bench';
import { benchAnnualReport } from './annual-report.bench';

const TARGETS = { appendsPerSecond: 5000, appendRatio: 1.3, rebuildEventsPerSecond: 150_000, rebuildRatio: 0.4, annualReportSeconds: 2 };

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      json: { type: 'boolean', default: false },
      events: { type: 'string', default: '1000000' },
      'report-events': { type: 'string', default: '100000' },
      'pg-events': { type: 'string', default: '100000' },
    },
  });
  const dir = mkdtempSync(join(tmpdir(), 'kom-bench-'));
  try {
    const append = await benchAppend();
    const rebuild = await benchRebuild({ events: Number(values.events), dir });
    const report = await benchAnnualReport({ events: Number(values['report-events']), dir });
    const postgres = await benchPostgres({ events: Number(values['pg-events']) });
    const figures = { ...append, ...rebuild, ...report };
    if (values.json) {
      console.log(JSON.stringify({ ...figures, postgres }));
      return;
    }
    const n = (x: number) => Math.round(x).toLocaleString('en-US');
    const r = (x: number) => x.toFixed(2);
    const mark = (ok: boolean) => (ok ? 'meets target' : 'BELOW TARGET');
    console.log(`(a) command path, 32 writers: ${n(figures.appendsPerSecond)} appends/s`);
    console.log(`    raw single-row synchronous=FULL inserts: ${n(figures.rawFsyncInsertsPerSecond)} /s`);
    console.log(`    ratio ${r(figures.appendRatio)} (targets ≥ ${n(TARGETS.appendsPerSecond)}/s, ≥ ${TARGETS.appendRatio}): ${mark(figures.appendsPerSecond >= TARGETS.appendsPerSecond && figures.appendRatio >= TARGETS.appendRatio)}`);
    console.log(`    end to end, every read model projecting and each command reading its own write: ${n(figures.endToEndCommandsPerSecond)} commands/s`);
    console.log(`(b) rebuild from a ${n(Number(values.events))}-event log: ${n(figures.rebuildEventsPerSecond)} events/s`);
    console.log(`    raw read-and-parse of the same log: ${n(figures.rawReadParsePerSecond)} events/s`);
    console.log(`    ratio ${r(figures.rebuildRatio)} (targets ≥ ${n(TARGETS.rebuildEventsPerSecond)}/s, ≥ ${TARGETS.rebuildRatio}): ${mark(figures.rebuildEventsPerSecond >= TARGETS.rebuildEventsPerSecond && figures.rebuildRatio >= TARGETS.rebuildRatio)}`);
    console.log(`(c) annual status report (PDF) from a ${n(figures.annualReportEvents)}-event log: ${figures.annualReportLiveSeconds.toFixed(2)} s from the API's read models at the position (target ≤ ${TARGETS.annualReportSeconds} s): ${mark(figures.annualReportLiveSeconds <= TARGETS.annualReportSeconds)}`);
    console.log(`    replaying the projections it reads and the proof from the log (kom report, or a position the read models have passed): ${figures.annualReportSeconds.toFixed(2)} s: ${mark(figures.annualReportSeconds <= TARGETS.annualReportSeconds)}`);
    if ('skipped' in postgres) {
      console.log(`(d) PostgreSQL skipped: ${postgres.skipped}`);
      return;
    }
    console.log(`(d) PostgreSQL, command path, 32 writers: ${n(postgres.appendsPerSecond)} appends/s (SQLite above: ${n(figures.appendsPerSecond)})`);
    console.log(`    raw single-row insert-and-commit: ${n(postgres.rawInsertCommitsPerSecond)} /s`);
    console.log(`    ratio ${r(postgres.appendRatio)} (target ≥ ${TARGETS.appendRatio}): ${mark(postgres.appendRatio >= TARGETS.appendRatio)}`);
    console.log(`    append in one process to delivery in another: p50 ${postgres.lagP50Ms.toFixed(1)} ms, p99 ${postgres.lagP99Ms.toFixed(1)} ms`);
    console.log(`    rebuild from a ${n(postgres.rebuildEvents)}-event PostgreSQL log: ${n(postgres.rebuildEventsPerSecond)} events/s (SQLite above: ${n(figures.rebuildEventsPerSecond)})`);
    console.log(`    raw read-and-parse of the same log: ${n(postgres.rawReadParsePerSecond)} events/s`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
