import type { Database } from 'better-sqlite3';
import type { RecordedEvent } from '@kom/event-store';
import { preparedStatements, type Projection } from '@kom/projections';
import type { MeasureEvent } from '../domain/measure.events';
import { DEFAULT_PLAN_ID, type ActionPlanEvent } from '../domain/action-plan.events';

export const MEASURES_TABLE = 'measures';
export const ACTION_PLANS_TABLE = 'action_plans';
export const MEASURE_REVISIONS_TABLE = 'measure_revisions';
export const MEASURE_STATUSES_TABLE = 'measure_statuses';

/**
 * The action plans and their measures (current wording), every revision and the status per year.
 * MeasureRecorded v1, written before plans were data, is a measure of the 2011–2014 plan.
 */
export const measuresProjection: Projection = {
  name: 'measures',
  version: 2,
  handles: ['MeasureRecorded', 'ActionPlanRegistered', 'PlanMeasureRecorded', 'PlanMeasureRevised', 'MeasureStatusRecorded'],
  tables: [MEASURES_TABLE, ACTION_PLANS_TABLE, MEASURE_REVISIONS_TABLE, MEASURE_STATUSES_TABLE],
  setup(db: Database) {
    db.exec(`CREATE TABLE IF NOT EXISTS ${ACTION_PLANS_TABLE} (
      plan_id TEXT PRIMARY KEY,
      title_nb TEXT NOT NULL,
      title_en TEXT NOT NULL,
      from_year INTEGER NOT NULL,
      to_year INTEGER NOT NULL,
      responsible TEXT NOT NULL
    );
    CREATE TABLE IF NOT EXISTS ${MEASURES_TABLE} (
      plan_id TEXT NOT NULL,
      number INTEGER NOT NULL,
      title_nb TEXT NOT NULL,
      title_en TEXT NOT NULL,
      area TEXT NOT NULL,
      ministries TEXT NOT NULL,
      PRIMARY KEY (plan_id, number)
    );
    CREATE TABLE IF NOT EXISTS ${MEASURE_REVISIONS_TABLE} (
      plan_id TEXT NOT NULL,
      number INTEGER NOT NULL,
      seq INTEGER NOT NULL,
      from_date TEXT,
      title_nb TEXT NOT NULL,
      title_en TEXT NOT NULL,
      ministries TEXT NOT NULL,
      PRIMARY KEY (plan_id, number, seq)
    );
    CREATE TABLE IF NOT EXISTS ${MEASURE_STATUSES_TABLE} (
      plan_id TEXT NOT NULL,
      number INTEGER NOT NULL,
      year INTEGER NOT NULL,
      status TEXT NOT NULL,
      continued_plan TEXT,
      continued_number INTEGER,
      PRIMARY KEY (plan_id, number, year)
    )`);
  },
  apply(db: Database, event: RecordedEvent) {
    const e = { type: event.type, data: event.data } as MeasureEvent | ActionPlanEvent;
    const s = statements(db);
    switch (e.type) {
      case 'MeasureRecorded':
        return s.upsertMeasure.run({ ...measureRow({ planId: DEFAULT_PLAN_ID, ...e.data }) });
      case 'PlanMeasureRecorded':
        return s.upsertMeasure.run(measureRow(e.data));
      case 'ActionPlanRegistered':
        return s.upsertPlan.run({
          plan_id: e.data.planId,
          title_nb: e.data.titleNb,
          title_en: e.data.titleEn,
          from_year: e.data.from,
          to_year: e.data.to,
          responsible: JSON.stringify(e.data.responsible),
        });
      case 'PlanMeasureRevised': {
        const before = s.measure.get(e.data.planId, e.data.number) as { title_nb: string; title_en: string; ministries: string } | undefined;
        if (!before) return;
        // The first revision also keeps the original wording, so the history reads from the start.
        const count = (s.revisionCount.get(e.data.planId, e.data.number) as { n: number }).n;
        if (count === 0) s.insertRevision.run({ plan_id: e.data.planId, number: e.data.number, seq: 0, from_date: null, ...before });
        s.insertRevision.run({
          plan_id: e.data.planId,
          number: e.data.number,
          seq: Math.max(count, 1),
          from_date: e.data.from,
          title_nb: e.data.titleNb,
          title_en: e.data.titleEn,
          ministries: JSON.stringify(e.data.ministries),
        });
        return s.reviseMeasure.run({
          plan_id: e.data.planId,
          number: e.data.number,
          title_nb: e.data.titleNb,
          title_en: e.data.titleEn,
          ministries: JSON.stringify(e.data.ministries),
        });
      }
      case 'MeasureStatusRecorded':
        return s.upsertStatus.run({
          plan_id: e.data.planId,
          number: e.data.number,
          year: e.data.year,
          status: e.data.status,
          continued_plan: e.data.continuedIn?.plan ?? null,
          continued_number: e.data.continuedIn?.number ?? null,
        });
      default:
        return;
    }
  },
};

function measureRow(d: { planId: string; number: number; titleNb: string; titleEn: string; area: string; ministries: readonly string[] }) {
  return { plan_id: d.planId, number: d.number, title_nb: d.titleNb, title_en: d.titleEn, area: d.area, ministries: JSON.stringify(d.ministries) };
}

const statements = preparedStatements((db: Database) => ({
  upsertPlan: db.prepare(
    `INSERT INTO ${ACTION_PLANS_TABLE} (plan_id, title_nb, title_en, from_year, to_year, responsible)
     VALUES (@plan_id, @title_nb, @title_en, @from_year, @to_year, @responsible)
     ON CONFLICT (plan_id) DO UPDATE SET title_nb = excluded.title_nb, title_en = excluded.title_en,
       from_year = excluded.from_year, to_year = excluded.to_year, responsible = excluded.responsible`,
  ),
  upsertMeasure: db.prepare(
    `INSERT INTO ${MEASURES_TABLE} (plan_id, number, title_nb, title_en, area, ministries)
     VALUES (@plan_id, @number, @title_nb, @title_en, @area, @ministries)
     ON CONFLICT (plan_id, number) DO UPDATE SET title_nb = excluded.title_nb, title_en = excluded.title_en,
       area = excluded.area, ministries = excluded.ministries`,
  ),
  measure: db.prepare(`SELECT title_nb, title_en, ministries FROM ${MEASURES_TABLE} WHERE plan_id = ? AND number = ?`),
  reviseMeasure: db.prepare(
    `UPDATE ${MEASURES_TABLE} SET title_nb = @title_nb, title_en = @title_en, ministries = @ministries WHERE plan_id = @plan_id AND number = @number`,
  ),
  revisionCount: db.prepare(`SELECT COUNT(*) AS n FROM ${MEASURE_REVISIONS_TABLE} WHERE plan_id = ? AND number = ?`),
  insertRevision: db.prepare(
    `INSERT OR REPLACE INTO ${MEASURE_REVISIONS_TABLE} (plan_id, number, seq, from_date, title_nb, title_en, ministries)
     VALUES (@plan_id, @number, @seq, @from_date, @title_nb, @title_en, @ministries)`,
  ),
  upsertStatus: db.prepare(
    `INSERT INTO ${MEASURE_STATUSES_TABLE} (plan_id, number, year, status, continued_plan, continued_number)
     VALUES (@plan_id, @number, @year, @status, @continued_plan, @continued_number)
     ON CONFLICT (plan_id, number, year) DO UPDATE SET status = excluded.status,
       continued_plan = excluded.continued_plan, continued_number = excluded.continued_number`,
  ),
}));
