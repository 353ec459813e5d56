import { z } from 'zod';
import { DEFAULT_PLAN_ID, defineEvent } from '@kom/kernel';
import { MEASURE_AREAS, MINISTRIES } from './measure.events';

/** The plan every citation without a plan means (the 2011–2014 plan): see @kom/kernel. */
export { DEFAULT_PLAN_ID };

/** Stable, readable plan ids ("2011-2014", "2006-2009"): they appear in every citation. */
export const PLAN_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,39}$/;

/** A plan's measures are numbered from 1; no plan has had near this many. */
export const MAX_MEASURE_NUMBER = 200;

export const MEASURE_STATUSES = ['NOT_STARTED', 'ONGOING', 'DONE', 'CONTINUED'] as const;
export type MeasureStatus = (typeof MEASURE_STATUSES)[number];

const planId = z.string().regex(PLAN_ID_PATTERN);
const number = z.number().int().min(1).max(MAX_MEASURE_NUMBER);
const year = z.number().int().min(1990).max(2100);
const title = z.string().min(1).max(400);
const ministries = z.array(z.enum(MINISTRIES)).min(1).max(MINISTRIES.length);

/** A measure of a plan: how every citation names one. */
export const measureRefSchema = z.object({ plan: planId, number });
export type MeasureRef = z.infer<typeof measureRefSchema>;

export const ActionPlanRegistered = defineEvent(
  'ActionPlanRegistered',
  1,
  z.object({
    planId,
    titleNb: title,
    titleEn: title,
    /** The first and last year the plan covers. */
    from: year,
    to: year,
    /** The ministries responsible for the plan as a whole (may be none recorded). */
    responsible: z.array(z.enum(MINISTRIES)).max(MINISTRIES.length),
  }),
);

export const PlanMeasureRecorded = defineEvent(
  'PlanMeasureRecorded',
  1,
  z.object({ planId, number, titleNb: title, titleEn: title, area: z.enum(MEASURE_AREAS), ministries }),
);

/** A later wording or other responsible ministries, in force from a date; the earlier wording stays in the history. */
export const PlanMeasureRevised = defineEvent(
  'PlanMeasureRevised',
  1,
  z.object({
    planId,
    number,
    titleNb: title,
    titleEn: title,
    ministries,
    from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  }),
);

export const MeasureStatusRecorded = defineEvent(
  'MeasureStatusRecorded',
  1,
  z.object({
    planId,
    number,
    year,
    status: z.enum(MEASURE_STATUSES),
    /** CONTINUED only: the later plan's measure that carries it on. */
    continuedIn: measureRefSchema.optional(),
  }),
);

type Data<T extends { data: z.ZodTypeAny }> = z.infer<T['data']>;

export type ActionPlanEvent =
  | { type: 'ActionPlanRegistered'; data: Data<typeof ActionPlanRegistered> }
  | { type: 'PlanMeasureRecorded'; data: Data<typeof PlanMeasureRecorded> }
  | { type: 'PlanMeasureRevised'; data: Data<typeof PlanMeasureRevised> }
  | { type: 'MeasureStatusRecorded'; data: Data<typeof MeasureStatusRecorded> };

export const actionPlanEventSchemas = [ActionPlanRegistered, PlanMeasureRecorded, PlanMeasureRevised, MeasureStatusRecorded];
