import { Forbidden, InvalidInput, InvalidState, assertNever, type Actor, type Decider } from '@kom/kernel';
import { cleanText } from '@kom/kernel';
import { MEASURE_AREAS, MINISTRIES, type MeasureArea, type Ministry } from './measure.events';
import {
  MAX_MEASURE_NUMBER,
  MEASURE_STATUSES,
  PLAN_ID_PATTERN,
  type ActionPlanEvent,
  type MeasureRef,
  type MeasureStatus,
} from './action-plan.events';

/** What a decider needs to know of the other plans (a status CONTINUED points into one): passed in, so it stays pure. */
export interface KnownPlan {
  readonly planId: string;
  readonly from: number;
  readonly to: number;
  readonly measures: readonly number[];
}

export type ActionPlanCommand =
  | {
      type: 'RegisterActionPlan';
      planId: string;
      titleNb: string;
      titleEn: string;
      from: number;
      to: number;
      responsible: readonly Ministry[];
    }
  | {
      type: 'RecordPlanMeasure';
      planId: string;
      number: number;
      titleNb: string;
      titleEn: string;
      area: MeasureArea;
      ministries: readonly Ministry[];
    }
  | {
      type: 'RevisePlanMeasure';
      planId: string;
      number: number;
      titleNb?: string | null;
      titleEn?: string | null;
      ministries?: readonly Ministry[] | null;
      /** The date (YYYY-MM-DD) the new wording applies from. */
      from: string;
    }
  | {
      type: 'RecordMeasureStatus';
      planId: string;
      number: number;
      year: number;
      status: MeasureStatus;
      continuedIn?: MeasureRef | null;
      knownPlans: readonly KnownPlan[];
    };

interface PlanMeasure {
  titleNb: string;
  titleEn: string;
  area: MeasureArea;
  ministries: Ministry[];
}

export type ActionPlanState =
  | { status: 'none' }
  | {
      status: 'registered';
      plan: Extract<ActionPlanEvent, { type: 'ActionPlanRegistered' }>['data'];
      /** Current wording by number. */
      measures: Readonly<Record<number, PlanMeasure>>;
      /** `${number}:${year}` → the status recorded last, with its continuation. */
      statuses: Readonly<Record<string, { status: MeasureStatus; continuedIn?: MeasureRef }>>;
    };

export const initialState: ActionPlanState = { status: 'none' };

const MAX_TITLE = 400;
const MIN_YEAR = 1990;
const MAX_YEAR = 2100;

export function evolve(state: ActionPlanState, event: ActionPlanEvent): ActionPlanState {
  switch (event.type) {
    case 'ActionPlanRegistered':
      return { status: 'registered', plan: event.data, measures: {}, statuses: {} };
    case 'PlanMeasureRecorded': {
      if (state.status === 'none') return state;
      const { titleNb, titleEn, area, ministries } = event.data;
      return { ...state, measures: { ...state.measures, [event.data.number]: { titleNb, titleEn, area, ministries } } };
    }
    case 'PlanMeasureRevised': {
      if (state.status === 'none') return state;
      const before = state.measures[event.data.number];
      if (!before) return state;
      const { titleNb, titleEn, ministries } = event.data;
      return { ...state, measures: { ...state.measures, [event.data.number]: { ...before, titleNb, titleEn, ministries } } };
    }
    case 'MeasureStatusRecorded': {
      if (state.status === 'none') return state;
      const { number, year, status, continuedIn } = event.data;
      return { ...state, statuses: { ...state.statuses, [`${number}:${year}`]: continuedIn ? { status, continuedIn } : { status } } };
    }
    default:
      return assertNever(event);
  }
}

/**
 * An action plan and its measures are reference data the secretariat keeps: a plan is registered
 * once with its period, each measure recorded once (the same content again changes nothing), later
 * wording recorded as a revision, and a status per measure and year. A measure is cited as
 * (plan, number) everywhere, so numbers never move between plans.
 */
