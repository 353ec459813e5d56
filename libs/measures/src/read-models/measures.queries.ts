import { Inject, Injectable } from '@nestjs/common';
import { READ_MODELS } from '@kom/platform';
import { memoized, prepared, type ReadModelDatabase } from '@kom/projections';
import type { MeasureArea, Ministry } from '../domain/measure.events';
import { DEFAULT_PLAN_ID, type MeasureRef, type MeasureStatus } from '../domain/action-plan.events';
import type { KnownPlan } from '../domain/action-plan.decider';
import { ACTION_PLANS_TABLE, MEASURES_TABLE, MEASURE_REVISIONS_TABLE, MEASURE_STATUSES_TABLE } from './measures.projection';

export interface MeasureRow {
  planId: string;
  number: number;
  titleNb: string;
  titleEn: string;
  area: MeasureArea;
  ministries: Ministry[];
}

export interface ActionPlanRow {
  id: string;
  titleNb: string;
  titleEn: string;
  from: number;
  to: number;
  responsible: Ministry[];
}

export interface MeasureStatusRow {
  year: number;
  status: MeasureStatus;
  continuedIn: MeasureRef | null;
}

export interface MeasureRevisionRow {
  /** null: the first wording. */
  from: string | null;
  titleNb: string;
  titleEn: string;
  ministries: Ministry[];
}

interface Stored extends Omit<MeasureRow, 'ministries'> {
  ministries: string;
}

const SELECT = `SELECT plan_id AS planId, number, title_nb AS titleNb, title_en AS titleEn, area, ministries FROM ${MEASURES_TABLE}`;
const SELECT_PLAN = `SELECT plan_id AS id, title_nb AS titleNb, title_en AS titleEn, from_year AS "from", to_year AS "to", responsible FROM ${ACTION_PLANS_TABLE}`;

@Injectable()
export class MeasuresQueries {
  constructor(@Inject(READ_MODELS) private readonly readModels: ReadModelDatabase) {}

  byNumber(number: number, planId: string = DEFAULT_PLAN_ID): MeasureRow | undefined {
    const row = prepared(this.readModels.db, `${SELECT} WHERE plan_id = ? AND number = ?`).get(planId, number) as Stored | undefined;
    return row && toRow(row);
  }

  /** One plan's measures by number (default: the 2011–2014 plan); optionally one area's, or those a ministry is responsible for. */
  list(filter: { plan?: string | null; area?: MeasureArea | null; ministry?: Ministry | null } = {}): MeasureRow[] {
    const plan = filter.plan ?? DEFAULT_PLAN_ID;
    return memoized(this.readModels.db, `measures:${plan}:${filter.area ?? ''}:${filter.ministry ?? ''}`, () => {
      const where = ['plan_id = @plan'];
      const params: Record<string, unknown> = { plan };
      if (filter.area) {
        where.push('area = @area');
        params.area = filter.area;
      }
      if (filter.ministry) {
        where.push('EXISTS (SELECT 1 FROM json_each(ministries) WHERE value = @ministry)');
        params.ministry = filter.ministry;
      }
      const sql = `${SELECT} WHERE ${where.join(' AND ')} ORDER BY number`;
      return (prepared(this.readModels.db, sql).all(params) as Stored[]).map(toRow);
    });
  }

  /** The plans, oldest first. */
  plans(): ActionPlanRow[] {
    return memoized(this.readModels.db, 'action-plans', () =>
      (prepared(this.readModels.db, `${SELECT_PLAN} ORDER BY from_year, plan_id`).all() as (ActionPlanRow & { responsible: string })[]).map(toPlan),
    );
  }

  plan(id: string): ActionPlanRow | undefined {
    const row = prepared(this.readModels.db, `${SELECT_PLAN} WHERE plan_id = ?`).get(id) as (ActionPlanRow & { responsible: string }) | undefined;
    return row && toPlan(row);
  }

  /** Every plan with its measure numbers: what a decider checks citations and continuations against. */
  knownPlans(): KnownPlan[] {
    return memoized(this.readModels.db, 'action-plans:known', () => {
      const numbers = prepared(this.readModels.db, `SELECT plan_id AS planId, number FROM ${MEASURES_TABLE} ORDER BY plan_id, number`).all() as {
        planId: string;
        number: number;
      }[];
      const plans = this.plans().map((p) => ({ planId: p.id, from: p.from, to: p.to, measures: [] as number[] }));
      // Measures recorded before plans were data may precede the plan's registration in an old log.
      for (const n of numbers) {
        let plan = plans.find((p) => p.planId === n.planId);
        if (!plan) plans.push((plan = { planId: n.planId, from: 0, to: 0, measures: [] }));
        plan.measures.push(n.number);
      }
      return plans;
    });
  }

  statuses(planId: string, number: number): MeasureStatusRow[] {
    const rows = prepared(
      this.readModels.db,
      `SELECT year, status, continued_plan AS plan, continued_number AS cn FROM ${MEASURE_STATUSES_TABLE} WHERE plan_id = ? AND number = ? ORDER BY year`,
    ).all(planId, number) as { year: number; status: MeasureStatus; plan: string | null; cn: number | null }[];
    return rows.map((r) => ({ year: r.year, status: r.status, continuedIn: r.plan !== null && r.cn !== null ? { plan: r.plan, number: r.cn } : null }));
  }

  /** The measures of earlier plans this one continues. */
  continuing(planId: string, number: number): MeasureRef[] {
    return (
      prepared(
        this.readModels.db,
        `SELECT DISTINCT plan_id AS plan, number FROM ${MEASURE_STATUSES_TABLE} WHERE continued_plan = ? AND continued_number = ? ORDER BY plan_id, number`,
      ).all(planId, number) as MeasureRef[]
    );
  }

  revisions(planId: string, number: number): MeasureRevisionRow[] {
    const rows = prepared(
      this.readModels.db,
      `SELECT from_date AS "from", title_nb AS titleNb, title_en AS titleEn, ministries FROM ${MEASURE_REVISIONS_TABLE} WHERE plan_id = ? AND number = ? ORDER BY seq`,
    ).all(planId, number) as (Omit<MeasureRevisionRow, 'ministries'> & { ministries: string })[];
    return rows.map((r) => ({ ...r, ministries: JSON.parse(r.ministries) as Ministry[] }));
  }
}

function toRow(row: Stored): MeasureRow {
  return { ...row, ministries: JSON.parse(row.ministries) as Ministry[] };
}

function toPlan(row: ActionPlanRow & { responsible: string }): ActionPlanRow {
  return { ...row, responsible: JSON.parse(row.responsible) as Ministry[] };
}
