import { Inject } from '@nestjs/common';
import { Args, ID, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';

import type { Actor } from '@kom/kernel';
import { CurrentActor } from '@kom/auth';
import { Lang, labelIn } from '@kom/platform';
import { MEASURE_CITATIONS, type MeasureCitationView, type MeasureCitations } from '../application/citations.port';
import { MeasuresQueries, type MeasureRow } from '../read-models/measures.queries';
import { Measure, MeasureCitation, MeasuresArgs, MEASURE_AREA_LABELS } from './measure.types';
import { ActionPlan, MeasureRef, MeasureRevision, MeasureYearStatus } from './action-plan.types';
import { DEFAULT_PLAN_ID, type MeasureRef as Ref } from '../domain/action-plan.events';
import type { ActionPlanRow, MeasureRevisionRow, MeasureStatusRow } from '../read-models/measures.queries';

@Resolver(() => Measure)
export class MeasureResolver {
  constructor(
    @Inject(MeasuresQueries) private readonly queries: MeasuresQueries,
    @Inject(MEASURE_CITATIONS) private readonly citationSource: MeasureCitations,
  ) {}

  @Query(() => [Measure], {
    description:
      "One plan's measures by number (default: the 2011–2014 plan, which citations without a plan mean), optionally one area's or one ministry's. " +
      'Reference data: a list, not a connection. Every plan: `actionPlans { measures }`.',
  })
  measures(@Args() args: MeasuresArgs): MeasureRow[] {
    return this.queries.list({ plan: args.plan, area: args.area, ministry: args.ministry });
  }

  @Query(() => Measure, { nullable: true, description: 'A measure by its number in a plan (default: the 2011–2014 plan, numbers 1 to 35).' })
  measure(
    @Args('number', { type: () => Int }) number: number,
    @Args('plan', { type: () => ID, nullable: true, description: 'Default 2011-2014.' }) plan?: string | null,
  ): MeasureRow | undefined {
    return this.queries.byNumber(number, plan ?? DEFAULT_PLAN_ID);
  }

  @ResolveField(() => ActionPlan, { nullable: true, description: 'The plan the measure belongs to.' })
  plan(@Parent() measure: MeasureRow): ActionPlanRow | undefined {
    return this.queries.plan(measure.planId);
  }

  @ResolveField(() => [MeasureYearStatus], { description: 'The status recorded for each year, oldest first.' })
  statuses(@Parent() measure: MeasureRow): MeasureStatusRow[] {
    return this.queries.statuses(measure.planId, measure.number);
  }

  @ResolveField(() => MeasureYearStatus, { nullable: true, description: 'The status recorded for one year (null: none recorded).' })
  status(@Parent() measure: MeasureRow, @Args('year', { type: () => Int }) year: number): MeasureStatusRow | undefined {
    return this.queries.statuses(measure.planId, measure.number).find((s) => s.year === year);
  }

  @ResolveField(() => MeasureRef, { nullable: true, description: 'The later plan’s measure that continues this one (its latest CONTINUED status).' })
  continuedIn(@Parent() measure: MeasureRow): Ref | null {
    const continued = this.queries.statuses(measure.planId, measure.number).filter((s) => s.continuedIn);
    return continued.at(-1)?.continuedIn ?? null;
  }

  @ResolveField(() => [MeasureRef], { description: 'Measures of earlier plans that this one continues.' })
  continues(@Parent() measure: MeasureRow): Ref[] {
    return this.queries.continuing(measure.planId, measure.number);
  }

  @ResolveField(() => [MeasureRevision], { description: 'Every wording, the first (from null) then each revision; empty when never revised.' })
  revisions(@Parent() measure: MeasureRow): MeasureRevisionRow[] {
    return this.queries.revisions(measure.planId, measure.number);
  }

  @ResolveField(() => String, { description: "The measure's title in Norwegian (NB, default: the plan's wording) or English (EN, our translation)." })
  label(@Parent() measure: MeasureRow, @Args('lang', { type: () => Lang, defaultValue: Lang.NB }) lang: Lang): string {
    return lang === Lang.EN ? measure.titleEn : measure.titleNb;
  }

  @ResolveField(() => String, { description: 'The area in Norwegian (NB, default) or English (EN).' })
  areaLabel(@Parent() measure: MeasureRow, @Args('lang', { type: () => Lang, defaultValue: Lang.NB }) lang: Lang): string {
    return labelIn(MEASURE_AREA_LABELS[measure.area], lang);
  }

  @ResolveField(() => [MeasureCitation], {
    description:
      'Everything that cites the measure, as you may see it: decisions, agenda items (of published agendas; drafts for the secretariat), ' +
      'issues, and cooperation agreements citing such a decision. Decisions, agenda items, issues, agreements in turn, each oldest first.',
  })
  citations(@Parent() measure: MeasureRow, @CurrentActor() reader: Actor): MeasureCitationView[] {
    return this.citationSource.citing(measure.number, reader, measure.planId);
  }
}
