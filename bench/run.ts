// npm run bench [-- --quick] [-- --events 1000000] [-- --report-events 100000] [-- --pg-events 100000] [-- --scale 10000,100000,1000000]
// Prints ONE JSON object (progress goes to stderr):
// (a) durable appends through the command path next to raw fsync'd inserts, and end to end with every
//     read model projecting and read-your-writes (endToEndRatio: end to end ÷ the durable append rate);
// (b) a rebuild of one read model from a generated log next to raw read+parse of it;
// (c) the annual status report built from a generated log;
// (d) PostgreSQL (or the reason it was skipped);
// G1 GraphQL reads next to a bare @apollo/server, G2 read-your-writes p99 over GraphQL;
// G4–G7 on a seeded mixed log at 10k/100k/1M events (see scale.bench.ts).
// --quick: smaller logs (scale 10k and 100k, rebuild 100k, report 10k) and shorter rounds, in under 3 minutes.
import { execSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { benchAppend } from './append.bench';
import { benchPostgres } from './postgres.bench';
import { benchRebuild } from './rebuild.bench';
import { benchAnnualReport } from './annual-report.bench';
import { benchGraphql } from './graphql.bench';
import { benchScale } from './scale.bench';

function machine(): Record<string, unknown> {
  const cpuModel = /model name\s*:\s*(.*)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? cpus()[0]?.model;
  let nproc = cpus().length;
  try {
    nproc = Number(execSync('nproc').toString().trim());
  } catch {
    // cpus() then
  }
  return { nproc, cpu: cpuModel, node: process.version, loadAverage1mAtStart: loadavg()[0] };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      json: { type: 'boolean', default: true },
      quick: { type: 'boolean', default: false },
      events: { type: 'string' },
      'report-events': { type: 'string' },
      'pg-events': { type: 'string' },
      scale: { type: 'string' },
    },
  });
  const quick = values.quick;
  const events = Number(values.events ?? (quick ? 100_000 : 1_000_000));
  const reportEvents = Number(values['report-events'] ?? (quick ? 10_000 : 100_000));
  const pgEvents = Number(values['pg-events'] ?? (quick ? 5_000 : 100_000));
  const sizes = (values.scale ?? (quick ? '10000,100000' : '10000,100000,1000000')).split(',').map(Number);
  const started = performance.now();
  const host = machine();
  const step = (name: string) => console.error(`[bench ${((performance.now() - started) / 1000).toFixed(0)} s] ${name}`);
  const dir = mkdtempSync(join(tmpdir(), 'kom-bench-'));
  try {
    step('(a) appends');
    const append = await benchAppend(quick ? { commandsPerWriter: 400 } : {});
    step('G1/G2 GraphQL');
    const graphql = await benchGraphql(quick ? { rounds: 5, seconds: 1.5 } : { rounds: 7, seconds: 4 });
    step(`(b) rebuild of one read model, ${events} events`);
    const rebuild = await benchRebuild({ events, dir });
    step(`(c) annual report, ${reportEvents} events`);
    const report = await benchAnnualReport({ events: reportEvents, dir });
    step(`G4-G7 mixed log at ${sizes.join(', ')} events`);
    const scale = await benchScale({ sizes, dir, rounds: quick ? 30 : 100 });
    step('(d) PostgreSQL');
    const postgres = await benchPostgres({ events: pgEvents });
    const figures = {
      ...append,
      ...rebuild,
      ...report,
      ...graphql,
      ...scale,
      postgres,
      machine: { ...host, loadAverage1mAtEnd: loadavg()[0], quick, seconds: Math.round((performance.now() - started) / 1000) },
    };
    console.log(JSON.stringify(figures));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
