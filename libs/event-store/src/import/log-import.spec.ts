import { randomUUID } from 'node:crypto';
import type { RecordedEvent } from '../event-store.port';
import { GENESIS_HASH, prepareChainable } from '../hash-chain';
import { ImportRefused, planImport, type ImportView } from './log-import';

/** Events as a store records them: chained, revisions from 0, positions from 1. */
function recorded(streamId: string, count: number, from = { revision: 0n, hash: GENESIS_HASH }): RecordedEvent[] {
  let hash = from.hash;
  return Array.from({ length: count }, (_, i) => {
    const revision = from.revision + BigInt(i);
    const data = { n: i, text: 'æøå' };
    const metadata = prepareChainable(streamId, 'Happened', data, { occurredAt: '2026-03-02T08:00:00.000Z' }).chain(revision, hash);
    hash = metadata.hash;
    return { id: randomUUID(), type: 'Happened', streamId, revision, position: BigInt(i + 1), data, metadata, recordedAt: '2026-03-02T08:00:01.234Z' };
  });
}

const empty: ImportView = { streams: new Map(), knownIds: new Set() };

describe('planImport', () => {
  it('renders the rows as recorded: same ids, revisions, metadata with its chain, recorded times', () => {
    const events = recorded('meeting-1', 3);
    const plan = planImport(events, empty);
    expect(plan.rows.map((r) => [r.eventId, r.revision, JSON.parse(r.metadata), r.recordedAt])).toEqual(
      events.map((e) => [e.id, e.revision, e.metadata, e.recordedAt]),
    );
    expect(plan.streams).toEqual(new Map([['meeting-1', 2n]]));
  });

  it('continues a stream the target holds, chaining to its last hash', () => {
    const all = recorded('meeting-1', 4);
    const held = all[1]!;
    const plan = planImport(all.slice(2), { streams: new Map([['meeting-1', { revision: 1n, hash: held.metadata.hash as string }]]), knownIds: new Set() });
    expect(plan.rows.map((r) => r.revision)).toEqual([2n, 3n]);
  });

  it.each([
    ['a revision gap', (events: RecordedEvent[]) => [events[0]!, events[2]!], /revision 2, the stream here expects 1/],
    ['an altered payload', (events: RecordedEvent[]) => [{ ...events[0]!, data: { n: 99 } }], /hash chain does not continue/],
    ['a forged hash', (events: RecordedEvent[]) => [{ ...events[0]!, metadata: { ...events[0]!.metadata, hash: 'f'.repeat(64) } }], /hash chain does not continue/],
    ['an id twice', (events: RecordedEvent[]) => [events[0]!, { ...events[1]!, id: events[0]!.id }], /already recorded/],
    ['a time that is none', (events: RecordedEvent[]) => [{ ...events[0]!, recordedAt: 'yesterday' }], /is not a time/],
  ])('refuses %s', (_, edit, reason) => {
    expect(() => planImport(edit(recorded('meeting-1', 3)), empty)).toThrow(ImportRefused);
    expect(() => planImport(edit(recorded('meeting-1', 3)), empty)).toThrow(reason);
  });

  it('refuses an id the target holds, and a stream the target holds further', () => {
    const events = recorded('meeting-1', 2);
    expect(() => planImport(events, { streams: new Map(), knownIds: new Set([events[1]!.id]) })).toThrow(/already recorded/);
    expect(() => planImport(events, { streams: new Map([['meeting-1', { revision: 0n, hash: GENESIS_HASH }]]), knownIds: new Set() })).toThrow(
      /revision 0, the stream here expects 1/,
    );
  });
});
