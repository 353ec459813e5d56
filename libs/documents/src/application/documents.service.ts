import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '@kom/event-store';
import { BOUNDED_CONTEXTS, READ_MODELS, type BoundedContext } from '@kom/platform';
import type { ReadModelDatabase } from '@kom/projections';
import { DocumentBuilder, type BuiltDocument, type Comparison, type DocumentRequest } from '../document-builder';
import type { Audience } from '../provenance/provenance';
import { LOG_PROOFS, type LogProofs } from '../provenance/log-proofs.port';
import { REPORT_SOURCES, type ReportSources } from '../reports/report-sources.port';

/** The document builder of this process: its live read models when they are on disk, the log otherwise. */
@Injectable()
export class DocumentsService {
  private readonly builder: DocumentBuilder;

  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(BOUNDED_CONTEXTS) contexts: readonly BoundedContext[],
    @Inject(READ_MODELS) readModels: ReadModelDatabase,
    @Inject(LOG_PROOFS) proofs: LogProofs,
    @Inject(REPORT_SOURCES) reportSources: ReportSources,
  ) {
    const file = readModels.db.memory ? undefined : readModels.db.name;
    this.builder = new DocumentBuilder({ store, projections: contexts.flatMap((c) => c.projections), liveReadModelsFile: file, proofs, reportSources });
  }

  build(request: DocumentRequest, audience: Audience): Promise<BuiltDocument> {
    return this.builder.build(request, audience);
  }

  /** Verifies a file for `viewer`: never tells more than their own view of that document holds. */
  verify(bytes: Buffer, viewer: Audience): Promise<Comparison> {
    return this.builder.verify(bytes, viewer);
  }
}
