import { Controller, Get, Inject, Param, Req, Res, UseFilters } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '@kom/auth';
import { NotFound } from '@kom/kernel';
import { DocumentsService } from '../application/documents.service';
import { FEED_SECRET, feedSecretHash } from '../application/feed-secret';
import { CalendarFeedsQueries } from '../read-models/calendar-feeds.queries';
import { DocumentRefusalFilter } from './http-refusal.filter';
import { sendDocument } from './send-document';

/**
 * Calendar feeds subscribed by URL (calendar programs send no credentials): the secret in the
 * path is the credential. Unknown and revoked secrets answer the same 404; the feed shows what its
 * owner's role and organisation may see.
 */
@Controller('calendar')
@UseFilters(DocumentRefusalFilter)
@Public()
export class CalendarFeedController {
  constructor(
    @Inject(DocumentsService) private readonly documents: DocumentsService,
    @Inject(CalendarFeedsQueries) private readonly feeds: CalendarFeedsQueries,
  ) {}

  @Get(':file')
  async feed(@Param('file') file: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<FastifyReply> {
    const secret = file.endsWith('.ics') ? file.slice(0, -4) : file;
    const feed = FEED_SECRET.test(secret) ? this.feeds.activeByTokenHash(feedSecretHash(secret)) : undefined;
    if (!feed) throw new NotFound('calendar feed', 'given');
    const params = feed.body ? { body: feed.body } : { organizationId: feed.organizationId ?? '' };
    const document = await this.documents.build(
      { kind: 'calendar', format: 'ics', lang: feed.lang, params },
      { role: feed.ownerRole, organizationId: feed.ownerOrganizationId },
    );
    reply.header('referrer-policy', 'no-referrer');
    return sendDocument(request, reply, document, 'live');
  }
}
