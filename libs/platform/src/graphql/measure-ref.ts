import type { Type } from '@nestjs/common';
import { Field, ID, InputType, Int, ObjectType, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { DEFAULT_PLAN_ID, defaultPlanNumbers, defaultPlanRefs, type CitableSet, type MeasureCitationRef } from '@kom/kernel';

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
 * and the (plan, number) pairs (`citedMeasureRefs`, plan left out: 2011–2014) together; undefined
 * when the input gives neither (an update leaves the citations as they are). Whether each exists is
 * the decider's rule, against CITABLE_MEASURES.
 */
export function citedMeasureRefs(
  numbers: readonly number[] | null | undefined,
  refs: readonly MeasureRefInput[] | null | undefined,
): MeasureCitationRef[] | undefined {
  if (numbers == null && refs == null) return undefined;
  return [...defaultPlanRefs(numbers ?? []), ...(refs ?? []).map((r) => ({ plan: r.plan ?? DEFAULT_PLAN_ID, number: r.number }))];
}

/**
 * The registered plans and the measures that exist in them: what a record may cite. A port, so that
 * the citing contexts need not know the measures context; apps/api binds it to the measures read model.
 */
export interface CitableMeasures {
  citable(): CitableSet;
}

export const CITABLE_MEASURES = Symbol.for('kom.CitableMeasures');

/** Why the bare numbers are deprecated: they show only the 2011–2014 plan's citations. */
export const CITED_MEASURES_DEPRECATION = 'Only the measures of the 2011–2014 plan; use citedMeasureRefs, which names each measure with its plan.';

/**
 * The deprecated `citedMeasures: [Int!]!` of a type whose view holds its citations as (plan, number)
 * in `citedMeasures` (the current `citedMeasureRefs` is a plain field on it): the resolver of each
 * citing type extends `CitedMeasureNumbersResolver(ThatType)`, so the four share one field
 * resolver, guarded as every other.
 */
export function CitedMeasureNumbersResolver(citing: Type<unknown>): abstract new () => object {
  @Resolver(() => citing, { isAbstract: true })
  abstract class CitedMeasureNumbers {
    @ResolveField(() => [Int], { name: 'citedMeasures', description: 'Measure numbers of the 2011–2014 action plan cited.', deprecationReason: CITED_MEASURES_DEPRECATION })
    citedMeasureNumbers(@Parent() cited: { citedMeasures: readonly MeasureCitationRef[] }): number[] {
      return defaultPlanNumbers(cited.citedMeasures);
    }
  }
  return CitedMeasureNumbers;
}
