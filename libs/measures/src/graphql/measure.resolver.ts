import { Inject } from '@nestjs/common';
import { Args, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';

import type { Actor } from '@kom/kernel';
import { CurrentActor } from '@kom/auth';
import { Lang, labelIn } from '@kom/platform';
import { MEASURE_CITATIONS, type MeasureCitationView, type MeasureCitations } from '../application/citations.port';
import { MeasuresQueries, type MeasureRow } from '../read-models/measures.queries';
import { Measure, MeasureCitation, MeasuresArgs, MEASURE_AREA_LABELS } from './measure.types';

@Resolver(() => Measure)
export class MeasureResolver {
  constructor(
    @Inject(MeasuresQueries) private readonly queries: MeasuresQueries,
    @Inject(MEASURE_CITATIONS) private readonly citationSource: MeasureCitations,
  ) {}

  @Query(() => [Measure], {
    description: "The plan's measures by number, optionally one area's or one ministry's. Reference data of a fixed size (35): a list, not a connection.",
  })
  measures(@Args() args: MeasuresArgs): MeasureRow[] {
    return this.queries.list({ area: args.area, ministry: args.ministry });
  }

  @Query(() => Measure, { nullable: true, description: 'A measure by its number in the plan (1 to 35).' })
  measure(@Args('number', { type: () => Int }) number: number): MeasureRow | undefined {
    return this.queries.byNumber(number);
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
    return this.citationSource.citing(measure.number, reader);
  }
}
