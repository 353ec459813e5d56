import { randomUUID } from 'node:crypto';
import { ManualClock, type CommandMeta } from '@kom/platform';
import { EngineHarness } from '../testing/engine-harness';
import { startSmtpReceiver, startWebhookReceiver } from '../testing/loopback-receivers';
import { SmtpMailTransport } from '../delivery/smtp-mail-transport';
import { newWebhookSecret } from '../delivery/webhook-signature';
import type { AddressLookup, RecipientAddresses } from '../delivery/ports';
import type { Actor } from '@kom/kernel';

const ngo: Actor = { userId: 'ngo-1', organizationId: 'org-rosa', role: 'NGO_REPRESENTATIVE' };
const ngo2: Actor = { userId: 'ngo-2', organizationId: 'org-rosa', role: 'NGO_REPRESENTATIVE' };
const secretariat: Actor = { userId: 'sec-1', organizationId: 'org-pod', role: 'SECRETARIAT' };
const metaOf = (actor: Actor): CommandMeta => ({ actor, correlationId: randomUUID() });
const ALL = ['AGENDA_PUBLISHED', 'ISSUE_STATUS_CHANGED', 'DECISION_ON_MY_ISSUE', 'ACTION_ITEM_ASSIGNED', 'ACTION_ITEM_DUE_SOON', 'ACTION_ITEM_OVERDUE', 'WEBHOOK_DISABLED'];

class Addresses implements RecipientAddresses {
  readonly emails = new Map<string, string>([['rep-1', 'kari@rosa.example'], ['rep-2', 'ola@rosa.example']]);
  readonly erased = new Set<string>();
  async emailOf(id: string): Promise<AddressLookup> {
    if (this.erased.has(id)) return { erased: true };
    const email = this.emails.get(id);
    return email ? { email } : undefined;
  }
  async organizationOf(id: string) {
    return this.emails.has(id) ? 'org-rosa' : undefined;
  }
}

