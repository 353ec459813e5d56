import type { Projection } from '../projection';
import { ev, projectionSpec, recordEvents } from './index';

/** Counts what it applied, per stream, and keeps the highest revision seen. */
const counting: Projection = {
  name: 'counting',
  version: 1,
  handles: ['Counted'],
  tables: ['counted'],
  setup(db) {
    db.exec('CREATE TABLE IF NOT EXISTS counted (stream_id TEXT PRIMARY KEY, applied INTEGER NOT NULL, revision INTEGER NOT NULL)');
  },
  apply(db, event) {
    db.prepare(
      `INSERT INTO counted (stream_id, applied, revision) VALUES (?, 1, ?)
       ON CONFLICT (stream_id) DO UPDATE SET applied = applied + 1, revision = max(revision, excluded.revision)`,
    ).run(event.streamId, event.revision);
  },
};

describe('projectionSpec', () => {
  it('numbers positions globally and revisions per stream, across calls to given, with the metadata asked for', () => {
    const actor = { userId: 'u1' };
    const spec = projectionSpec([counting]);
    spec.given([ev('s-a', 'Counted', { n: 1 }), ev('s-b', { type: 'Counted', data: { n: 2 } }, { at: '2027-01-01T00:00:00.000Z', actor })]);
    spec.given([ev('s-a', 'Counted', { n: 3 }, { metadata: { correlationId: 'c1' } })]);
    expect(spec.recorded.map((e) => [e.id, e.streamId, e.revision, e.position])).toEqual([
      ['e-1', 's-a', 0n, 1n],
      ['e-2', 's-b', 0n, 2n],
      ['e-3', 's-a', 1n, 3n],
    ]);
    expect(spec.recorded.map((e) => [e.metadata, e.recordedAt])).toEqual([
      [{ occurredAt: '2026-03-02T09:00:00.000Z' }, '2026-03-02T09:00:00.000Z'],
      [{ occurredAt: '2027-01-01T00:00:00.000Z', actor }, '2027-01-01T00:00:00.000Z'],
      [{ occurredAt: '2026-03-02T09:00:00.000Z', correlationId: 'c1' }, '2026-03-02T09:00:00.000Z'],
    ]);
    spec.close();
  });

  it('applies to the projections that handle the type, and replays the same events again', () => {
    const spec = projectionSpec([counting]);
    spec
      .given([ev('s-a', 'Counted', {}), ev('s-a', 'Ignored', {}), ev('s-a', 'Counted', {})])
      .then((db) => expect(db.prepare('SELECT * FROM counted').all()).toEqual([{ stream_id: 's-a', applied: 2, revision: 2 }]))
      .replayed()
      .then((db) => expect(db.prepare('SELECT * FROM counted').all()).toEqual([{ stream_id: 's-a', applied: 4, revision: 2 }]));
    expect(spec.recorded).toHaveLength(3);
    spec.close();
  });

  it('takes the time and actor of an event given without them from the log’s defaults', () => {
    const at = (index: number) => new Date(Date.UTC(2027, 0, 1, 0, index)).toISOString();
    const actor = { userId: 'u-default' };
    const other = { userId: 'u-other' };
    const events = recordEvents([ev('s', 'A', {}), ev('s', 'B', {}, { at: 'then', actor: other }), ev('s', 'C', {})], { at, actor });
    expect(events.map((e) => [e.recordedAt, e.metadata.actor])).toEqual([
      ['2027-01-01T00:00:00.000Z', actor],
      ['then', other],
      ['2027-01-01T00:02:00.000Z', actor],
    ]);
  });
});
