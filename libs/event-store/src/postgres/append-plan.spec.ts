import { randomUUID } from 'node:crypto';
import { DuplicateEventIdError, WrongExpectedRevisionError } from '../errors';
import { GENESIS_HASH, checkChainLink } from '../hash-chain';
import { serializeEvents } from '../sqlite/codec';
import { planBatch, type AppendJob, type LogView } from './append-plan';

const job = (streamId: string, count: number, expected: AppendJob['expected'] = 'any', ids = Array.from({ length: count }, () => randomUUID())): AppendJob => ({
  streamId,
  expected,
  events: serializeEvents(streamId, ids.map((id) => ({ id, type: 'Happened', data: { id }, metadata: {} }))),
});
const emptyLog = (head = 0n): LogView => ({ head, streams: new Map(), events: new Map() });

describe('planBatch', () => {
  it('numbers accepted events on from the head without gaps, skipping refused appends', () => {
    const view = emptyLog(41n);
    view.streams.set('taken', { revision: 0n, position: 41n, hash: 'a'.repeat(64) });

    const plan = planBatch([[job('a', 2, 'no_stream')], [job('taken', 1, 'no_stream')], [job('b', 1, 'no_stream')]], view);

    expect(plan.rows.map((r) => [r.streamId, r.position, r.revision])).toEqual([
      ['a', 42n, 0n],
      ['a', 43n, 1n],
      ['b', 44n, 0n],
    ]);
    expect(plan.head).toBe(44n);
    expect(plan.outcomes[1]).toMatchObject({ ok: false, error: expect.any(WrongExpectedRevisionError) });
    expect([...plan.streams]).toEqual([['a', 1n], ['b', 0n]]);
  });

  it('chains to the stream’s last hash, and later appends of the batch to earlier ones', () => {
    const view = emptyLog(1n);
    view.streams.set('s', { revision: 0n, position: 1n, hash: 'c'.repeat(64) });

    const plan = planBatch([[job('s', 1, 0n)], [job('s', 1, 1n)]], view);

    const [first, second] = plan.rows.map((r) => ({ ...r, metadata: JSON.parse(r.metadata) as Record<string, unknown>, data: JSON.parse(r.data) as unknown }));
    expect(first!.metadata['prevHash']).toBe('c'.repeat(64));
    expect(checkChainLink(first!, { revision: 0n, hash: 'c'.repeat(64) }).ok).toBe(true);
    expect(checkChainLink(second!, { revision: 1n, hash: first!.metadata['hash'] as string }).ok).toBe(true);
  });

  it('answers a replay with the original result and refuses a partial one, writing nothing for either', () => {
    const ids = [randomUUID(), randomUUID()];
    const view = emptyLog();

    const plan = planBatch([[job('s', 2, 'no_stream', ids)], [job('s', 2, 'no_stream', ids)], [job('s', 2, 'any', [ids[1]!, randomUUID()])]], view);

    expect(plan.rows).toHaveLength(2);
    expect(plan.rows[0]!.metadata).toContain(GENESIS_HASH);
    expect(plan.outcomes[0]).toEqual({ ok: true, value: [{ nextExpectedRevision: 1n, position: 2n }] });
    expect(plan.outcomes[1]).toEqual({ ok: true, value: [{ nextExpectedRevision: 1n, position: 2n }] });
    expect(plan.outcomes[2]).toMatchObject({ ok: false, error: expect.any(DuplicateEventIdError) });
  });

  it('refuses an id repeated within one append', () => {
    const id = randomUUID();
    const plan = planBatch([[job('s', 2, 'any', [id, id])]], emptyLog());
    expect(plan.outcomes[0]).toMatchObject({ ok: false, error: { name: 'DuplicateEventIdError', eventId: id } });
    expect(plan.rows).toEqual([]);
  });

  it('writes the parts of one call whole or not at all: one part refused, nothing of the call is written', () => {
    const view = emptyLog(10n);
    view.streams.set('taken', { revision: 0n, position: 10n, hash: 'a'.repeat(64) });

    const plan = planBatch([[job('a', 1, 'no_stream'), job('taken', 1, 'no_stream')], [job('b', 1, 'no_stream'), job('c', 2, 'no_stream')]], view);

    expect(plan.outcomes[0]).toMatchObject({ ok: false, error: { name: 'WrongExpectedRevisionError', streamId: 'taken' } });
    expect(plan.rows.map((r) => [r.streamId, r.position])).toEqual([
      ['b', 11n],
      ['c', 12n],
      ['c', 13n],
    ]);
    expect(plan.outcomes[1]).toEqual({ ok: true, value: [{ nextExpectedRevision: 0n, position: 11n }, { nextExpectedRevision: 1n, position: 13n }] });
  });

  it('answers a whole retried call with its results, and refuses a call of which only a part is recorded', () => {
    const a = [randomUUID()];
    const b = [randomUUID(), randomUUID()];
    const view = emptyLog();
    const first = planBatch([[job('a', 1, 'no_stream', a), job('b', 2, 'no_stream', b)]], view);
    const retry = planBatch([[job('a', 1, 'no_stream', a), job('b', 2, 'no_stream', b)]], view);
    const partial = planBatch([[job('a', 1, 'no_stream', a), job('d', 1, 'no_stream')]], view);

    expect(retry.outcomes[0]).toEqual(first.outcomes[0]);
    expect(retry.rows).toEqual([]);
    expect(partial.outcomes[0]).toMatchObject({ ok: false, error: expect.any(DuplicateEventIdError) });
    expect(partial.rows).toEqual([]);
  });

  it('refuses an event id used by two parts of one call', () => {
    const id = randomUUID();
    const plan = planBatch([[job('a', 1, 'no_stream', [id]), job('b', 1, 'no_stream', [id])]], emptyLog());
    expect(plan.outcomes[0]).toMatchObject({ ok: false, error: expect.any(DuplicateEventIdError) });
    expect(plan.rows).toEqual([]);
  });
});
