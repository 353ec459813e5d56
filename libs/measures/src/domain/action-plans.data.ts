import type { Ministry } from './measure.events';
import type { MeasureArea } from './measure.events';
import { DEFAULT_PLAN_ID, type MeasureRef, type MeasureStatus } from './action-plan.events';
import { MEASURES } from './measures.data';

export interface ActionPlanData {
  readonly planId: string;
  readonly titleNb: string;
  readonly titleEn: string;
  readonly from: number;
  readonly to: number;
  readonly responsible: readonly Ministry[];
  readonly measures: readonly {
    readonly number: number;
    readonly titleNb: string;
    readonly titleEn: string;
    readonly area: MeasureArea;
    readonly ministries: readonly Ministry[];
  }[];
  readonly statuses: readonly { readonly number: number; readonly year: number; readonly status: MeasureStatus; readonly continuedIn?: MeasureRef }[];
}

/**
 * The government's action plan against human trafficking 2011–2014 and its 35 measures. The plan
 * text records no status per year, so every measure is seeded ONGOING for each year of the plan;
 * the secretariat records what actually happened.
 */
export const PLAN_2011_2014: ActionPlanData = {
  planId: DEFAULT_PLAN_ID,
  titleNb: 'Regjeringens handlingsplan mot menneskehandel (2011–2014)',
  titleEn: "The Government's Action Plan against Human Trafficking (2011–2014)",
  from: 2011,
  to: 2014,
  responsible: [],
  measures: MEASURES,
  statuses: MEASURES.flatMap((m) => [2011, 2012, 2013, 2014].map((year) => ({ number: m.number, year, status: 'ONGOING' as const }))),
};

/**
 * The earlier plan, «Stopp menneskehandelen», presented in December 2006 (the 2011–2014 plan's
 * introduction names it, its 37 measures, and KOM as established under it). The platform does not
 * hold that plan's text: the measure below is DEMO wording summarising what the later plan says the
 * earlier one achieved, not a quotation, and its number is not the plan's own.
 */
export const PLAN_2006_2009: ActionPlanData = {
  planId: '2006-2009',
  titleNb: 'Stopp menneskehandelen (2006–2009)',
  titleEn: 'Stop Human Trafficking (2006–2009)',
  from: 2006,
  to: 2009,
  responsible: [],
  measures: [
    {
      number: 1,
      titleNb: 'Etablere Koordineringsenheten for ofre for menneskehandel (KOM) (demo-ordlyd)',
      titleEn: 'Establish the Coordination Unit for Victims of Trafficking (KOM) (demo wording)',
      area: 'COOPERATION_AND_COMPETENCE',
      ministries: ['JD'],
    },
  ],
  // KOM is continued by measure 5 of 2011–2014 («Videreføre KOM»).
  statuses: [{ number: 1, year: 2009, status: 'CONTINUED', continuedIn: { plan: DEFAULT_PLAN_ID, number: 5 } }],
};

/** Seeded in this order: a continuation points into a plan seeded before. */
export const ACTION_PLANS: readonly ActionPlanData[] = [PLAN_2011_2014, PLAN_2006_2009];
