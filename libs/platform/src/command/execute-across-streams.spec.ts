import { ConcurrencyConflict, InvalidState, SYSTEM_ACTOR, defineEvent, type Decider } from '@kom/kernel';
import { SqliteEventStore, type EventStore } from '@kom/event-store';
import { z } from 'zod';
import { ManualClock } from '../clock';
import { EventSchemaRegistry } from './event-schema-registry';
import { executeAcrossStreams } from './execute-across-streams';
import { executeCommand, type CommandMeta } from './execute-command';

// Two accounts and a transfer between them: the debit and the credit happen together or not at all.
type Event = { type: 'Moved'; data: { by: number } };
type Command = { type: 'Move'; by: number };
const account: Decider<Command, Event, number> = {
  initialState: 0,
  evolve: (state, event) => state + event.data.by,
  decide: (command, state) => {
    if (state + command.by < 0) throw new InvalidState('INSUFFICIENT_FUNDS');
    return [{ type: 'Moved', data: { by: command.by } }];
  },
};
const schemas = new EventSchemaRegistry([defineEvent('Moved', 1, z.object({ by: z.number().int() }))]);
const meta: CommandMeta = { actor: SYSTEM_ACTOR, correlationId: 'corr-1' };
const clock = new ManualClock('2026-05-01T10:00:00Z');
const streams = { from: { streamId: 'account-a', decider: account }, to: { streamId: 'account-b', decider: account } };
const transfer = (amount: number) => (states: { from: number; to: number }) => ({
  from: { command: 'Transfer', events: account.decide({ type: 'Move', by: -amount }, states.from, { now: clock.now(), actor: SYSTEM_ACTOR }) },
  to: { command: 'Transfer', events: account.decide({ type: 'Move', by: amount }, states.to, { now: clock.now(), actor: SYSTEM_ACTOR }) },
});

describe('executeAcrossStreams', () => {
  let store: EventStore;
  beforeEach(async () => {
    store = SqliteEventStore.open(':memory:');
    await executeCommand({ store, clock, schemas }, account, 'account-a', { type: 'Move', by: 10 }, meta);
  });
  afterEach(() => store.close());
  const deps = (maxAttempts?: number) => ({ store, clock, schemas, ...(maxAttempts ? { maxAttempts } : {}) });
  const balance = async (streamId: string) => (await store.readStream(streamId).catch(() => [])).reduce((sum, e) => sum + (e.data as { by: number }).by, 0);

  it('appends both streams, each at the revision it was decided on, with distinct derived ids', async () => {
    const outcome = await executeAcrossStreams(deps(), streams, transfer(4), { ...meta, deriveEventIds: true, causationId: 'evt-1' });
    expect(outcome.revisions).toEqual({ from: 1n, to: 0n });
    expect([await balance('account-a'), await balance('account-b')]).toEqual([6, 4]);
    const [debit] = await store.readStream('account-a', { fromRevision: 1n });
    const [credit] = await store.readStream('account-b');
    expect(debit!.id).not.toBe(credit!.id);
    expect(credit!.metadata).toMatchObject({ command: 'Transfer', causationId: 'evt-1' });
    expect(outcome.position).toBe(credit!.position);
  });

  it('appends nothing to either stream when one refuses', async () => {
    await expect(executeAcrossStreams(deps(), streams, transfer(11), meta)).rejects.toMatchObject({ reason: 'INSUFFICIENT_FUNDS' });
    expect([await balance('account-a'), await balance('account-b')]).toEqual([10, 0]);
  });

  it('decides again on fresh states when a concurrent writer wins, so the rule holds for the sum', async () => {
    const results = await Promise.allSettled(Array.from({ length: 8 }, () => executeAcrossStreams(deps(20), streams, transfer(3), meta)));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(3);
    for (const r of results) if (r.status === 'rejected') expect(r.reason).toMatchObject({ reason: 'INSUFFICIENT_FUNDS' });
    expect([await balance('account-a'), await balance('account-b')]).toEqual([1, 9]);
  });

  it('holds one stream to the revision the client saw: another is a CONFLICT and nothing is appended', async () => {
    const stale = executeAcrossStreams(deps(), streams, transfer(1), { ...meta, expectedRevision: 5n }, { expectedRevisionOf: 'from' });
    await expect(stale).rejects.toMatchObject({ reason: 'CONCURRENT_MODIFICATION', streamId: 'account-a', expectedRevision: 5n, actualRevision: 0n });
    expect([await balance('account-a'), await balance('account-b')]).toEqual([10, 0]);
    await executeAcrossStreams(deps(), streams, transfer(1), { ...meta, expectedRevision: 0n }, { expectedRevisionOf: 'from' });
    expect([await balance('account-a'), await balance('account-b')]).toEqual([9, 1]);
  });

  it('answers CONFLICT when it keeps losing the race', async () => {
    const results = await Promise.allSettled(Array.from({ length: 5 }, () => executeAcrossStreams(deps(1), streams, transfer(1), meta)));
    const conflicts = results.filter((r) => r.status === 'rejected').map((r) => (r as PromiseRejectedResult).reason);
    expect(conflicts.length).toBeGreaterThan(0);
    for (const reason of conflicts) expect(reason).toBeInstanceOf(ConcurrencyConflict);
    expect(await balance('account-a') + (await balance('account-b'))).toBe(10);
  });
});
