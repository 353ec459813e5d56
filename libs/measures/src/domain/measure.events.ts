import { z } from 'zod';
import { DEFAULT_PLAN_MEASURE_COUNT, defineEvent } from '@kom/kernel';

/**
 * The plan's areas: the six goals its 35 measures are grouped under (chapters 4 to 9).
 */
export const MEASURE_AREAS = [
  'INTERNATIONAL_FRAMEWORK',
  'COOPERATION_AND_COMPETENCE',
  'PREVENTION',
  'IDENTIFICATION_AND_ASSISTANCE',
  'CHILDREN',
  'PROSECUTION',
] as const;
export type MeasureArea = (typeof MEASURE_AREAS)[number];

/** The ministries responsible for measures, by the plan's abbreviations. */
export const MINISTRIES = ['UD', 'JD', 'BLD', 'FD', 'HOD', 'AD', 'KRD'] as const;
export type Ministry = (typeof MINISTRIES)[number];

export const MEASURE_COUNT = DEFAULT_PLAN_MEASURE_COUNT;

export const MeasureRecorded = defineEvent(
  'MeasureRecorded',
  1,
  z.object({
    number: z.number().int().min(1).max(MEASURE_COUNT),
    /** The title as the plan words it (Norwegian Bokmål). */
    titleNb: z.string().min(1).max(400),
    titleEn: z.string().min(1).max(400),
    area: z.enum(MEASURE_AREAS),
    ministries: z.array(z.enum(MINISTRIES)).min(1).max(MINISTRIES.length),
  }),
);

export type MeasureEvent = { type: 'MeasureRecorded'; data: z.infer<typeof MeasureRecorded.data> };

export const measureEventSchemas = [MeasureRecorded];
