import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@kom/event-store';
import { exportAuditBundle, notaryFromLog } from '../audit-log';
import { loadOrCreateAuditKey, type AuditSigningKey } from '../checkpoints/audit-key';
import { verifyBundle, type BundleReport } from './evidence-bundle';

// Real bundles, exported from a log written through the store with periodic checkpoints, then
// attacked: every attack must fail, and say what and where.
describe('evidence bundles exported from a real log, attacked', () => {
  let dir: string;
  let key: AuditSigningKey;
  /** The whole log. */
  let full: string;
  /** The middle of the log: a run of leaves with leaves before and after it left out. */
  let part: string;

  const seconds = (n: number) => new Date(Date.UTC(2026, 2, 1, 10, 0, n)).toISOString();

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kom-bundle-'));
    key = loadOrCreateAuditKey(join(dir, 'audit-signing-key.pem'));
    const store = SqliteEventStore.open(':memory:');
    for (let i = 0; i < 60; i++) {
      const stream = `organization-org-${i % 7}`;
      await store.appendToStream(stream, [
        {
          id: randomUUID(),
          type: 'OrganizationRenamed',
          data: { organizationId: `org-${i % 7}`, name: `Navn ${i} æøå «sitat» \u{1F600}` },
          metadata: { actor: { userId: 'sara', organizationId: 'org-pod', role: 'SECRETARIAT' }, correlationId: `c-${i}`, occurredAt: seconds(i) },
        },
      ]);
      if (i % 13 === 12) {
        const { notary, close } = await notaryFromLog(store, key, 1000);
        await notary.checkpointNow();
        close();
      }
    }
    const { notary, close } = await notaryFromLog(store, key, 1000);
    const checkpoint = await notary.checkpointNow();
    full = (await exportAuditBundle(store, notary, key, { from: new Date(0), to: new Date(Date.UTC(2100, 0)) }, { checkpoint })).text;
    part = (await exportAuditBundle(store, notary, key, { from: new Date(seconds(20)), to: new Date(seconds(40)) }, { checkpoint })).text;
    close();
    await store.close();
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const rows = (text: string) => text.slice(0, -1).split('\n');
  const join_ = (lines: readonly string[]) => lines.join('\n') + '\n';
  const kindOf = (line: string) => (JSON.parse(line) as { kind: string }).kind;
  const lineOf = (text: string, kind: string, nth = 0) => rows(text).map((l, i) => [l, i] as const).filter(([l]) => kindOf(l) === kind)[nth]![1];
  const refused = (report: BundleReport, line?: number): void => {
    expect(report.valid).toBe(false);
    expect(report.reason).toMatch(/^line \d+: ./);
    if (line !== undefined) expect(report.firstInvalidLine).toBe(line);
  };

  it('verifies both bundles as exported', () => {
    expect(verifyBundle(full)).toMatchObject({ valid: true, checkedEvents: 60, checkpointsChecked: 5, consistencyProofsChecked: 4, unprovenEvents: 0, treeSize: 60 });
    expect(verifyBundle(part)).toMatchObject({ valid: true, checkedEvents: 20, treeSize: 60 });
    expect(verifyBundle(Buffer.from(part, 'utf8')).valid).toBe(true);
  });

  it.each(['full', 'part'] as const)('refuses the %s bundle with one line deleted, wherever it was', (which) => {
    const text = which === 'full' ? full : part;
    const lines = rows(text);
    for (let i = 0; i < lines.length; i++) {
      const report = verifyBundle(join_(lines.filter((_, j) => j !== i)));
      refused(report);
      // Found at the deleted line's place (the line now there), or at the end when the seal went.
      expect(report.firstInvalidLine).toBe(Math.min(i + 1, lines.length - 1));
    }
  });

  it('names the missing event of a deleted event line by its leaf and the positions around it', () => {
    const lines = rows(part);
    const first = lineOf(part, 'event');
    const report = verifyBundle(join_(lines.filter((_, j) => j !== first + 5)));
    refused(report, first + 6);
    expect(report.reason).toMatch(/the event of leaf \d+ is missing: the bundle goes from position \d+ \(leaf \d+\) to position \d+ \(leaf \d+\)/);
  });

  it('refuses a bundle whose consistency proofs, range proof or an event’s proof were removed', () => {
    const lines = rows(full);
    const consistency = lineOf(full, 'consistency');
    refused(verifyBundle(join_(lines.filter((l) => kindOf(l) !== 'consistency'))), consistency + 1);
    expect(verifyBundle(join_(lines.filter((l) => kindOf(l) !== 'consistency'))).reason).toMatch(/consistency proof from tree size 13 to 60 is missing/);
    const range = lineOf(full, 'range');
    expect(verifyBundle(join_(lines.filter((_, i) => i !== range))).reason).toMatch(/^line \d+: the range proof of leaves 0\.\.59 is missing/);
    const event = lineOf(full, 'event', 7);
    for (const stripped of [lines[event]!.replace(/,"proof":\{.*\}\}$/, '}'), lines[event]!.replace(/"proof":\{.*\}\}$/, '"proof":null}')]) {
      const report = verifyBundle(join_(lines.map((l, i) => (i === event ? stripped : l))));
      refused(report, event + 1);
      expect(report.reason).toMatch(/no inclusion proof for the event at position \d+/);
      expect(report.firstInvalidPosition).not.toBeNull();
    }
  });

  it('refuses two lines swapped: events, checkpoints, an event with the seal', () => {
    const lines = rows(part);
    const swap = (i: number, j: number) => join_(lines.map((l, k) => (k === i ? lines[j]! : k === j ? lines[i]! : l)));
    const first = lineOf(part, 'event');
    refused(verifyBundle(swap(first + 2, first + 3)), first + 3);
    refused(verifyBundle(swap(first, lines.length - 2)), first + 1);
    refused(verifyBundle(swap(1, 2)), 2);
    refused(verifyBundle(swap(lines.length - 2, lines.length - 1)), lines.length - 1);
  });

  it('refuses one byte changed in an event, a proof, a checkpoint’s signature and the seal’s signature, at that line', () => {
    const lines = rows(full);
    const event = lineOf(full, 'event', 30);
    const cases: Array<[number, RegExp, RegExp]> = [
      [event, /"name":"Navn (\d)/, /does not match its hash/],
      [event, /"recordedAt":"(\d)/, /differs from the one sealed/],
      [event, /"id":"(.)/, /inclusion proof .* does not verify/],
      [event, /"path":\["(.)/, /inclusion proof .* does not verify/],
      [lineOf(full, 'checkpoint', 2), /"signature":"(.)/, /signature of the checkpoint of tree size 39 does not verify/],
      [lines.length - 1, /"signature":"(.)/, /seal’s signature does not verify/],
      [lines.length - 1, /"lineHashes":\["(.)/, /seal’s signature does not verify/],
    ];
    for (const [index, where, why] of cases) {
      const changed = lines[index]!.replace(where, (match, c: string) => match.slice(0, -1) + (c === '1' ? '2' : '1'));
      expect(changed).not.toBe(lines[index]);
      const report = verifyBundle(join_(lines.map((l, i) => (i === index ? changed : l))));
      refused(report, index + 1);
      expect(report.reason).toMatch(why);
    }
  });

  it('refuses the file truncated anywhere', () => {
    for (let cut = 1; cut < full.length; cut += 97) {
      const report = verifyBundle(full.slice(0, cut));
      expect(report.valid).toBe(false);
      expect(report.reason).toMatch(/truncated|without its seal/);
    }
    expect(verifyBundle(full.slice(0, -1)).reason).toMatch(/truncated/);
  });

  // Seeded, so a failure names a reproducible case.
  it('never verifies a random single-byte change, line deletion, line swap or truncation of a real bundle', () => {
    let seed = 20260301;
    const random = (n: number) => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
    };
    for (const text of [full, part]) {
      const bytes = Buffer.from(text, 'utf8');
      for (let i = 0; i < 400; i++) {
        const at = random(bytes.length);
        const changed = Buffer.from(bytes);
        changed[at] = (changed[at]! + 1 + random(255)) % 256;
        const report = verifyBundle(changed);
        if (report.valid) throw new Error(`byte ${at} changed from ${bytes[at]} to ${changed[at]} still verifies`);
      }
      const lines = rows(text);
      for (let i = 0; i < 60; i++) {
        const a = random(lines.length);
        const b = random(lines.length);
        expect(verifyBundle(join_(lines.filter((_, j) => j !== a))).valid).toBe(false);
        if (lines[a] !== lines[b]) expect(verifyBundle(join_(lines.map((l, k) => (k === a ? lines[b]! : k === b ? lines[a]! : l)))).valid).toBe(false);
        expect(verifyBundle(bytes.subarray(0, random(bytes.length))).valid).toBe(false);
      }
    }
  });
});