export function decide(command: ActionPlanCommand, state: ActionPlanState, { actor }: { actor: Actor }): ActionPlanEvent[] {
  if (actor.role !== 'SECRETARIAT' && actor.role !== 'SYSTEM') {
    throw new Forbidden('SECRETARIAT_ONLY', 'Only the KOM secretariat keeps the action plans');
  }
  switch (command.type) {
    case 'RegisterActionPlan': {
      if (!PLAN_ID_PATTERN.test(command.planId)) {
        throw new InvalidInput('INVALID_PLAN_ID', 'A plan id is lower-case letters, digits and dashes, like 2011-2014', 'planId');
      }
      const years = [command.from, command.to];
      if (years.some((y) => !Number.isInteger(y) || y < MIN_YEAR || y > MAX_YEAR) || command.from > command.to) {
        throw new InvalidInput('INVALID_PERIOD', `A plan covers the years from..to, ${MIN_YEAR} to ${MAX_YEAR}, from not after to`, 'from');
      }
      const plan = {
        planId: command.planId,
        titleNb: cleanTitle(command.titleNb, 'titleNb'),
        titleEn: cleanTitle(command.titleEn, 'titleEn'),
        from: command.from,
        to: command.to,
        responsible: knownMinistries(command.responsible, 'responsible', 0),
      };
      if (state.status === 'registered') {
        if (JSON.stringify(state.plan) === JSON.stringify(plan)) return [];
        throw new InvalidState('PLAN_ALREADY_REGISTERED', `The plan ${command.planId} is already registered with other content`);
      }
      return [{ type: 'ActionPlanRegistered', data: plan }];
    }
    case 'RecordPlanMeasure': {
      const registered = mustBeRegistered(state, command.planId);
      checkNumber(command.number);
      if (!MEASURE_AREAS.includes(command.area)) throw new InvalidInput('UNKNOWN_AREA', `Unknown area ${command.area}`, 'area');
      const measure = {
        titleNb: cleanTitle(command.titleNb, 'titleNb'),
        titleEn: cleanTitle(command.titleEn, 'titleEn'),
        area: command.area,
        ministries: knownMinistries(command.ministries, 'ministries', 1),
      };
      const existing = registered.measures[command.number];
      if (existing) {
        if (JSON.stringify(existing) === JSON.stringify(measure)) return [];
        throw new InvalidState('MEASURE_ALREADY_RECORDED', `Measure ${command.number} of ${command.planId} is already recorded; revise it instead`);
      }
      return [{ type: 'PlanMeasureRecorded', data: { planId: command.planId, number: command.number, ...measure } }];
    }
    case 'RevisePlanMeasure': {
      const registered = mustBeRegistered(state, command.planId);
      const existing = mustHaveMeasure(registered, command.planId, command.number);
      if (!/^\d{4}-\d{2}-\d{2}$/.test(command.from) || Number.isNaN(Date.parse(command.from))) {
        throw new InvalidInput('INVALID_DATE', 'The revision applies from a date YYYY-MM-DD', 'from');
      }
      const revised = {
        titleNb: command.titleNb == null ? existing.titleNb : cleanTitle(command.titleNb, 'titleNb'),
        titleEn: command.titleEn == null ? existing.titleEn : cleanTitle(command.titleEn, 'titleEn'),
        ministries: command.ministries == null ? existing.ministries : knownMinistries(command.ministries, 'ministries', 1),
      };
      const unchanged = revised.titleNb === existing.titleNb && revised.titleEn === existing.titleEn &&
        JSON.stringify(revised.ministries) === JSON.stringify(existing.ministries);
      if (unchanged) return [];
      return [{ type: 'PlanMeasureRevised', data: { planId: command.planId, number: command.number, ...revised, from: command.from } }];
    }
    case 'RecordMeasureStatus': {
      const registered = mustBeRegistered(state, command.planId);
      mustHaveMeasure(registered, command.planId, command.number);
      if (!MEASURE_STATUSES.includes(command.status)) throw new InvalidInput('UNKNOWN_STATUS', `Unknown status ${command.status}`, 'status');
      const { from, to } = registered.plan;
      // A measure continued in a later plan may be marked so for the first year after its own plan.
      const last = command.status === 'CONTINUED' ? to + 1 : to;
      if (!Number.isInteger(command.year) || command.year < from || command.year > last) {
        throw new InvalidInput('YEAR_OUTSIDE_PLAN_PERIOD', `The plan covers ${from}–${to}`, 'year');
      }
      const continuedIn = command.status === 'CONTINUED' ? continuation(command, registered.plan) : undefined;
      if (command.status !== 'CONTINUED' && command.continuedIn) {
        throw new InvalidInput('CONTINUATION_ONLY_WHEN_CONTINUED', 'Only a measure CONTINUED names the measure that continues it', 'continuedIn');
      }
      const before = registered.statuses[`${command.number}:${command.year}`];
      if (before && before.status === command.status && JSON.stringify(before.continuedIn) === JSON.stringify(continuedIn)) return [];
      const data = { planId: command.planId, number: command.number, year: command.year, status: command.status };
      return [{ type: 'MeasureStatusRecorded', data: continuedIn ? { ...data, continuedIn } : data }];
    }
    default:
      return assertNever(command);
  }
}

