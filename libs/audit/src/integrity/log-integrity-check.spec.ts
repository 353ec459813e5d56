import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import Database from 'better-sqlite3';
import { SqliteEventStore, type EventToAppend } from '@kom/event-store';
import { loadOrCreateAuditKey, type AuditSigningKey } from '../checkpoints/audit-key';
import { verifyWholeLog } from '../verification/whole-log';
import { LogIntegrityCheck } from './log-integrity-check';

// A read of the log due every INTERVAL ms while the whole log is verified. What is asserted is not
// how fast the reads are (tests assert no timings) but whether they happen at all while the
// verification runs: a verification that holds the event loop lets none through until it ends.
const INTERVAL_MS = 5;
/** Reads that must get through during a verification in a worker (it lasts 100+ intervals). */
const READS_WHILE_VERIFYING = 20;

const p99 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length * 0.99)]!;

async function whileRunning(work: Promise<unknown>, read: () => unknown): Promise<{ readP99: number; loopDelayP99: number; reads: number }> {
  const latencies: number[] = [];
  const delay = monitorEventLoopDelay({ resolution: 5 });
  delay.enable();
  let done = false;
  void work.finally(() => (done = true)).catch(() => undefined);
  const start = performance.now();
  for (let i = 0; !done; i++) {
    const due = start + i * INTERVAL_MS;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    if (done) break;
    read();
    latencies.push(performance.now() - due);
  }
  delay.disable();
  return { readP99: latencies.length ? p99(latencies) : 0, loopDelayP99: delay.percentile(99) / 1e6, reads: latencies.length };
}

function renamings(stream: string, from: number, count: number): EventToAppend[] {
  return Array.from({ length: count }, (_, i) => ({
    id: randomUUID(),
    type: 'OrganizationRenamed',
    data: { organizationId: stream, name: `Organisasjon ${from + i} for samarbeid om identifisering og bistand` },
    metadata: { actor: { userId: 'sara', organizationId: 'org-pod', role: 'SECRETARIAT' }, correlationId: randomUUID(), occurredAt: new Date().toISOString() },
  }));
}

async function grow(store: SqliteEventStore, events: number): Promise<void> {
  const appends: Promise<unknown>[] = [];
  for (let done = 0; done < events; done += 100) {
    const stream = `organization-bulk-${randomUUID()}`;
    appends.push(store.appendToStream(stream, renamings(stream, done, Math.min(100, events - done))));
    if (appends.length === 50) await Promise.all(appends.splice(0));
  }
  await Promise.all(appends);
}

