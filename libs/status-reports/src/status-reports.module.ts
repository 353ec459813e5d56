import { Module, type DynamicModule, type ModuleMetadata, type Provider } from '@nestjs/common';
import type { PortBinding } from '@kom/platform';
import { STATUS_REPORT_DECISIONS } from './application/ports';
import { DraftStatusReportHandler } from './application/draft-status-report.command';
import { WriteStatusReportChapterHandler } from './application/write-status-report-chapter.command';
import { RecordStatusReportFiguresHandler } from './application/record-status-report-figures.command';
import { ApproveStatusReportHandler } from './application/approve-status-report.command';
import { PublishStatusReportHandler } from './application/publish-status-report.command';
import { CorrectStatusReportHandler } from './application/correct-status-report.command';
import { StatusReportsQueries } from './read-models/status-reports.queries';
import { StatusReportResolver } from './graphql/status-report.resolver';
import { StatusReportMutationsResolver } from './graphql/status-report-mutations.resolver';

export interface StatusReportsModuleOptions {
  readonly imports?: ModuleMetadata['imports'];
  /** STATUS_REPORT_DECISIONS: decisions with the body of their meeting (the meetings read side). */
  readonly decisions: PortBinding;
}

/** The annual status report (measure 6). */
@Module({})
export class StatusReportsModule {
  static forRoot(options: StatusReportsModuleOptions): DynamicModule {
    return {
      module: StatusReportsModule,
      imports: [...(options.imports ?? [])],
      providers: [
        { ...options.decisions, provide: STATUS_REPORT_DECISIONS } as Provider,
        StatusReportsQueries,
        DraftStatusReportHandler,
        WriteStatusReportChapterHandler,
        RecordStatusReportFiguresHandler,
        ApproveStatusReportHandler,
        PublishStatusReportHandler,
        CorrectStatusReportHandler,
        StatusReportResolver,
        StatusReportMutationsResolver,
      ],
      exports: [StatusReportsQueries],
    };
  }
}
