import { InvalidState, SYSTEM_ACTOR, defineEvent, type Actor, type Decider } from '@kom/kernel';
import { SqliteEventStore, type EventStore, type RecordedEvent } from '@kom/event-store';
import { ReadModelDatabase } from '@kom/projections';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { ManualClock } from '../clock';
import { EventSchemaRegistry } from '../command/event-schema-registry';
import { executeCommand, type CommandMeta } from '../command/execute-command';
import type { Reactor } from './reactor';
import { ReactorRunner } from './reactor-runner';

// Orders and shipments: an order placed makes a reactor ship it. The shipment decider is NOT
// idempotent on purpose (it ships again whenever told), so only the derived event ids keep a
// re-run from appending twice.
type ShipmentEvent = { type: 'Shipped'; data: { orderId: string } };
type ShipmentCommand = { type: 'Ship'; orderId: string };
const shipments: Decider<ShipmentCommand, ShipmentEvent, number> = {
  initialState: 0,
  evolve: (n) => n + 1,
  decide: (command) => {
    if (command.orderId.startsWith('refused')) throw new InvalidState('CANNOT_SHIP');
    return [{ type: 'Shipped', data: { orderId: command.orderId } }];
  },
};
const schemas = new EventSchemaRegistry([
  defineEvent('OrderPlaced', 1, z.object({ orderId: z.string() })),
  defineEvent('Shipped', 1, z.object({ orderId: z.string() })),
]);
const clock = new ManualClock('2026-05-01T10:00:00Z');
const secretary: Actor = { userId: 'sara', organizationId: 'org-pod', role: 'SECRETARIAT' };

class ShipCommand {
  constructor(
    readonly orderId: string,
    readonly meta: CommandMeta,
  ) {}
}

describe('ReactorRunner', () => {
  let store: EventStore;
  let readModels: ReadModelDatabase;
  let reacted: string[];
  let runners: ReactorRunner[];
  const reactor: Reactor = {
    name: 'shipping',
    handles: ['OrderPlaced'],
    react(event: RecordedEvent) {
      const { orderId } = event.data as { orderId: string };
      reacted.push(orderId);
      return [(meta) => new ShipCommand(orderId, meta)];
    },
  };
  const dispatch = (command: object) => {
    const { orderId, meta } = command as ShipCommand;
    return executeCommand({ store, clock, schemas }, shipments, `shipment-${orderId}`, { type: 'Ship', orderId }, meta);
  };
  const runner = () => {
    const r = new ReactorRunner(store, readModels.db, reactor, { dispatch, retryDelayMs: 1 });
    runners.push(r);
    return r;
  };
  const place = async (orderId: string) => {
    const result = await store.appendToStream(`order-${orderId}`, [
      { id: randomUUID(), type: 'OrderPlaced', data: { orderId }, metadata: { actor: secretary, correlationId: `corr-${orderId}` } },
    ]);
    return result.position;
  };
  const shippedCount = async () => (await store.readAll()).filter((e) => e.type === 'Shipped').length;

  beforeEach(async () => {
    store = await SqliteEventStore.open(':memory:');
    readModels = ReadModelDatabase.open(':memory:');
    reacted = [];
    runners = [];
  });
  afterEach(async () => {
    for (const r of runners) await r.stop();
    await store.close();
    readModels.close();
  });

  it('sends the commands of each handled event, with ids derived from it and its actor and correlation', async () => {
    const r = runner();
    await r.start();
    const position = await place('1');
    await r.waitFor(position);
    const [shipped] = await store.readStream('shipment-1');
    const [placed] = await store.readStream('order-1');
    expect(shipped.type).toBe('Shipped');
    expect(shipped.metadata).toMatchObject({ actor: secretary, correlationId: 'corr-1', causationId: placed.id });
    expect(shipped.id).not.toBe(placed.id);
  });

  it('appends nothing twice when it runs again over the same events (checkpoint lost)', async () => {
    await place('1');
    const position = await place('2');
    const first = runner();
    await first.start();
    await first.waitFor(position);
    await first.stop();
    expect(await shippedCount()).toBe(2);

    readModels.db.exec('DELETE FROM reactor_checkpoints'); // as if the read-model database were lost
    const again = runner();
    await again.start();
    await again.waitFor(await store.headPosition());
    expect(reacted).toEqual(['1', '2', '1', '2']); // it did react again ...
    expect(await shippedCount()).toBe(2); // ... and the store kept one shipment per order
    expect((await store.readStream('shipment-1')).length).toBe(1);
  });

  it('resumes from its checkpoint after a restart', async () => {
    const first = runner();
    await first.start();
    await first.waitFor(await place('1'));
    await first.stop();

    await place('2');
    const second = runner();
    await second.start();
    await second.waitFor(await store.headPosition());
    expect(reacted).toEqual(['1', '2']);
    expect(await shippedCount()).toBe(2);
  });

  it('runs again from the start of the log when its checkpoint is beyond the head of the log it finds (an older log restored)', async () => {
    const first = runner();
    await first.start();
    await place('1');
    await first.waitFor(await place('2'));
    await first.stop();
    expect(first.checkpoint()).toBeGreaterThan(1n);

    await store.close();
    store = SqliteEventStore.open(':memory:'); // the restored log: one order, placed after the backup
    const position = await place('9');
    const again = runner();
    await again.start();
    await again.waitFor(await store.headPosition());
    expect(reacted).toEqual(['1', '2', '9']);
    expect(await shippedCount()).toBe(1);
    // Stored on the event it handled last, as the restored log has it.
    const [order] = await store.readStream('order-9');
    expect(readModels.db.prepare('SELECT position, event_id, stream_id, revision FROM reactor_checkpoints').get()).toEqual({
      position: String(position),
      event_id: order!.id,
      stream_id: 'order-9',
      revision: '0',
    });
  });

  it('moves on past a refused command (the refusal is the answer for that event)', async () => {
    const r = runner();
    await r.start();
    await place('refused-1');
    const position = await place('3');
    await r.waitFor(position);
    expect(await shippedCount()).toBe(1);
    expect(r.status().state).toBe('running');
  });

  it('stops, rather than skip, when a command fails for another reason', async () => {
    const failing = new ReactorRunner(store, readModels.db, reactor, {
      dispatch: () => Promise.reject(new Error('disk full')),
      retryDelayMs: 1,
      maxAttempts: 2,
    });
    runners.push(failing);
    await failing.start();
    const position = await place('4');
    await expect(failing.waitFor(position)).rejects.toThrow(/failed/);
    expect(failing.status()).toMatchObject({ state: 'failed', position: 0n });
  });

  it('falls back to SYSTEM when the triggering event names no valid actor', async () => {
    const r = runner();
    await r.start();
    const result = await store.appendToStream('order-9', [
      { id: '00000000-0000-4000-8000-000000000009', type: 'OrderPlaced', data: { orderId: '9' }, metadata: {} },
    ]);
    await r.waitFor(result.position);
    const [shipped] = await store.readStream('shipment-9');
    expect(shipped.metadata).toMatchObject({ actor: SYSTEM_ACTOR });
  });
});
