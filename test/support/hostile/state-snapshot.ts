import { createHash } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '@kom/event-store';
import { READ_MODELS } from '@kom/platform';
import type { ReadModelDatabase } from '@kom/projections';
import { digestTable } from '../../../apps/cli/src/audit/read-model-digest';

export interface StateSnapshot {
  /** The log's head position, as text (positions may be bigints). */
  readonly head: string;
  /** One SHA-256 over every read-model table's digest. */
  readonly readModels: string;
}

/** What a refused request must leave as it was: the event log's head and every read-model row. */
export async function snapshotState(app: INestApplication): Promise<StateSnapshot> {
  const head = String(await app.get<EventStore>(EVENT_STORE).headPosition());
  const { db } = app.get<ReadModelDatabase>(READ_MODELS);
  const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as Array<{ name: string }>).map((t) => t.name);
  const hash = createHash('sha256');
  for (const table of tables) hash.update(`${table}:${digestTable(db, table).digest}\n`);
  return { head, readModels: hash.digest('hex') };
}
