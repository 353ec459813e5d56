import { Args, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import { Inject } from '@nestjs/common';
import { CurrentActor, RequestMeta } from '@kom/auth';
import { NotFound, type Actor } from '@kom/kernel';
import { Lang, type Meta } from '@kom/platform';
import { DraftStatusReportCommand } from '../application/draft-status-report.command';
import { WriteStatusReportChapterCommand } from '../application/write-status-report-chapter.command';
import { RecordStatusReportFiguresCommand } from '../application/record-status-report-figures.command';
import { ApproveStatusReportCommand } from '../application/approve-status-report.command';
import { PublishStatusReportCommand } from '../application/publish-status-report.command';
import { CorrectStatusReportCommand } from '../application/correct-status-report.command';
import { StatusReportsQueries, type EditionView } from '../read-models/status-reports.queries';
import { mayReadDrafts } from '../domain/report-access';
import {
  ApproveStatusReportInput,
  CorrectStatusReportInput,
  RecordStatusReportFiguresInput,
  ReportChapterEnum,
  ReportEditionStatusEnum,
  ReportFigures,
  StatusReport,
  StatusReportEdition,
  StatusReportYearInput,
  WriteStatusReportChapterInput,
} from './status-report.types';

/** The annual status report: the secretariat writes, agencies add figures, the project group approves, anyone reads what is published. */
@Resolver(() => StatusReport)
export class StatusReportResolver {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(StatusReportsQueries) private readonly reports: StatusReportsQueries,
  ) {}

  @Query(() => StatusReport, { nullable: true, description: 'The status report of a year as this caller may see it (null: none, or none published yet).' })
  statusReport(@Args('year', { type: () => Int }) year: number, @CurrentActor() actor: Actor): StatusReport | null {
    return this.view(year, actor);
  }

  @Query(() => [Int], { description: 'Years that have a status report this caller may see, newest first.' })
  statusReportYears(@CurrentActor() actor: Actor): number[] {
    return this.reports.years().filter((year) => this.view(year, actor) !== null);
  }

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
    const view = this.view(year, actor);
    if (!view) throw new NotFound('status report', String(year));
    return view;
  }

  private view(year: number, actor: Actor): StatusReport | null {
    const drafts = mayReadDrafts(actor.role);
    const editions = this.reports.editions(year).filter((e) => drafts || e.status === 'PUBLISHED');
    const newest = editions[editions.length - 1];
    if (!newest) return null;
    return { year, edition: newest.edition, status: newest.status as ReportEditionStatusEnum, editions: editions.map((e) => this.edition(e, drafts)) };
  }

  private edition(e: EditionView, drafts: boolean): StatusReportEdition {
    const figures = new Map<string, ReportFigures>();
    if (drafts) {
      for (const f of this.reports.figures(e.year, e.edition)) {
        const row = figures.get(f.organizationId) ?? { organizationId: f.organizationId, sexualExploitation: 0, forcedLabour: 0, forcedCriminality: 0, begging: 0, other: 0 };
        const key = ({ SEXUAL_EXPLOITATION: 'sexualExploitation', FORCED_LABOUR: 'forcedLabour', FORCED_CRIMINALITY: 'forcedCriminality', BEGGING: 'begging', OTHER: 'other' } as const)[f.category];
        row[key] = f.count;
        figures.set(f.organizationId, row);
      }
    }
    return {
      edition: e.edition,
      status: e.status as ReportEditionStatusEnum,
      correctionNote: e.correctionNote,
      decisionId: e.decisionId,
      approvedAt: e.approvedAt,
      publishedAt: e.publishedAt,
      publishedPosition: e.publishedPosition,
      publicUrl: e.status === 'PUBLISHED' ? `/reports/${e.year}/${e.edition}.pdf` : null,
      chapters: this.reports.chapters(e.year, e.edition).map((c) => ({ chapter: c.chapter as ReportChapterEnum, lang: c.lang === 'en' ? Lang.EN : Lang.NB, text: c.text, writtenAt: c.writtenAt })),
      figures: [...figures.values()],
    };
  }
}