function continuation(command: Extract<ActionPlanCommand, { type: 'RecordMeasureStatus' }>, plan: { planId: string; from: number }): MeasureRef {
  const ref = command.continuedIn;
  if (!ref) throw new InvalidInput('CONTINUATION_REQUIRED', 'A measure CONTINUED names the later plan’s measure that continues it', 'continuedIn');
  const later = command.knownPlans.find((p) => p.planId === ref.plan);
  if (!later) throw new InvalidInput('UNKNOWN_PLAN', `No action plan ${ref.plan}`, 'continuedIn');
  if (later.planId === plan.planId || later.from <= plan.from) {
    throw new InvalidInput('CONTINUATION_NOT_LATER', 'A measure is continued in a later plan', 'continuedIn');
  }
  if (!later.measures.includes(ref.number)) throw new InvalidInput('UNKNOWN_MEASURE', `The plan ${ref.plan} has no measure ${ref.number}`, 'continuedIn');
  return { plan: ref.plan, number: ref.number };
}

function mustBeRegistered(state: ActionPlanState, planId: string): Extract<ActionPlanState, { status: 'registered' }> {
  if (state.status === 'none') throw new InvalidInput('UNKNOWN_PLAN', `No action plan ${planId}`, 'planId');
  return state;
}

function mustHaveMeasure(state: Extract<ActionPlanState, { status: 'registered' }>, planId: string, number: number): PlanMeasure {
  const measure = state.measures[number];
  if (!measure) throw new InvalidInput('UNKNOWN_MEASURE', `The plan ${planId} has no measure ${number}`, 'number');
  return measure;
}

function checkNumber(number: number): void {
  if (!Number.isInteger(number) || number < 1 || number > MAX_MEASURE_NUMBER) {
    throw new InvalidInput('MEASURE_NUMBER_OUT_OF_RANGE', `A plan's measures are numbered 1 to ${MAX_MEASURE_NUMBER}`, 'number');
  }
}

function knownMinistries(raw: readonly Ministry[], field: string, atLeast: number): Ministry[] {
  if (raw.length < atLeast) throw new InvalidInput('MINISTRY_REQUIRED', 'A measure has at least one responsible ministry', field);
  if (raw.some((m) => !MINISTRIES.includes(m))) throw new InvalidInput('UNKNOWN_MINISTRY', 'Unknown ministry', field);
  // The plans list the lead ministry first: keep the given order, without duplicates.
  return [...new Set(raw)];
}

function cleanTitle(raw: string, field: string): string {
  const title = cleanText(raw, field, 'one');
  if (title === '') throw new InvalidInput('TITLE_REQUIRED', 'A title is required', field);
  if (title.length > MAX_TITLE) throw new InvalidInput('TITLE_TOO_LONG', `A title has at most ${MAX_TITLE} characters`, field);
  return title;
}

export const actionPlanDecider: Decider<ActionPlanCommand, ActionPlanEvent, ActionPlanState> = { decide, evolve, initialState };

export const actionPlanStream = (planId: string) => `action-plan-${planId}`;