describe('whole-log verification on a server: off the event loop, one run at a time', () => {
  let dir: string;
  let key: AuditSigningKey;
  let store: SqliteEventStore;
  /** A small log for what does not need a big one. */
  let small: SqliteEventStore;
  let onLoopMs = 0;
  const read = () => store.readStream('organization-bulk-none').catch(() => undefined);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kom-integrity-'));
    key = loadOrCreateAuditKey(join(dir, 'audit-signing-key.pem'));
    store = SqliteEventStore.open(join(dir, 'events.sqlite'));
    small = SqliteEventStore.open(join(dir, 'small.sqlite'));
    await grow(small, 2000);
    // A log big enough that verifying it takes half a second or more on this machine (sized by
    // measuring, not assumed): a hundred intervals and more for reads to get through, or not.
    for (let size = 30_000; onLoopMs < 500 && size <= 480_000; size *= 2) {
      await grow(store, size - Number(await store.headPosition()));
      const started = performance.now();
      await verifyWholeLog(store, key.published);
      onLoopMs = performance.now() - started;
    }
    expect(onLoopMs).toBeGreaterThanOrEqual(500);
  }, 240_000);

  afterAll(async () => {
    await store.close();
    await small.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps serving reads all through a verification of the embedded log in a worker', async () => {
    const check = new LogIntegrityCheck({ store, publicKey: key.published });
    expect(check.mode).toBe('worker');
    const run = check.verifyLog();
    const measured = await whileRunning(run, read);
    if (process.env.KOM_PRINT_FIGURES) process.stdout.write(`on the loop ${Math.round(onLoopMs)} ms; in a worker: ${JSON.stringify(measured)}\n`);
    const report = await run;
    expect(report).toMatchObject({ valid: true, checkedEvents: Number(await store.headPosition()) });
    expect(measured.reads).toBeGreaterThan(READS_WHILE_VERIFYING);
  }, 120_000);

  it('on the event loop (as before), no read gets through until the verification ends: the measurement can fail', async () => {
    const measured = await whileRunning(sleep(1).then(() => verifyWholeLog(store, key.published)), read);
    if (process.env.KOM_PRINT_FIGURES) process.stdout.write(`on the loop: ${JSON.stringify(measured)}\n`);
    expect(measured.reads).toBeLessThanOrEqual(2);
  }, 120_000);

  it('gives callers that ask while a run is going that run’s report, and starts a new run afterwards', async () => {
    const check = new LogIntegrityCheck({ store: small, publicKey: key.published });
    const first = check.verifyLog();
    expect(check.busy).toBe(true);
    expect(check.verifyLog()).toBe(first);
    await first;
    expect(check.busy).toBe(false);
    const second = check.verifyLog();
    expect(second).not.toBe(first);
    await second;
  }, 120_000);

  it('reports a change in the file at its position, from the worker', async () => {
    const copy = join(dir, 'tampered.sqlite');
    const source = new Database(join(dir, 'small.sqlite'), { readonly: true });
    await source.backup(copy);
    source.close();
    const db = new Database(copy);
    db.prepare("UPDATE events SET data = replace(data, 'Organisasjon', 'Organisasjom') WHERE position = 1234").run();
    db.close();
    const tampered = SqliteEventStore.open(copy);
    try {
      const report = await new LogIntegrityCheck({ store: tampered, publicKey: key.published }).verifyLog();
      expect(report).toMatchObject({ valid: false, firstInvalidPosition: 1234n, reason: expect.stringContaining('does not match its hash') });
    } finally {
      await tampered.close();
    }
  }, 120_000);

  it('stops a running worker on close', async () => {
    const check = new LogIntegrityCheck({ store: small, publicKey: key.published });
    const run = check.verifyLog();
    check.close();
    await expect(run).rejects.toThrow(/exited/);
    await expect(check.verifyLog()).rejects.toThrow(/closed/);
  });

  it('tells how far a run is, from the worker and in steps, then keeps the outcome', async () => {
    const memory = SqliteEventStore.open(':memory:');
    try {
      await grow(memory, 3000);
      for (const target of [small, memory]) {
        const total = Number(await target.headPosition());
        const check = new LogIntegrityCheck({ store: target, publicKey: key.published, totalEvents: () => total, now: () => new Date('2027-01-01T00:00:00Z') });
        expect(check.progress()).toMatchObject({ running: false, checkedEvents: 0, lastReport: null });
        const run = check.verifyLog();
        expect(check.progress()).toMatchObject({ running: true, startedAt: '2027-01-01T00:00:00.000Z', totalEvents: total });
        const seen: number[] = [];
        let done = false;
        void run.finally(() => (done = true));
        while (!done) {
          seen.push(check.progress().checkedEvents);
          await sleep(1);
        }
        const report = await run;
        // Counts only grow, never past the log, and the finished run's report is kept.
        expect(seen).toEqual([...seen].sort((a, b) => a - b));
        expect(Math.max(...seen)).toBeLessThanOrEqual(total);
        expect(check.progress()).toEqual({
          running: false, startedAt: null, checkedEvents: 0, totalEvents: null,
          lastReport: report, lastFinishedAt: '2027-01-01T00:00:00.000Z',
        });
        expect(report).toMatchObject({ valid: true, checkedEvents: total });
      }
    } finally {
      await memory.close();
    }
  }, 120_000);

  // In steps on the event loop the thread is busy throughout, and a loaded machine takes it away for
  // whole scheduling periods: what is asserted is that other reads are served between the steps
  // (a blocked loop serves none while it verifies), not how fast (that is `npm run bench`'s).
  it('verifies a log reached only through its client in steps, serving other reads between the steps', async () => {
    const memory = SqliteEventStore.open(':memory:');
    try {
      await grow(memory, 30_000);
      const check = new LogIntegrityCheck({ store: memory, publicKey: key.published });
      expect(check.mode).toBe('stepwise');
      const run = check.verifyLog();
      const measured = await whileRunning(run, () => memory.readStream('organization-bulk-none').catch(() => undefined));
      if (process.env.KOM_PRINT_FIGURES) process.stdout.write(`in steps: ${JSON.stringify(measured)}\n`);
      expect(await run).toMatchObject({ valid: true, checkedEvents: 30_000 });
      expect(measured.reads).toBeGreaterThan(20);
    } finally {
      await memory.close();
    }
  }, 120_000);
});
