import { Module } from '@nestjs/common';
import { DocumentsService } from './application/documents.service';
import { CreateCalendarFeedHandler } from './application/create-calendar-feed.command';
import { RevokeCalendarFeedHandler } from './application/revoke-calendar-feed.command';
import { CalendarFeedsQueries } from './read-models/calendar-feeds.queries';
import { DocumentsController } from './http/documents.controller';
import { CalendarFeedController } from './http/calendar-feed.controller';
import { DocumentsResolver } from './graphql/documents.resolver';
import { CalendarFeedResolver } from './graphql/calendar-feed.resolver';

/** Documents KOM publishes, built from the log with provenance; calendar feeds by secret URL. */
@Module({
  controllers: [DocumentsController, CalendarFeedController],
  providers: [DocumentsService, CalendarFeedsQueries, CreateCalendarFeedHandler, RevokeCalendarFeedHandler, DocumentsResolver, CalendarFeedResolver],
})
export class DocumentsModule {}
