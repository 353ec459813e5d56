import type { Database } from 'better-sqlite3';
import type { RecordedEvent } from '@kom/event-store';
import { preparedStatements, type Projection } from '../projection';

/**
 * The projections of the crash test. Deliberately NOT idempotent (counters and sums that an event
 * applied twice would inflate, an insert-only history that would violate its primary key), with
 * upserted rows on top, so that any lost or doubled event shows in a row-for-row comparison.
 */
export interface CrashEventData {
  readonly itemId: string;
  readonly amount: number;
  readonly note: string;
}

export const CRASH_EVENT_TYPES = ['ItemAdded', 'ItemRemoved', 'ItemRenamed', 'Noted'] as const;

const streamStatements = preparedStatements((db: Database) => ({
  stats: db.prepare(
    `INSERT INTO crash_stream_stats (stream_id, event_count, amount_sum, last_revision, last_type)
     VALUES (?, 1, ?, ?, ?)
     ON CONFLICT (stream_id) DO UPDATE SET event_count = event_count + 1, amount_sum = amount_sum + excluded.amount_sum,
       last_revision = excluded.last_revision, last_type = excluded.last_type`,
  ),
  byType: db.prepare(
    `INSERT INTO crash_stream_types (stream_id, type, count) VALUES (?, ?, 1)
     ON CONFLICT (stream_id, type) DO UPDATE SET count = count + 1`,
  ),
}));

/** Handles every type of the crash log: its checkpoint must always equal its event count. */
export const streamStatsProjection: Projection = {
  name: 'crash-stream-stats',
  version: 1,
  handles: CRASH_EVENT_TYPES,
  tables: ['crash_stream_stats', 'crash_stream_types'],
  setup(db) {
    db.exec(`CREATE TABLE IF NOT EXISTS crash_stream_stats (
      stream_id TEXT PRIMARY KEY, event_count INTEGER NOT NULL, amount_sum INTEGER NOT NULL,
      last_revision INTEGER NOT NULL, last_type TEXT NOT NULL)`);
    db.exec(`CREATE TABLE IF NOT EXISTS crash_stream_types (
      stream_id TEXT NOT NULL, type TEXT NOT NULL, count INTEGER NOT NULL, PRIMARY KEY (stream_id, type))`);
  },
  apply(db, event: RecordedEvent) {
    const s = streamStatements(db);
    const data = event.data as CrashEventData;
    s.stats.run(event.streamId, data.amount, event.revision, event.type);
    s.byType.run(event.streamId, event.type);
  },
};

const itemStatements = preparedStatements((db: Database) => ({
  total: db.prepare(
    `INSERT INTO crash_type_totals (type, count, amount_sum) VALUES (?, 1, ?)
     ON CONFLICT (type) DO UPDATE SET count = count + 1, amount_sum = amount_sum + excluded.amount_sum`,
  ),
  item: db.prepare(
    `INSERT INTO crash_items (item_id, stream_id, position, note, removed, version) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (item_id) DO UPDATE SET stream_id = excluded.stream_id, position = excluded.position,
       note = excluded.note, removed = excluded.removed, version = excluded.version`,
  ),
  history: db.prepare(`INSERT INTO crash_item_history (position, item_id, type) VALUES (?, ?, ?)`),
}));

/** Handles only the item events; the version is a parameter so the test can bump it mid-run. */
export function itemsProjection(version: number): Projection {
  return {
    name: 'crash-items',
    version,
    handles: ['ItemAdded', 'ItemRemoved'],
    tables: ['crash_type_totals', 'crash_items', 'crash_item_history'],
    setup(db) {
      db.exec(`CREATE TABLE IF NOT EXISTS crash_type_totals (type TEXT PRIMARY KEY, count INTEGER NOT NULL, amount_sum INTEGER NOT NULL)`);
      db.exec(`CREATE TABLE IF NOT EXISTS crash_items (
        item_id TEXT PRIMARY KEY, stream_id TEXT NOT NULL, position TEXT NOT NULL, note TEXT NOT NULL,
        removed INTEGER NOT NULL, version INTEGER NOT NULL)`);
      // Insert-only: applying an event twice fails on the primary key.
      db.exec(`CREATE TABLE IF NOT EXISTS crash_item_history (position TEXT PRIMARY KEY, item_id TEXT NOT NULL, type TEXT NOT NULL)`);
    },
    apply(db, event: RecordedEvent) {
      const s = itemStatements(db);
      const data = event.data as CrashEventData;
      const position = String(event.position);
      s.total.run(event.type, data.amount);
      s.item.run(data.itemId, event.streamId, position, data.note, event.type === 'ItemRemoved' ? 1 : 0, version);
      s.history.run(position, data.itemId, event.type);
    },
  };
}

export function crashProjections(itemsVersion: number): Projection[] {
  return [streamStatsProjection, itemsProjection(itemsVersion)];
}