describe('the notifications outbox (SMTP and webhooks on loopback)', () => {
  let smtp: Awaited<ReturnType<typeof startSmtpReceiver>>;
  let hooks: Awaited<ReturnType<typeof startWebhookReceiver>>;
  let h: EngineHarness;
  let clock: ManualClock;
  let addresses: Addresses;
  let mail: SmtpMailTransport | undefined;

  const open = async (withMail = true) => {
    mail = withMail ? new SmtpMailTransport(smtp.url, 'KOM <no-reply@kom.test>') : undefined;
    h = await EngineHarness.open({ clock, mail, addresses, options: { backoffBaseMs: 1000, maxAttempts: 3, disableAfterFailures: 3, publicOrigin: 'https://kom.test' } });
    await h.engine.runner.start();
  };
  const foreign = async (stream: string, type: string, data: object, actor: Actor = secretariat) => {
    const id = randomUUID();
    await h.store.appendToStream(stream, [{ id, type, data, metadata: { actor, correlationId: id, occurredAt: clock.now().toISOString() } }]);
    await h.settle();
    return id;
  };
  const prefer = (actor: Actor, representativeId: string | null, cadence: 'IMMEDIATE' | 'DAILY_DIGEST' = 'IMMEDIATE', language: 'nb' | 'en' = 'nb', topics = ALL) =>
    h.setPreferences(
      { type: 'SetNotificationPreferences', topics, language, cadence, dueSoonDays: 3, expiringDays: 30, representativeId, representativeOrganizationId: representativeId ? 'org-rosa' : null },
      metaOf(actor),
    );
  const rosaIssue = async () => {
    await foreign('issue-1', 'IssueSubmitted', { issueId: 'issue-1', organizationId: 'org-rosa' }, ngo);
  };
  const pass = async () => {
    await h.settle();
    await h.engine.runOnce();
    await h.settle();
  };
  const rows = () => h.readModels.db.prepare(`SELECT notification_id AS id, topic, user_id AS userId, endpoint_id AS endpointId, status, problem FROM nf_notifications ORDER BY recorded_at, notification_id`).all() as Array<Record<string, string>>;

  beforeAll(async () => {
    smtp = await startSmtpReceiver();
    hooks = await startWebhookReceiver();
  });
  afterAll(async () => {
    await smtp.close();
    await hooks.close();
  });
  beforeEach(() => {
    smtp.mails.length = 0;
    hooks.received.length = 0;
    clock = new ManualClock('2026-06-10T08:00:00Z');
    addresses = new Addresses();
  });
  afterEach(async () => {
    await h.close();
    await mail?.close();
  });

  it('mails a decision on an issue to the person who raised it: nb, plain text and HTML, a link, the notification id as Message-ID, once', async () => {
    await open();
    await prefer(ngo, 'rep-1');
    await rosaIssue();
    await foreign('issue-1', 'IssueForwarded', { issueId: 'issue-1', meetingId: 'm-1', agendaItemId: 'a-1', decisionId: 'd-1' });
    await pass();
    await pass(); // a second pass sends nothing again
    const mine = rows().filter((r) => r.userId === 'ngo-1');
    expect(mine.map((r) => [r.topic, r.status]).sort()).toEqual([['DECISION_ON_MY_ISSUE', 'DELIVERED'], ['ISSUE_STATUS_CHANGED', 'DELIVERED']]);
    expect(smtp.mails).toHaveLength(2);
    const decision = smtp.mails.find((m) => m.subject === 'KOM: Vedtak i en sak du meldte inn')!;
    expect(decision.to && 'text' in decision.to ? decision.to.text : '').toBe('kari@rosa.example');
    expect(decision.text).toContain('https://kom.test/issues/issue-1');
    expect(decision.html).toContain('href="https://kom.test/issues/issue-1"');
    const id = mine.find((r) => r.topic === 'DECISION_ON_MY_ISSUE')!.id;
    expect(decision.messageId).toBe(`<${id}@kom-platform.invalid>`);
  });

  it('never has two senders of one notification at once: passes asked for together run one after another', async () => {
    await open();
    await prefer(ngo, 'rep-1');
    await prefer(ngo2, 'rep-2');
    await rosaIssue();
    await foreign('issue-1', 'IssueWithdrawn', { issueId: 'issue-1', reason: 'done' }, ngo);
    await h.settle();
    await Promise.all([h.engine.runOnce(), h.engine.runOnce(), h.engine.runOnce(), h.engine.runOnce()]);
    await h.settle();
    expect(rows().map((r) => r.status)).toEqual(['DELIVERED', 'DELIVERED']);
    expect(smtp.mails.map((m) => m.messageId).sort()).toEqual(rows().map((r) => `<${r.id}@kom-platform.invalid>`).sort());
  });

  it('does not call a webhook on a loopback address unless private addresses are allowed', async () => {
    mail = undefined;
    h = await EngineHarness.open({ clock, mail, addresses, options: { allowPrivateAddresses: false, maxAttempts: 1 } });
    await h.engine.runner.start();
    await h.endpoint({ type: 'RegisterWebhookEndpoint', endpointId: 'ep-9', url: hooks.url, topics: ['ISSUE_STATUS_CHANGED'], sealedSecret: await h.secrets.seal('ep-9', newWebhookSecret()) }, metaOf(ngo));
    await rosaIssue();
    await foreign('issue-1', 'IssueWithdrawn', { issueId: 'issue-1', reason: 'done' }, ngo);
    await pass();
    expect(rows()).toEqual([expect.objectContaining({ endpointId: 'ep-9', status: 'ABANDONED', problem: expect.stringMatching(/^blocked: points at a loopback/) })]);
    expect(hooks.received).toHaveLength(0);
  });

  it('records but sends nothing when no SMTP server is configured, and lists it', async () => {
    await open(false);
    await prefer(ngo, 'rep-1');
    await rosaIssue();
    await foreign('issue-1', 'IssueWithdrawn', { issueId: 'issue-1', reason: 'done' }, ngo);
    await pass();
    expect(rows().map((r) => [r.topic, r.status])).toEqual([['ISSUE_STATUS_CHANGED', 'PENDING']]);
    expect(h.engine.readModel.forPerson('org-rosa', 'ngo-1', 10)).toHaveLength(1);
    expect(smtp.mails).toHaveLength(0);
  });

  it('sends nothing to an erased person: their pending notifications are withheld and no address is kept', async () => {
    await open();
    await prefer(ngo, 'rep-1');
    await rosaIssue();
    await foreign('issue-1', 'IssueWithdrawn', { issueId: 'issue-1', reason: 'done' }, ngo);
    addresses.erased.add('rep-1');
    await pass();
    expect(rows().map((r) => [r.status, r.problem])).toEqual([['WITHHELD', 'RECIPIENT_ERASED']]);
    expect(smtp.mails).toHaveLength(0);
    const dump = JSON.stringify(h.readModels.db.prepare(`SELECT * FROM nf_notifications`).all()) + JSON.stringify(await h.store.readAll(), (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v));
    expect(dump).not.toContain('kari@rosa.example');
  });

  it('groups a daily digest by the Oslo calendar day, across midnight', async () => {
    await open();
    await prefer(ngo2, 'rep-2', 'DAILY_DIGEST', 'en');
    await rosaIssue();
    clock.set('2026-06-10T21:30:00Z'); // 23:30 in Oslo (summer time)
    await foreign('issue-1', 'IssuePlacedOnAgenda', { issueId: 'issue-1', meetingId: 'm-1', agendaItemId: 'a-1', body: 'REFERENCE_GROUP' });
    clock.set('2026-06-10T22:30:00Z'); // 00:30 on the 11th in Oslo, the same UTC day
    await foreign('issue-1', 'IssueRemovedFromAgenda', { issueId: 'issue-1', meetingId: 'm-1', agendaItemId: 'a-1' });
    await foreign('issue-1', 'IssuePlacedOnAgenda', { issueId: 'issue-1', meetingId: 'm-2', agendaItemId: 'a-2', body: 'REFERENCE_GROUP' });
    await pass(); // the 10th is over in Oslo: its digest goes; the 11th's waits
    expect(smtp.mails).toHaveLength(1);
    expect(smtp.mails[0]!.subject).toBe("KOM: The day's notifications from KOM");
    expect(smtp.mails[0]!.text!.match(/^- /gm)).toHaveLength(1);
    clock.set('2026-06-11T22:05:00Z'); // 00:05 on the 12th in Oslo
    await pass();
    await pass();
    expect(smtp.mails).toHaveLength(2);
    expect(smtp.mails[1]!.text!.match(/^- /gm)).toHaveLength(2);
    expect(rows().filter((r) => r.topic !== 'DIGEST').every((r) => r.status === 'DELIVERED')).toBe(true);
  });

  it('reminds of an action item due soon and overdue, catching up after downtime without sending twice', async () => {
    await open();
    await prefer(ngo, 'rep-1');
    await foreign('meeting-1', 'ActionItemAssigned', { meetingId: 'm-1', actionItemId: 'ai-1', decisionId: null, agendaItemId: null, description: 'x', responsibleOrganizationId: 'org-rosa', dueDate: '2026-06-20' });
    await pass();
    expect(rows().map((r) => r.topic)).toEqual(['ACTION_ITEM_ASSIGNED']);
    clock.set('2026-06-17T08:00:00Z'); // 3 days ahead: due soon
    await pass();
    await pass();
    clock.set('2026-06-25T08:00:00Z'); // down for a week; back after the due date
    await pass();
    await pass();
    expect(rows().map((r) => r.topic)).toEqual(['ACTION_ITEM_ASSIGNED', 'ACTION_ITEM_DUE_SOON', 'ACTION_ITEM_OVERDUE']);
    expect(smtp.mails.map((m) => m.subject)).toEqual(['KOM: Nytt oppfølgingspunkt til organisasjonen din', 'KOM: Oppfølgingspunkt med frist snart', 'KOM: Oppfølgingspunkt over fristen']);
  });

  it('signs webhooks per Standard Webhooks, retries with backoff, rotates secrets, carries ids only', async () => {
    clock = new ManualClock(new Date()); // the reference verifier checks the timestamp against the wall clock
    await open();
    const secret = newWebhookSecret();
    hooks.setSecrets([secret]);
    await h.endpoint({ type: 'RegisterWebhookEndpoint', endpointId: 'ep-1', url: hooks.url, topics: ['ISSUE_STATUS_CHANGED'], sealedSecret: await h.secrets.seal('ep-1', secret) }, metaOf(ngo));
    await rosaIssue();
    await foreign('issue-1', 'IssueWithdrawn', { issueId: 'issue-1', reason: 'done' }, ngo);
    hooks.failNext(1);
    await pass();
    expect(rows()[0]).toMatchObject({ status: 'PENDING', endpointId: 'ep-1' });
    await pass(); // not yet: the retry waits for its backoff
    expect(hooks.received).toHaveLength(0);
    clock.advance(1000);
    await pass();
    expect(hooks.received).toHaveLength(1);
    expect(hooks.received[0]).toMatchObject({ id: rows()[0]!.id, verified: true });
    expect(hooks.received[0]!.body).toMatchObject({ type: 'kom.issue_status_changed', data: { subject: { type: 'ISSUE', id: 'issue-1' }, organizationId: 'org-rosa' } });

    // Rotation: both secrets sign during the grace period; a receiver that knows only the new one accepts.
    const next = newWebhookSecret();
    await h.endpoint({ type: 'RotateWebhookSecret', endpointId: 'ep-1', sealedSecret: await h.secrets.seal('ep-1', next), graceHours: 24 }, metaOf(ngo));
    await foreign('issue-1', 'IssueClosed', { issueId: 'issue-1', reason: 'r', meetingId: null, agendaItemId: null });
    hooks.setSecrets([secret]);
    await pass();
    hooks.setSecrets([next]);
    await foreign('issue-1', 'IssueClosed', { issueId: 'issue-1', reason: 'again', meetingId: null, agendaItemId: null });
    await pass();
    expect(hooks.received.map((r) => r.verified)).toEqual([true, true, true]);
  });

  it('disables an endpoint after repeated failures and tells its organisation', async () => {
    clock = new ManualClock(new Date());
    await open();
    await prefer(ngo, 'rep-1');
    const secret = newWebhookSecret();
    hooks.setSecrets([secret]);
    await h.endpoint({ type: 'RegisterWebhookEndpoint', endpointId: 'ep-2', url: hooks.url, topics: ['ISSUE_STATUS_CHANGED'], sealedSecret: await h.secrets.seal('ep-2', secret) }, metaOf(ngo));
    await rosaIssue();
    await foreign('issue-1', 'IssueWithdrawn', { issueId: 'issue-1', reason: 'done' }, ngo);
    hooks.failNext(100);
    for (let i = 0; i < 3; i++) {
      await pass();
      clock.advance(10 * 60_000);
    }
    await pass();
    expect(h.engine.readModel.endpoint('ep-2')?.status).toBe('DISABLED');
    const hook = rows().find((r) => r.endpointId === 'ep-2')!;
    expect(hook.status).toBe('ABANDONED');
    expect(rows().filter((r) => r.topic === 'WEBHOOK_DISABLED').map((r) => [r.userId, r.status])).toEqual([['ngo-1', 'DELIVERED']]);
  });
});
