import { ArgsType, Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { MeasureRef, MeasureRefInput, registerLabelledEnum } from '@kom/platform';

export { MeasureRef, MeasureRefInput };
import type { MeasureArea, Ministry } from '../domain/measure.events';
import type { MeasureStatus } from '../domain/action-plan.events';
import { MeasureAreaEnum, MinistryEnum } from './measure.types';

export const MEASURE_STATUS_LABELS = {
  NOT_STARTED: { nb: 'Ikke startet', en: 'Not started' },
  ONGOING: { nb: 'Pågår', en: 'Ongoing' },
  DONE: { nb: 'Gjennomført', en: 'Done' },
  CONTINUED: { nb: 'Videreført i en senere plan', en: 'Continued in a later plan' },
} as const satisfies Record<MeasureStatus, { nb: string; en: string }>;

export const MeasureStatusEnum = registerLabelledEnum<MeasureStatus>('MeasureStatus', MEASURE_STATUS_LABELS, "A measure's status in a year.");

@ObjectType({ description: 'An action plan against human trafficking: its period and its numbered measures.' })
export class ActionPlan {
  @Field(() => ID, { description: 'A stable id, e.g. 2011-2014: a measure is cited as (plan, number).' })
  id!: string;

  @Field(() => Int, { description: 'The first year the plan covers.' })
  from!: number;

  @Field(() => Int, { description: 'The last year the plan covers.' })
  to!: number;

  @Field(() => [MinistryEnum], { description: 'Ministries responsible for the plan as a whole, when recorded.' })
  responsible!: Ministry[];
}


@ObjectType({ description: "A measure's status in one year." })
export class MeasureYearStatus {
  @Field(() => Int)
  year!: number;

  @Field(() => MeasureStatusEnum)
  status!: MeasureStatus;

  @Field(() => MeasureRef, { nullable: true, description: 'CONTINUED: the later plan’s measure that continues it.' })
  continuedIn!: MeasureRef | null;
}

@ObjectType({ description: "One wording of a measure: the first (from null), then each revision." })
export class MeasureRevision {
  @Field(() => String, { nullable: true, description: 'The date (YYYY-MM-DD) this wording applies from; null for the first wording.' })
  from!: string | null;

  @Field(() => String)
  titleNb!: string;

  @Field(() => String)
  titleEn!: string;

  @Field(() => [MinistryEnum])
  ministries!: Ministry[];
}

@InputType()
export class RegisterActionPlanInput {
  @Field(() => ID, { description: 'Lower-case letters, digits and dashes, e.g. 2015-2017.' }) id!: string;
  @Field() titleNb!: string;
  @Field() titleEn!: string;
  @Field(() => Int) from!: number;
  @Field(() => Int) to!: number;
  @Field(() => [MinistryEnum], { nullable: true }) responsible?: Ministry[] | null;
}

@InputType()
export class RecordPlanMeasureInput {
  @Field(() => ID) plan!: string;
  @Field(() => Int) number!: number;
  @Field() titleNb!: string;
  @Field() titleEn!: string;
  @Field(() => MeasureAreaEnum) area!: MeasureArea;
  @Field(() => [MinistryEnum], { description: 'Lead ministry first.' }) ministries!: Ministry[];
}

@InputType({ description: 'A new wording or other ministries from a date; what is left out stays as it is.' })
export class RevisePlanMeasureInput {
  @Field(() => ID) plan!: string;
  @Field(() => Int) number!: number;
  @Field(() => String, { nullable: true }) titleNb?: string | null;
  @Field(() => String, { nullable: true }) titleEn?: string | null;
  @Field(() => [MinistryEnum], { nullable: true }) ministries?: Ministry[] | null;
  @Field(() => String, { description: 'YYYY-MM-DD.' }) from!: string;
}

@InputType()
export class RecordMeasureStatusInput {
  @Field(() => ID) plan!: string;
  @Field(() => Int) number!: number;
  @Field(() => Int, { description: 'A year of the plan (CONTINUED: also the year after it).' }) year!: number;
  @Field(() => MeasureStatusEnum) status!: MeasureStatus;
  @Field(() => MeasureRefInput, { nullable: true, description: 'CONTINUED only: the later plan’s measure.' }) continuedIn?: MeasureRefInput | null;
}

@ArgsType()
export class ActionPlanArgs {
  @Field(() => ID)
  id!: string;
}
