import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { DEFAULT_PLAN_ID, InvalidInput } from '@kom/kernel';

/**
 * A measure cited as (plan, number): one type for every context that cites measures. The measures
 * context resolves `measure` on it; the citing contexts only name the pair.
 */
@ObjectType({ description: 'A measure cited as (plan, number).' })
export class MeasureRef {
  @Field(() => ID, { description: 'The plan id (e.g. 2011-2014).' })
  plan!: string;

  @Field(() => Int, { description: "The measure's number in its plan." })
  number!: number;
}

@InputType({ description: 'A measure cited as (plan, number); plan left out: the 2011–2014 plan.' })
export class MeasureRefInput {
  @Field(() => ID, { nullable: true, description: 'The plan id (default 2011-2014).' })
  plan?: string | null;

  @Field(() => Int)
  number!: number;
}

/**
 * The measures an input cites, from the numbers (`citedMeasures`, measures of the 2011–2014 plan)
 * and the (plan, number) pairs (`citedMeasureRefs`) together; undefined when the input gives neither
 * (an update leaves the citations as they are). Citations are stored as numbers of the 2011–2014
 * plan, so a measure of another plan is refused at the field (PLAN_NOT_CITABLE), never dropped.
 */
export function citedMeasureNumbers(
  numbers: readonly number[] | null | undefined,
  refs: readonly MeasureRefInput[] | null | undefined,
): number[] | undefined {
  if (numbers == null && refs == null) return undefined;
  for (const ref of refs ?? []) {
    if ((ref.plan ?? DEFAULT_PLAN_ID) !== DEFAULT_PLAN_ID) {
      throw new InvalidInput('PLAN_NOT_CITABLE', `Only measures of the ${DEFAULT_PLAN_ID} plan can be cited here`, 'citedMeasureRefs');
    }
  }
  return [...(numbers ?? []), ...(refs ?? []).map((r) => r.number)];
}
