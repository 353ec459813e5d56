import { Module, type DynamicModule, type ModuleMetadata, type Provider } from '@nestjs/common';
import type { PortBinding } from '@kom/platform';
import { LOG_PROOFS } from './provenance/log-proofs.port';
import { REPORT_SOURCES } from './reports/report-sources.port';
import { PublicReportsController } from './http/public-reports.controller';
import { DocumentsService } from './application/documents.service';
import { CreateCalendarFeedHandler } from './application/create-calendar-feed.command';
import { RevokeCalendarFeedHandler } from './application/revoke-calendar-feed.command';
import { CalendarFeedsQueries } from './read-models/calendar-feeds.queries';
import { DocumentsController } from './http/documents.controller';
import { CalendarFeedController } from './http/calendar-feed.controller';
import { DocumentsResolver } from './graphql/documents.resolver';
import { CalendarFeedResolver } from './graphql/calendar-feed.resolver';
import { CalendarFeedMutationsResolver } from './graphql/calendar-feed-mutations.resolver';

export interface DocumentsModuleOptions {
  readonly imports?: ModuleMetadata['imports'];
  /** LOG_PROOFS: Merkle root and signed checkpoint of a log position (the audit context's). */
  readonly proofs: PortBinding;
  /** REPORT_SOURCES: issue and agreement figures for the annual report. */
  readonly reportSources: PortBinding;
}

/** Documents KOM publishes, built from the log with provenance; calendar feeds by secret URL. */
@Module({})
export class DocumentsModule {
  static forRoot(options: DocumentsModuleOptions): DynamicModule {
    return {
      module: DocumentsModule,
      imports: [...(options.imports ?? [])],
      controllers: [DocumentsController, CalendarFeedController, PublicReportsController],
      providers: [
        { ...options.proofs, provide: LOG_PROOFS } as Provider,
        { ...options.reportSources, provide: REPORT_SOURCES } as Provider,
        DocumentsService,
        CalendarFeedsQueries,
        CreateCalendarFeedHandler,
        RevokeCalendarFeedHandler,
        DocumentsResolver,
        CalendarFeedResolver,
        CalendarFeedMutationsResolver,
      ],
    };
  }
}
