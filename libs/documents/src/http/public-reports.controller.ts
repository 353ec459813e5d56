import { Controller, Get, Inject, Param, Query, Req, Res, UseFilters } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '@kom/auth';
import { NotFound } from '@kom/kernel';
import { READ_MODELS } from '@kom/platform';
import type { ReadModelDatabase } from '@kom/projections';
import { statusReportReads, type EditionView } from '@kom/status-reports';
import { DocumentsService } from '../application/documents.service';
import { DocumentRefusalFilter } from './http-refusal.filter';
import { sendDocument } from './send-document';

const FILE = /^([0-9]{1,4})\.(pdf|html)$/;
const YEAR = /^(20[0-9]{2}|2100)$/;

/** Who a published report is built for: nobody in particular, so every reader gets the same bytes. */
export const PUBLIC_AUDIENCE = { role: 'PUBLIC', organizationId: 'public' } as const;

/**
 * Published status reports, without credentials: GET /reports/2027.pdf (the newest published
 * edition) or /reports/2027/1.html, ?lang=nb|en. Built at the position of the edition's publication
 * event, so an edition is the same bytes forever; drafts are not found here.
 */
@Controller('reports')
@UseFilters(DocumentRefusalFilter)
@Public()
export class PublicReportsController {
  constructor(
    @Inject(DocumentsService) private readonly documents: DocumentsService,
    @Inject(READ_MODELS) private readonly readModels: ReadModelDatabase,
  ) {}

  @Get(':file')
  newest(@Param('file') file: string, @Query('lang') lang: string | undefined, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<FastifyReply> {
    const match = FILE.exec(file);
    if (!match || !YEAR.test(match[1]!)) throw new NotFound('status report', file);
    const published = statusReportReads.editions(this.readModels.db, Number(match[1])).filter((e) => e.status === 'PUBLISHED');
    return this.send(published[published.length - 1], match[2]!, lang, request, reply);
  }

  @Get(':year/:file')
  edition(@Param('year') year: string, @Param('file') file: string, @Query('lang') lang: string | undefined, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<FastifyReply> {
    const match = FILE.exec(file);
    if (!match || !YEAR.test(year)) throw new NotFound('status report', `${year}/${file}`);
    const edition = statusReportReads.edition(this.readModels.db, Number(year), Number(match[1]));
    return this.send(edition?.status === 'PUBLISHED' ? edition : undefined, match[2]!, lang, request, reply);
  }

  private async send(edition: EditionView | undefined, format: string, lang: string | undefined, request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> {
    if (!edition?.publishedPosition) throw new NotFound('published status report', 'given');
    const document = await this.documents.build(
      { kind: 'annual-report', format, lang, params: { year: String(edition.year), edition: String(edition.edition) }, position: BigInt(edition.publishedPosition) },
      PUBLIC_AUDIENCE,
    );
    return sendDocument(request, reply, document, 'published');
  }
}
