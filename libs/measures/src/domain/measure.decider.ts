import { Forbidden, InvalidInput, InvalidState, assertNever, type Actor, type Decider } from '@kom/kernel';
import { cleanText } from '@kom/kernel';
import { MEASURE_AREAS, MEASURE_COUNT, MINISTRIES, type MeasureArea, type MeasureEvent, type Ministry } from './measure.events';

export type MeasureCommand = {
  type: 'RecordMeasure';
  number: number;
  titleNb: string;
  titleEn: string;
  area: MeasureArea;
  ministries: readonly Ministry[];
};

export type MeasureState = { status: 'none' } | { status: 'recorded'; measure: MeasureEvent['data'] };

export const initialState: MeasureState = { status: 'none' };

const MAX_TITLE = 400;

export function evolve(_state: MeasureState, event: MeasureEvent): MeasureState {
  switch (event.type) {
    case 'MeasureRecorded':
      return { status: 'recorded', measure: event.data };
    default:
      return assertNever(event.type);
  }
}

/**
 * How the 2011–2014 plan's measures were recorded before action plans were data (streams
 * `measure-<n>`). Nothing writes these any more — plans and measures are recorded through
 * action-plan.decider.ts — but logs hold them, and the read model reads them as that plan's.
 * Recording the same measure again with the same content changes nothing; other content is refused.
 */
export function decide(command: MeasureCommand, state: MeasureState, { actor }: { actor: Actor }): MeasureEvent[] {
  if (actor.role !== 'SECRETARIAT' && actor.role !== 'SYSTEM') {
    throw new Forbidden('SECRETARIAT_ONLY', "Only the KOM secretariat records the plan's measures");
  }
  switch (command.type) {
    case 'RecordMeasure': {
      if (!Number.isInteger(command.number) || command.number < 1 || command.number > MEASURE_COUNT) {
        throw new InvalidInput('MEASURE_NUMBER_OUT_OF_RANGE', `The plan's measures are numbered 1 to ${MEASURE_COUNT}`);
      }
      const titleNb = cleanTitle(command.titleNb);
      const titleEn = cleanTitle(command.titleEn);
      if (!MEASURE_AREAS.includes(command.area)) throw new InvalidInput('UNKNOWN_AREA', `Unknown area ${command.area}`);
      if (command.ministries.length === 0) throw new InvalidInput('MINISTRY_REQUIRED', 'A measure has at least one responsible ministry');
      if (command.ministries.some((m) => !MINISTRIES.includes(m))) throw new InvalidInput('UNKNOWN_MINISTRY', 'Unknown ministry');
      // The plan lists the lead ministry first: keep the given order, without duplicates.
      const ordered = [...new Set(command.ministries)];
      const measure = { number: command.number, titleNb, titleEn, area: command.area, ministries: ordered };
      if (state.status === 'recorded') {
        if (JSON.stringify(state.measure) === JSON.stringify(measure)) return [];
        throw new InvalidState('MEASURE_ALREADY_RECORDED', `Measure ${command.number} is already recorded with other content`);
      }
      return [{ type: 'MeasureRecorded', data: measure }];
    }
    default:
      return assertNever(command.type);
  }
}

function cleanTitle(raw: string): string {
  const title = cleanText(raw, 'title', 'one');
  if (title === '') throw new InvalidInput('TITLE_REQUIRED', 'A measure needs a title');
  if (title.length > MAX_TITLE) throw new InvalidInput('TITLE_TOO_LONG', `A title has at most ${MAX_TITLE} characters`);
  return title;
}

export const measureDecider: Decider<MeasureCommand, MeasureEvent, MeasureState> = { decide, evolve, initialState };

export const measureStream = (number: number) => `measure-${number}`;
