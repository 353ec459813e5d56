import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { InvalidInput, InvalidState, canonicalJson, type Actor } from '@kom/kernel';
import { ManualClock } from '../clock';
import { sha256 } from './idempotency-key';
import { DEFAULT_IDEMPOTENCY_TIMINGS, IdempotentMutations } from './idempotent-mutations';
import { SqliteIdempotencyStore } from './sqlite-idempotency-store';
import { RecordedNotVisible } from '../command/recorded-not-visible';

const sara: Actor = { userId: 'pod-sara', organizationId: 'org-pod', role: 'SECRETARIAT' };
const kari: Actor = { userId: 'rosa-kari', organizationId: 'org-rosa', role: 'NGO_REPRESENTATIVE' };
const KEY = '0b6f3c5e-7a51-4c1e-9d3a-2f0d8a6b1c44';
const DAY = 24 * 60 * 60 * 1000;

describe('IdempotentMutations', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kom-idempotency-'));
  let clock: ManualClock;
  let stores: SqliteIdempotencyStore[];
  let file: string;
  let n = 0;

  const keep = (store: SqliteIdempotencyStore) => (stores.push(store), store);
  const open = (timings = DEFAULT_IDEMPOTENCY_TIMINGS) => {
    const store = SqliteIdempotencyStore.open(file);
    stores.push(store);
    return new IdempotentMutations(store, clock, timings);
  };

  /** A creating mutation: each execution makes a new id. */
  const creator = () => {
    const made: string[] = [];
    return { made, work: async () => { await new Promise((r) => setImmediate(r)); made.push(`id-${made.length + 1}`); return made[made.length - 1]!; } };
  };

  beforeEach(() => {
    clock = new ManualClock('2026-03-02T08:00:00Z');
    stores = [];
    file = join(dir, `keys-${++n}.sqlite`);
  });
  afterEach(async () => {
    for (const store of stores) await store.close();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('runs 20 identical concurrent calls once and gives all of them the first answer', async () => {
    const mutations = open();
    const { made, work } = creator();
    const input = { title: 'Shelters', idempotencyKey: KEY };

    const answers = await Promise.all(Array.from({ length: 20 }, () => mutations.run({ actor: sara, operation: 'submitIssue', key: KEY, input }, work)));

    expect(made).toEqual(['id-1']);
    expect(new Set(answers)).toEqual(new Set(['id-1']));
  });

  it('answers a later retry from the store, also in another process, and executes nothing', async () => {
    const { made, work } = creator();
    const input = { title: 'Shelters' };
    expect(await open().run({ actor: sara, operation: 'submitIssue', key: KEY, input }, work)).toBe('id-1');

    expect(await open().run({ actor: sara, operation: 'submitIssue', key: KEY, input: { ...input, idempotencyKey: KEY } }, work)).toBe('id-1');
    expect(made).toEqual(['id-1']);
  });

  it('makes a second process wait for the first one holding the key, then gives it the same answer', async () => {
    const first = open();
    const second = open({ ...DEFAULT_IDEMPOTENCY_TIMINGS, pollMs: 1 });
    let finish!: (id: string) => void;
    const slow = new Promise<string>((resolve) => (finish = resolve));
    const input = { title: 'Shelters' };
    const running = first.run({ actor: sara, operation: 'scheduleMeeting', key: KEY, input }, () => slow);
    await new Promise((r) => setTimeout(r, 20));

    let executedBySecond = false;
    const waiting = second.run({ actor: sara, operation: 'scheduleMeeting', key: KEY, input }, async () => {
      executedBySecond = true;
      return 'other';
    });
    finish('meeting-1');

    expect(await Promise.all([running, waiting])).toEqual(['meeting-1', 'meeting-1']);
    expect(executedBySecond).toBe(false);
  });

  it('refuses the same key with a different input, typed, without executing', async () => {
    const mutations = open();
    const { made, work } = creator();
    await mutations.run({ actor: sara, operation: 'submitIssue', key: KEY, input: { title: 'Shelters' } }, work);

    const other = mutations.run({ actor: sara, operation: 'submitIssue', key: KEY, input: { title: 'Something else' } }, work);

    await expect(other).rejects.toBeInstanceOf(InvalidInput);
    await expect(other).rejects.toMatchObject({ code: 'BAD_USER_INPUT', reason: 'IDEMPOTENCY_KEY_REUSED' });
    expect(made).toEqual(['id-1']);
  });

  it('takes a field sent as null for the same request as the field left out, in nested objects too', async () => {
    const mutations = open();
    const { made, work } = creator();
    const request = (input: Record<string, unknown>) => ({ actor: kari, operation: 'submitIssue', key: KEY, input });
    await mutations.run(request({ title: 'Shelters', actionItems: [{ description: 'Call', dueDate: '2027-01-01' }] }), work);

    expect(await mutations.run(request({ title: 'Shelters', tags: null, urgencyReason: null, actionItems: [{ description: 'Call', dueDate: '2027-01-01', note: null }] }), work)).toBe('id-1');
    expect(made).toEqual(['id-1']);
    // In a list a null is an element: [null] is not [].
    await expect(mutations.run(request({ title: 'Shelters', actionItems: [{ description: 'Call', dueDate: '2027-01-01' }, null] }), work)).rejects.toMatchObject({
      reason: 'IDEMPOTENCY_KEY_REUSED',
    });
  });

  it('still answers a retry of a claim stored before nulls were dropped (the older fingerprint, nulls kept)', async () => {
    // What the previous release stored: the hash of the input as JSON with its nulls, key left out.
    const olderFingerprint = (input: Record<string, unknown>) => createHash('sha256').update(canonicalJson(input), 'utf8').digest('hex');
    const input = { title: 'Shelters', tags: null };
    const store = SqliteIdempotencyStore.open(file);
    stores.push(store);
    const scope = { userId: kari.userId, organizationId: kari.organizationId, operation: 'submitIssue', keyHash: sha256(KEY) };
    const options = { now: clock.now(), expiredBefore: new Date(clock.now().getTime() - DAY), abandonedBefore: new Date(0) };
    const claim = await store.claim(scope, olderFingerprint(input), options);
    if (!claim.claimed) throw new Error('claimed before');
    await store.complete(scope, claim.claimId, JSON.stringify({ value: 'id-before-deploy' }));

    const { made, work } = creator();
    expect(await open().run({ actor: kari, operation: 'submitIssue', key: KEY, input: { ...input, idempotencyKey: KEY } }, work)).toBe('id-before-deploy');
    await expect(open().run({ actor: kari, operation: 'submitIssue', key: KEY, input: { title: 'Other' } }, work)).rejects.toMatchObject({ reason: 'IDEMPOTENCY_KEY_REUSED' });
    expect(made).toEqual([]);
  });

  it('refuses a different input also while the first call is still running', async () => {
    const mutations = open();
    let finish!: () => void;
    const running = mutations.run({ actor: sara, operation: 'submitIssue', key: KEY, input: { title: 'A' } }, () => new Promise<void>((r) => (finish = r)));
    await expect(mutations.run({ actor: sara, operation: 'submitIssue', key: KEY, input: { title: 'B' } }, async () => undefined)).rejects.toMatchObject({
      reason: 'IDEMPOTENCY_KEY_REUSED',
    });
    finish();
    await running;
  });

  it('does not remember a refusal: the key may be retried, and then remembers the success', async () => {
    const mutations = open();
    const refusal = new InvalidInput('PERSONAL_ID_NUMBER_NOT_ALLOWED');
    await expect(mutations.run({ actor: kari, operation: 'submitIssue', key: KEY, input: { title: 'x' } }, async () => Promise.reject(refusal))).rejects.toBe(refusal);

    const { made, work } = creator();
    expect(await mutations.run({ actor: kari, operation: 'submitIssue', key: KEY, input: { title: 'corrected' } }, work)).toBe('id-1');
    expect(await mutations.run({ actor: kari, operation: 'submitIssue', key: KEY, input: { title: 'corrected' } }, work)).toBe('id-1');
    expect(made).toEqual(['id-1']);
  });

  it('keeps the key of a write recorded but not yet shown: a retry, here or in another process, never writes again', async () => {
    const input = { title: 'Shelters' };
    const recordedLate = (write: { streamId: string; position: bigint }) => new RecordedNotVisible({ ...write, revision: 0n }, ['issues'], { cause: new Error('projection timed out') });
    // The outcome remembered before the write: a retry answers it, once the read models show it.
    const writes: string[] = [];
    const lagging = open();
    const first = recordedLate({ streamId: 'issue-id-1', position: 41n });
    await expect(
      lagging.run<string>({ actor: kari, operation: 'submitIssue', key: KEY, input }, async (remember) => {
        const id = remember('id-1');
        writes.push(id);
        throw first;
      }),
    ).rejects.toBe(first);
    const retry = async (remember: (id: string) => string) => (writes.push(remember('id-2')), 'id-2');
    expect(await lagging.run<string>({ actor: kari, operation: 'submitIssue', key: KEY, input }, retry)).toBe('id-1');
    expect(await open().run<string>({ actor: kari, operation: 'submitIssue', key: KEY, input }, retry)).toBe('id-1');
    expect(writes).toEqual(['id-1']);

    // Nothing remembered (a step whose outcome comes from the write): a retry is told it was recorded, where.
    const other = { ...input, title: 'Interpreters' };
    const KEY2 = '5f0c1d2e-3a4b-4c5d-8e6f-7a8b9c0d1e2f';
    await expect(mutationsRun(open(), KEY2, other, async () => Promise.reject(recordedLate({ streamId: 'meeting-m1', position: 57n })))).rejects.toBeInstanceOf(RecordedNotVisible);
    const again = await mutationsRun(open(), KEY2, other, async () => 'written twice').catch((error: unknown) => error);
    expect(again).toBeInstanceOf(RecordedNotVisible);
    expect((again as RecordedNotVisible).extensions()).toMatchObject({ code: 'RECORDED_NOT_VISIBLE', recorded: true, streamId: 'meeting-m1', position: '57', revision: '0' });

    // Any other failure still releases the key.
    const KEY3 = '6a1b2c3d-4e5f-4a6b-9c7d-8e9f0a1b2c3d';
    await expect(mutationsRun(open(), KEY3, other, async () => Promise.reject(new Error('store down')))).rejects.toThrow('store down');
    expect(await mutationsRun(open(), KEY3, other, async () => 'id-3')).toBe('id-3');
  });

  it("answers a replay only once this replica's read models show the log as it is now (another replica may have written it)", async () => {
    const input = { title: 'Shelters' };
    const { made, work } = creator();
    expect(await open().run({ actor: kari, operation: 'submitIssue', key: KEY, input }, work)).toBe('id-1');
    // A second replica, its read models behind: the replay waits for them, and says so when they do not come.
    const behind = new RecordedNotVisible({ streamId: '$all', position: 12n }, ['issues'], { cause: new Error('timed out') });
    let waits = 0;
    const lagging = new IdempotentMutations(keep(SqliteIdempotencyStore.open(file)), clock, DEFAULT_IDEMPOTENCY_TIMINGS, async () => {
      waits += 1;
      throw behind;
    });
    await expect(lagging.run({ actor: kari, operation: 'submitIssue', key: KEY, input }, work)).rejects.toBe(behind);
    const caughtUp = new IdempotentMutations(keep(SqliteIdempotencyStore.open(file)), clock, DEFAULT_IDEMPOTENCY_TIMINGS, async () => {
      waits += 1;
    });
    expect(await caughtUp.run({ actor: kari, operation: 'submitIssue', key: KEY, input }, work)).toBe('id-1');
    expect(waits).toBe(2);
    expect(made).toEqual(['id-1']);
  });

  const mutationsRun = (mutations: IdempotentMutations, key: string, input: object, work: () => Promise<string>) =>
    mutations.run<string>({ actor: kari, operation: 'planMeetingSeries', key, input }, work);

  it('forgets a key 24 hours after its first use, by the injected clock', async () => {
    const mutations = open();
    const { made, work } = creator();
    const request = { actor: sara, operation: 'registerOrganization', key: KEY, input: { name: 'ROSA' } };
    await mutations.run(request, work);

    clock.advance(DAY - 1);
    expect(await mutations.run(request, work)).toBe('id-1');
    clock.advance(1);
    expect(await mutations.run(request, work)).toBe('id-2');
    expect(await mutations.run(request, work)).toBe('id-2');
    expect(made).toEqual(['id-1', 'id-2']);
  });

  it('keeps keys apart per actor and per operation', async () => {
    const mutations = open();
    const { made, work } = creator();
    await mutations.run({ actor: sara, operation: 'scheduleMeeting', key: KEY, input: {} }, work);
    await mutations.run({ actor: kari, operation: 'scheduleMeeting', key: KEY, input: {} }, work);
    await mutations.run({ actor: { ...sara, organizationId: 'org-udi' }, operation: 'scheduleMeeting', key: KEY, input: {} }, work);
    await mutations.run({ actor: sara, operation: 'addAgendaItem', key: KEY, input: {} }, work);
    expect(made).toEqual(['id-1', 'id-2', 'id-3', 'id-4']);
  });

  it('takes over a claim whose process never finished it, once its lease is over', async () => {
    const { made, work } = creator();
    const abandoned = open({ ...DEFAULT_IDEMPOTENCY_TIMINGS, waitMs: 0 });
    void abandoned.run({ actor: sara, operation: 'scheduleMeeting', key: KEY, input: {} }, () => new Promise<string>(() => undefined));
    await new Promise((r) => setTimeout(r, 20));
    const later = open({ ...DEFAULT_IDEMPOTENCY_TIMINGS, waitMs: 0 });
    await expect(later.run({ actor: sara, operation: 'scheduleMeeting', key: KEY, input: {} }, work)).rejects.toBeInstanceOf(InvalidState);

    clock.advance(DEFAULT_IDEMPOTENCY_TIMINGS.leaseMs);
    expect(await later.run({ actor: sara, operation: 'scheduleMeeting', key: KEY, input: {} }, work)).toBe('id-1');
  });

  it('validates the key, and runs without a key as before', async () => {
    const mutations = open();
    const { made, work } = creator();
    for (const bad of ['short', 'with space in it', 'x'.repeat(129), 'ødelagt-nøkkel', '']) {
      await expect(mutations.run({ actor: sara, operation: 'submitIssue', key: bad, input: {} }, work)).rejects.toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'INVALID_IDEMPOTENCY_KEY',
      });
    }
    await mutations.run({ actor: sara, operation: 'submitIssue', key: null, input: {} }, work);
    await mutations.run({ actor: sara, operation: 'submitIssue', key: undefined, input: {} }, work);
    expect(made).toEqual(['id-1', 'id-2']);
  });

  it('stores a hash of the key and of the input, never the key or the input', async () => {
    await open().run({ actor: kari, operation: 'submitIssue', key: KEY, input: { title: 'Shelters in Tromsø' } }, async () => 'id-1');
    const raw = new Database(file, { readonly: true });
    const dump = JSON.stringify(raw.prepare('SELECT * FROM idempotency_keys').all());
    raw.close();
    expect(dump).not.toContain(KEY);
    expect(dump).not.toContain('Tromsø');
    expect(dump).toContain('rosa-kari');
  });
});
