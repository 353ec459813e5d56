import type { Database } from 'better-sqlite3';
import type { RecordedEvent } from '@kom/event-store';
import { preparedStatements, type Projection } from '@kom/projections';
import type { MeasureEvent } from '../domain/measure.events';

export const MEASURES_TABLE = 'measures';

/** The plan's measures; ministries as a JSON array in the plan's order. */
export const measuresProjection: Projection = {
  name: 'measures',
  version: 1,
  handles: ['MeasureRecorded'],
  tables: [MEASURES_TABLE],
  setup(db: Database) {
    db.exec(`CREATE TABLE IF NOT EXISTS ${MEASURES_TABLE} (
      number INTEGER PRIMARY KEY,
      title_nb TEXT NOT NULL,
      title_en TEXT NOT NULL,
      area TEXT NOT NULL,
      ministries TEXT NOT NULL
    )`);
  },
  apply(db: Database, event: RecordedEvent) {
    const e = { type: event.type, data: event.data } as MeasureEvent;
    if (e.type !== 'MeasureRecorded') return;
    statements(db).upsert.run({
      number: e.data.number,
      title_nb: e.data.titleNb,
      title_en: e.data.titleEn,
      area: e.data.area,
      ministries: JSON.stringify(e.data.ministries),
    });
  },
};

const statements = preparedStatements((db: Database) => ({
  upsert: db.prepare(
    `INSERT INTO ${MEASURES_TABLE} (number, title_nb, title_en, area, ministries)
     VALUES (@number, @title_nb, @title_en, @area, @ministries)
     ON CONFLICT (number) DO UPDATE SET title_nb = excluded.title_nb, title_en = excluded.title_en,
       area = excluded.area, ministries = excluded.ministries`,
  ),
}));
