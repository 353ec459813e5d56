import { Inject } from '@nestjs/common';
import { Args, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';

import { Lang, labelIn } from '@kom/platform';
import { MeasuresQueries, type MeasureRow } from '../read-models/measures.queries';
import { Measure, MeasuresArgs, MEASURE_AREA_LABELS } from './measure.types';

@Resolver(() => Measure)
export class MeasureResolver {
  constructor(@Inject(MeasuresQueries) private readonly queries: MeasuresQueries) {}

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
}
