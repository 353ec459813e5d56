import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { ManualClock } from '@kom/platform';
import { bundleTsChild, startBundledChild } from '@kom/kernel/testing';
import type { Actor } from '@kom/kernel';
import { EngineHarness } from '../testing/engine-harness';
import { startSmtpReceiver } from '../testing/loopback-receivers';

/**
 * Kills the process running the outbox with SIGKILL 14 times while it records and sends, restarts
 * it each time, then lets it finish: every notification is delivered (recorded as such in the log)
 * and reached the SMTP server, and no Message-ID was recorded delivered twice. Copies sent again
 * after a kill (sent, killed before recording) carry the same Message-ID: counted and printed.
 */
const KILLS = 14;
const PERSONS = 6;
const ISSUE_EVENTS = 20;
const CHILD = join(__dirname, '..', 'testing', 'delivery-child.ts');
const ROOT = join(__dirname, '..', '..', '..', '..');

jest.setTimeout(120_000);

describe('the notifications outbox under SIGKILL', () => {
  let dir: string;
  const children = new Set<ChildProcess>();

  // Bundled once: each of the 15 starts then loads one file instead of compiling its imports again.
  let bundle: { file: string; remove: () => void } | undefined;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'notifications-crash-'));
    bundle = await bundleTsChild(CHILD);
  });
  afterAll(() => {
    for (const child of children) child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
    bundle?.remove();
  });

  it('delivers every notification, none recorded twice, whatever moment the process dies', async () => {
    const started = Date.now();
    const smtp = await startSmtpReceiver();
    const files = [join(dir, 'log.db'), join(dir, 'read-models.db'), join(dir, 'keys.db')] as const;
    try {
      // The log: people who want every issue change, and an issue that changes many times.
      const seed = await EngineHarness.open({ logFile: files[0], readModelFile: files[1], keysFile: files[2], clock: new ManualClock('2026-06-10T08:00:00Z'), mail: undefined, addresses: { emailOf: async () => undefined, organizationOf: async () => 'org-ngo' } });
      for (let p = 1; p <= PERSONS; p++) {
        const actor: Actor = { userId: `user-${p}`, organizationId: 'org-ngo', role: 'NGO_REPRESENTATIVE' };
        await seed.setPreferences(
          { type: 'SetNotificationPreferences', topics: ['ISSUE_STATUS_CHANGED'], language: p % 2 ? 'nb' : 'en', cadence: 'IMMEDIATE', dueSoonDays: 7, expiringDays: 7, representativeId: `rep-${p}`, representativeOrganizationId: 'org-ngo' },
          { actor, correlationId: randomUUID() },
        );
      }
      const append = (type: string, data: object) => seed.store.appendToStream('issue-x', [{ id: randomUUID(), type, data, metadata: { correlationId: randomUUID(), occurredAt: '2026-06-10T08:00:00Z' } }]);
      await append('IssueSubmitted', { issueId: 'issue-x', organizationId: 'org-ngo' });
      for (let i = 0; i < ISSUE_EVENTS; i++) await append('IssueClosed', { issueId: 'issue-x', reason: `r${i}`, meetingId: null, agendaItemId: null });
      await seed.close();
      const expected = PERSONS * ISSUE_EVENTS;

      let killedWithWorkLeft = 0;
      for (let run = 0; run < KILLS; run++) {
        const child = startBundledChild(children, bundle!.file, [...files, smtp.url], ROOT);
        await Promise.race([child.line('S'), child.exited]);
        const before = smtp.mails.length;
        await sleep(Math.random() * 250);
        child.process.kill('SIGKILL');
        const exit = await child.exited;
        if (exit.signal !== 'SIGKILL') throw new Error(`The child exited by itself (${exit.code}): ${child.output()}`);
        if (delivered(files[1]) < expected || smtp.mails.length > before) killedWithWorkLeft += 1;
      }

      const last = startBundledChild(children, bundle!.file, [...files, smtp.url], ROOT);
      const until = Date.now() + 60_000;
      while (delivered(files[1]) < expected && Date.now() < until) await sleep(100);
      last.process.kill('SIGKILL');
      await last.exited;

      // In the log: one NotificationDelivered per notification, each with its own Message-ID.
      const log = new BetterSqlite3(files[0], { readonly: true });
      const deliveredEvents = (log.prepare(`SELECT data FROM events WHERE type = 'NotificationDelivered'`).pluck().all() as string[]).map((d) => JSON.parse(d) as { notificationId: string; idempotencyKey: string });
      const recorded = log.prepare(`SELECT COUNT(*) FROM events WHERE type = 'NotificationRecorded'`).pluck().get() as number;
      log.close();
      expect(recorded).toBe(expected);
      expect(deliveredEvents).toHaveLength(expected);
      expect(new Set(deliveredEvents.map((d) => d.notificationId)).size).toBe(expected);
      // On the wire: every Message-ID arrived; copies sent again carry an id already seen.
      const ids = smtp.mails.map((m) => m.messageId);
      const unique = new Set(ids);
      expect([...unique].sort()).toEqual(deliveredEvents.map((d) => d.idempotencyKey).sort());
      expect(killedWithWorkLeft).toBeGreaterThan(0);
      console.log(
        `notifications crash test: ${KILLS} SIGKILLs (${killedWithWorkLeft} with work left); ${expected} notifications, ` +
          `${ids.length} messages on the wire (${ids.length - unique.size} resent with the same Message-ID), ${((Date.now() - started) / 1000).toFixed(1)} s`,
      );
    } finally {
      await smtp.close();
    }
  });
});

function delivered(readModelFile: string): number {
  try {
    const db = new BetterSqlite3(readModelFile, { readonly: true, fileMustExist: true });
    try {
      return db.prepare(`SELECT COUNT(*) FROM nf_notifications WHERE status = 'DELIVERED'`).pluck().get() as number;
    } finally {
      db.close();
    }
  } catch {
    return 0;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
