import { ConcurrencyConflict, Forbidden, InvalidInput, InvalidState, NotFound, SYSTEM_ACTOR, type Decider } from '@kom/kernel';
import { SqliteEventStore, WrongExpectedRevisionError, type EventStore } from '@kom/event-store';
import { z } from 'zod';
import { defineEvent } from '@kom/kernel';
import { ManualClock } from '../clock';
import { EventSchemaRegistry } from './event-schema-registry';
import { executeCommand, type CommandMeta } from './execute-command';

// A counter that refuses to pass a limit: small enough to see every branch of the command path.
type Event = { type: 'Incremented'; data: { by: number } };
type Command = { type: 'Increment'; by: number };
const LIMIT = 10;
const counter: Decider<Command, Event, number> = {
  initialState: 0,
  evolve: (state, event) => state + event.data.by,
  decide: (command, state) => {
    if (command.by === 0) return [];
    if (state + command.by > LIMIT) throw new InvalidState('LIMIT_REACHED');
    return [{ type: 'Incremented', data: { by: command.by } }];
  },
};
const schemas = new EventSchemaRegistry([defineEvent('Incremented', 3, z.object({ by: z.number().int().positive() }))]);
const meta: CommandMeta = { actor: SYSTEM_ACTOR, correlationId: 'corr-1' };
const clock = new ManualClock('2026-05-01T10:00:00Z');

describe('executeCommand', () => {
  let store: EventStore;
  beforeEach(async () => (store = await SqliteEventStore.open(':memory:')));
  afterEach(() => store.close());
  const deps = () => ({ store, clock, schemas });

  it('appends the decided events with the envelope the platform promises', async () => {
    const outcome = await executeCommand(deps(), counter, 'counter-1', { type: 'Increment', by: 2 }, meta);
    expect(outcome).toMatchObject({ state: 2, revision: 0n, events: [{ type: 'Incremented', data: { by: 2 } }] });
    const [recorded] = await store.readStream('counter-1');
    expect(recorded.position).toBe(outcome.position);
    expect(recorded.metadata).toEqual({
      actor: SYSTEM_ACTOR,
      correlationId: 'corr-1',
      causationId: 'corr-1',
      command: 'Increment',
      occurredAt: '2026-05-01T10:00:00.000Z',
      schemaVersion: 3,
      // The store's hash chain (the first event of a stream chains to the genesis value).
      prevHash: '0'.repeat(64),
      hash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
  });

  it('appends nothing when the decider decides nothing', async () => {
    const outcome = await executeCommand(deps(), counter, 'counter-2', { type: 'Increment', by: 0 }, meta);
    expect(outcome.position).toBeUndefined();
    expect(await store.streamRevision('counter-2')).toBeUndefined();
  });

  it('refuses data that breaks the published schema, storing nothing', async () => {
    const negative: Decider<Command, Event, number> = { ...counter, decide: () => [{ type: 'Incremented', data: { by: -1 } }] };
    await expect(executeCommand(deps(), negative, 'counter-3', { type: 'Increment', by: 1 }, meta)).rejects.toThrow(InvalidInput);
    expect(await store.streamRevision('counter-3')).toBeUndefined();
  });

  it('decides again on the fresh state after losing a race, so invariants hold under concurrency', async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 8 }, () => executeCommand(deps(), counter, 'counter-4', { type: 'Increment', by: 3 }, meta)),
    );
    const reasons = results.filter((r) => r.status === 'rejected').map((r) => (r as PromiseRejectedResult).reason);
    const events = await store.readStream('counter-4');
    // 3 + 3 + 3 = 9 <= 10: exactly three increments may ever land, whatever the interleaving.
    expect(events).toHaveLength(3);
    expect(reasons.every((r) => r instanceof InvalidState || r instanceof ConcurrencyConflict)).toBe(true);
    expect(reasons.some((r) => r instanceof InvalidState)).toBe(true);
  });

  it('gives up with a CONFLICT after the bounded number of attempts', async () => {
    let appends = 0;
    const racing: EventStore = Object.create(store, {
      appendToStream: {
        value: async () => {
          appends++;
          throw new WrongExpectedRevisionError('counter-5', 'no_stream', 0n);
        },
      },
    });
    const error = await executeCommand({ ...deps(), store: racing, maxAttempts: 3 }, counter, 'counter-5', { type: 'Increment', by: 1 }, meta).catch((e) => e);
    expect(error).toBeInstanceOf(ConcurrencyConflict);
    expect(error.code).toBe('CONFLICT');
    expect(appends).toBe(3);
  });

  it("holds the client's expected revision: a stale one is a CONFLICT, never retried", async () => {
    await executeCommand(deps(), counter, 'counter-6', { type: 'Increment', by: 1 }, meta);
    await executeCommand(deps(), counter, 'counter-6', { type: 'Increment', by: 1 }, meta);
    const error = await executeCommand(deps(), counter, 'counter-6', { type: 'Increment', by: 1 }, { ...meta, expectedRevision: 0n }).catch((e) => e);
    expect(error).toBeInstanceOf(ConcurrencyConflict);
    expect(error).toMatchObject({ expectedRevision: 0n, actualRevision: 1n });
    expect(await store.streamRevision('counter-6')).toBe(1n);
    await expect(
      executeCommand(deps(), counter, 'counter-6', { type: 'Increment', by: 1 }, { ...meta, expectedRevision: 1n }),
    ).resolves.toMatchObject({ revision: 2n });
  });

  it('tells a caller who may not act the refusal, not the revision, when its expected revision is stale', async () => {
    const guarded: Decider<Command, Event, number> = {
      ...counter,
      decide: (command, state, context) => {
        if (state === 0) throw new NotFound('counter', 'counter-8');
        if (context.actor.organizationId !== 'org-owner') throw new Forbidden('NOT_THE_OWNER');
        return counter.decide(command, state, context);
      },
    };
    const owner: CommandMeta = { ...meta, actor: { ...meta.actor, organizationId: 'org-owner' } };
    const stranger: CommandMeta = { ...meta, actor: { ...meta.actor, organizationId: 'org-stranger' } };
    const increment = { type: 'Increment', by: 1 } as const;
    await expect(executeCommand(deps(), guarded, 'counter-8', increment, { ...stranger, expectedRevision: 4n })).rejects.toThrow(NotFound);
    await executeCommand(deps(), counter, 'counter-8', increment, meta);
    await expect(executeCommand(deps(), guarded, 'counter-8', increment, { ...stranger, expectedRevision: 4n })).rejects.toThrow(Forbidden);
    await expect(executeCommand(deps(), guarded, 'counter-8', increment, { ...owner, expectedRevision: 4n })).rejects.toThrow(ConcurrencyConflict);
  });

  it('lets a reactor re-run a command without appending twice (derived event ids)', async () => {
    const reactor: CommandMeta = { ...meta, causationId: 'event-42', deriveEventIds: true };
    const first = await executeCommand(deps(), counter, 'counter-7', { type: 'Increment', by: 1 }, reactor);
    // A crash after the append but before the reactor's checkpoint: the same event is handled
    // again. The command is decided again on the new state, but its event ids are the same, and
    // the store recognises them.
    const again = await executeCommand(deps(), counter, 'counter-7', { type: 'Increment', by: 1 }, reactor);
    expect(again.position).toBe(first.position);
    expect(again).toMatchObject({ revision: 0n, state: 1 });
    expect(await store.readStream('counter-7')).toHaveLength(1);
  });
});
