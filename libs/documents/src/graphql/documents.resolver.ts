import { Args, Query, Resolver } from '@nestjs/graphql';
import { Inject } from '@nestjs/common';
import { CurrentActor } from '@kom/auth';
import { AccessLog, Lang } from '@kom/platform';
import type { Actor } from '@kom/kernel';
import { DocumentsService } from '../application/documents.service';
import { parsePosition } from '../http/documents.controller';
import { DocumentInput, DocumentLink } from './documents.types';

/** The register of decisions is an export of the record: who took it is logged. */
export const isDecisionRegister = (kind: string) => kind === 'decision-register';

const PARAMS = ['meetingId', 'body', 'organizationId', 'measure', 'plan', 'status', 'from', 'to', 'year', 'edition'] as const;

/** Document metadata and a download URL; the file itself is a plain HTTP GET. */
@Resolver()
export class DocumentsResolver {
  constructor(
    @Inject(DocumentsService) private readonly documents: DocumentsService,
    @Inject(AccessLog) private readonly accessLog: AccessLog,
  ) {}

  @Query(() => DocumentLink, {
    description:
      'Builds the document from the log (as of `position`, or now) with the access rules of the read side, and answers where to GET it and its provenance.',
  })
  async document(@Args('input') input: DocumentInput, @CurrentActor() actor: Actor): Promise<DocumentLink> {
    const params: Record<string, string> = {};
    for (const key of PARAMS) if (input[key] !== undefined && input[key] !== null) params[key] = String(input[key]);
    const lang = input.lang === Lang.EN ? 'en' : 'nb';
    const built = await this.documents.build({ kind: input.kind, format: input.format, lang, params, position: parsePosition(input.position ?? undefined) }, actor);
    // Built first (a refused request records nothing), recorded before it is answered.
    if (isDecisionRegister(input.kind)) await this.accessLog.record(actor, { read: 'DECISION_REGISTER', ids: [], range: null, format: input.format, via: 'GRAPHQL' });
    const query = new URLSearchParams({ ...params, lang, position: built.provenance.position });
    return {
      title: built.title,
      fileName: built.fileName,
      contentType: built.contentType,
      url: `/documents/${input.kind}.${input.format}?${query.toString()}`,
      byteLength: built.bytes.length,
      sha256: built.sha256,
      position: built.provenance.position,
      eventHash: built.provenance.eventHash,
      rootHash: built.provenance.rootHash,
      treeSize: built.provenance.treeSize,
      checkpointTreeSize: built.provenance.checkpoint?.treeSize ?? null,
    };
  }
}
