import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import { Inject } from '@nestjs/common';
import { CurrentActor } from '@kom/auth';
import { type Actor } from '@kom/kernel';
import { StatusReportsQueries } from '../read-models/status-reports.queries';
import { StatusReport } from './status-report.types';
import { statusReportView } from './status-report.view';

/** The annual status report: the secretariat writes, agencies add figures, the project group approves, anyone reads what is published. */
@Resolver(() => StatusReport)
export class StatusReportResolver {
  constructor(
    @Inject(StatusReportsQueries) private readonly reports: StatusReportsQueries,
  ) {}

  @Query(() => StatusReport, { nullable: true, description: 'The status report of a year as this caller may see it (null: none, or none published yet).' })
  statusReport(@Args('year', { type: () => Int }) year: number, @CurrentActor() actor: Actor): StatusReport | null {
    return statusReportView(this.reports, year, actor);
  }

  @Query(() => [Int], { description: 'Years that have a status report this caller may see, newest first.' })
  statusReportYears(@CurrentActor() actor: Actor): number[] {
    return this.reports.years().filter((year) => statusReportView(this.reports, year, actor) !== null);
  }
}
