import { Body, Controller, Get, Inject, Param, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentActor, Roles } from '@kom/auth';
import { InvalidInput, type Actor } from '@kom/kernel';
import { AccessLog } from '@kom/platform';
import { DocumentsService } from '../application/documents.service';
import { describeLayoutChange } from '../document-builder';
import { DocumentRefusalFilter } from './http-refusal.filter';
import { sendDocument } from './send-document';

const NAME = /^([a-z-]+)\.([a-z]+)$/;
const POSITION = /^[1-9][0-9]{0,38}$/;

export function parsePosition(raw: unknown): bigint | undefined {
  if (raw === undefined || raw === '') return undefined;
  if (typeof raw !== 'string' || !POSITION.test(raw)) throw new InvalidInput('INVALID_POSITION', 'position is a log position: a whole number of 1 or more');
  return BigInt(raw);
}

/**
 * Documents over plain HTTP: GET /documents/agenda.pdf?meetingId=…&lang=nb[&position=…], with the
 * same access rules as the read side (the caller's role and organisation decide what is in it).
 */
@Controller('documents')
@UseFilters(DocumentRefusalFilter)
@Roles('SECRETARIAT', 'AGENCY_MEMBER', 'NGO_REPRESENTATIVE', 'AUDITOR')
export class DocumentsController {
  constructor(
    @Inject(DocumentsService) private readonly documents: DocumentsService,
    @Inject(AccessLog) private readonly accessLog: AccessLog,
  ) {}

  @Get(':name')
  async download(
    @Param('name') name: string,
    @Query() query: Record<string, unknown>,
    @CurrentActor() actor: Actor,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<FastifyReply> {
    const match = NAME.exec(name);
    if (!match) throw new InvalidInput('UNKNOWN_DOCUMENT_KIND', 'ask for a document as <kind>.<format>, for example agenda.pdf');
    const { lang, position: rawPosition, ...params } = query;
    const position = parsePosition(rawPosition);
    const document = await this.documents.build({ kind: match[1]!, format: match[2]!, lang: lang as string | undefined, params, position }, actor);
    // The register leaves only once its export is recorded (a failed append sends an error instead).
    if (match[1] === 'decision-register') await this.accessLog.record(actor, { read: 'DECISION_REGISTER', ids: [], range: null, format: match[2]!, via: 'HTTP' });
    return sendDocument(request, reply, document, position !== undefined ? 'fixed' : 'live');
  }

  /** Rebuilds a document from the log as of its stamp and says whether the bytes are the same. */
  @Post('verify')
  async verify(@Body() body: { contentBase64?: unknown }, @CurrentActor() actor: Actor) {
    if (typeof body?.contentBase64 !== 'string' || body.contentBase64.length === 0) {
      throw new InvalidInput('DOCUMENT_REQUIRED', 'send {"contentBase64": "<the file, base64>"}');
    }
    const result = await this.documents.verify(Buffer.from(body.contentBase64, 'base64'), actor);
    const { position, kind } = result.provenance;
    if (result.identical) return { identical: true, position, kind, sha256: result.sha256 };
    if (result.reason === 'CONTENT_DIFFERS') return { identical: false, reason: result.reason, position, kind, differences: result.differences };
    return { identical: false, reason: result.reason, position, kind, layout: result.layout, stampMatchesLog: result.stampMatchesLog, differences: [describeLayoutChange(result)] };
  }
}
