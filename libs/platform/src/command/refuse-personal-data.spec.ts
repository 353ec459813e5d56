import { PersonalDataRefused, SYSTEM_ACTOR, defineEvent, type Decider } from '@kom/kernel';
import { between, grouped, inScript, numberOn } from '@kom/kernel/testing';
import { SqliteEventStore, type EventStore } from '@kom/event-store';
import { z } from 'zod';
import { ManualClock } from '../clock';
import { EventSchemaRegistry } from './event-schema-registry';
import { executeCommand, type CommandMeta } from './execute-command';

// A decider that stores what it is given, and joins parts that are harmless one by one.
type Command = { type: 'Note'; text: string; tags?: string[]; parts?: string[] };
type Event = { type: 'Noted'; data: { text: string } };
let decided = 0;
const notes: Decider<Command, Event, number> = {
  initialState: 0,
  evolve: (state) => state + 1,
  decide: (command) => {
    decided++;
    return [{ type: 'Noted', data: { text: [command.text, ...(command.parts ?? [])].join(' ') } }];
  },
};
const schemas = new EventSchemaRegistry([defineEvent('Noted', 1, z.object({ text: z.string() }))]);
const meta: CommandMeta = { actor: SYSTEM_ACTOR, correlationId: 'corr-1' };
const n = numberOn('D-number', 24, 12, 99);

describe('the command path refuses national identity numbers before anything is stored', () => {
  let store: EventStore;
  beforeEach(async () => {
    store = await SqliteEventStore.open(':memory:');
    decided = 0;
  });
  afterEach(() => store.close());
  const run = (command: Omit<Command, 'type'>, m: CommandMeta = meta) =>
    executeCommand({ store, clock: new ManualClock('2026-05-01T10:00:00Z'), schemas }, notes, 'note-1', { type: 'Note', ...command }, m).catch((e: unknown) => e);

  it('in any string of the command, named by its path, before the decider runs', async () => {
    const error = await run({ text: 'Møte 12.03.2026', tags: ['ok', inScript(grouped(n, [6, 5], ' '), 0x0660)] });
    expect(error).toBeInstanceOf(PersonalDataRefused);
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'PERSONAL_DATA_REFUSED', fields: ['input.tags[1]'] });
    expect(decided).toBe(0);
    expect(await store.streamRevision('note-1')).toBeUndefined();
  });

  it('in the metadata that goes into the signed envelope', async () => {
    expect(await run({ text: 'ok' }, { ...meta, correlationId: `req-${n}` })).toMatchObject({ fields: ['metadata.correlationId'] });
    expect(await run({ text: 'ok' }, { ...meta, causationId: between(n, '\u200b') })).toMatchObject({ fields: ['metadata.causationId'] });
    expect(await run({ text: 'ok' }, { ...meta, actor: { ...SYSTEM_ACTOR, userId: n } })).toMatchObject({ fields: ['metadata.actor.userId'] });
    expect(await store.streamRevision('note-1')).toBeUndefined();
  });

  it('in the events the decider made, even when no single input held the number', async () => {
    const error = await run({ text: 'Gjelder', parts: [n.slice(0, 6), n.slice(6)] });
    expect(error).toMatchObject({ reason: 'PERSONAL_DATA_REFUSED', fields: ['events[0].Noted.text'] });
    expect(await store.streamRevision('note-1')).toBeUndefined();
  });

  it('and lets ordinary commands through', async () => {
    const outcome = await run({ text: 'Frist 01.04.2026 kl. 12.00, tlf 22 24 90 90, saksnr. 24/12345-3', tags: ['2026'] });
    expect(outcome).toMatchObject({ revision: 0n });
  });
});
