import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import { Inject } from '@nestjs/common';
import { RequestMeta } from '@kom/auth';
import { NotFound, type Actor } from '@kom/kernel';
import { Lang, type Meta } from '@kom/platform';
import { DraftStatusReportCommand } from '../application/draft-status-report.command';
import { WriteStatusReportChapterCommand } from '../application/write-status-report-chapter.command';
import { RecordStatusReportFiguresCommand } from '../application/record-status-report-figures.command';
import { ApproveStatusReportCommand } from '../application/approve-status-report.command';
import { PublishStatusReportCommand } from '../application/publish-status-report.command';
import { CorrectStatusReportCommand } from '../application/correct-status-report.command';
import { StatusReportsQueries } from '../read-models/status-reports.queries';
import {
  ApproveStatusReportInput,
  CorrectStatusReportInput,
  RecordStatusReportFiguresInput,
  StatusReport,
  StatusReportYearInput,
  WriteStatusReportChapterInput,
} from './status-report.types';
import { statusReportView } from './status-report.view';

/** Status report mutations: each takes one input and returns the report as the caller may now see it. */
@Resolver(() => StatusReport)
export class StatusReportMutationsResolver {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(StatusReportsQueries) private readonly reports: StatusReportsQueries,
  ) {}

  @Mutation(() => StatusReport, { description: 'Starts the status report of a year (edition 1, a draft).' })
  async draftStatusReport(@Args('input') input: StatusReportYearInput, @RequestMeta() meta: Meta): Promise<StatusReport> {
    await this.commands.execute(new DraftStatusReportCommand({ type: 'DraftStatusReport', year: input.year }, meta));
    return this.mustView(input.year, meta.actor);
  }

  @Mutation(() => StatusReport, { description: 'Writes or revises a chapter of the draft in one language.' })
  async writeStatusReportChapter(@Args('input') input: WriteStatusReportChapterInput, @RequestMeta() meta: Meta): Promise<StatusReport> {
    const lang = input.lang === Lang.EN ? 'en' : 'nb';
    await this.commands.execute(new WriteStatusReportChapterCommand({ type: 'WriteStatusReportChapter', year: input.year, chapter: input.chapter, lang, text: input.text }, meta));
    return this.mustView(input.year, meta.actor);
  }

  @Mutation(() => StatusReport, { description: "Records an agency's annual counts for the draft (its own organisation; the secretariat for any)." })
  async recordStatusReportFigures(@Args('input') input: RecordStatusReportFiguresInput, @RequestMeta() meta: Meta): Promise<StatusReport> {
    const counts = {
      SEXUAL_EXPLOITATION: input.sexualExploitation ?? 0,
      FORCED_LABOUR: input.forcedLabour ?? 0,
      FORCED_CRIMINALITY: input.forcedCriminality ?? 0,
      BEGGING: input.begging ?? 0,
      OTHER: input.other ?? 0,
    };
    await this.commands.execute(new RecordStatusReportFiguresCommand({ type: 'RecordStatusReportFigures', year: input.year, organizationId: input.organizationId, counts }, meta));
    return this.mustView(input.year, meta.actor);
  }

  @Mutation(() => StatusReport, { description: "Records the project group's approving decision for the draft edition." })
  async approveStatusReport(@Args('input') input: ApproveStatusReportInput, @RequestMeta() meta: Meta): Promise<StatusReport> {
    await this.commands.execute(new ApproveStatusReportCommand({ type: 'ApproveStatusReport', year: input.year, decisionId: input.decisionId }, meta));
    return this.mustView(input.year, meta.actor);
  }

  @Mutation(() => StatusReport, { description: 'Publishes the approved edition: public from now on, and never changed.' })
  async publishStatusReport(@Args('input') input: StatusReportYearInput, @RequestMeta() meta: Meta): Promise<StatusReport> {
    await this.commands.execute(new PublishStatusReportCommand({ type: 'PublishStatusReport', year: input.year }, meta));
    return this.mustView(input.year, meta.actor);
  }

  @Mutation(() => StatusReport, { description: 'Opens a correction: the next edition, a draft starting from the published one, saying what changed.' })
  async correctStatusReport(@Args('input') input: CorrectStatusReportInput, @RequestMeta() meta: Meta): Promise<StatusReport> {
    await this.commands.execute(new CorrectStatusReportCommand({ type: 'CorrectStatusReport', year: input.year, note: input.note }, meta));
    return this.mustView(input.year, meta.actor);
  }

  private mustView(year: number, actor: Actor): StatusReport {
    const view = statusReportView(this.reports, year, actor);
    if (!view) throw new NotFound('status report', String(year));
    return view;
  }
}
