import type { DynamicModule } from '@nestjs/common';
import { DocumentsModule } from '@kom/documents';
import { ProjectionsService, READ_MODELS } from '@kom/platform';
import type { ReadModelDatabase } from '@kom/projections';
import { LiveLogProofs } from './log-proofs';
import { readModelReportSources } from './report-sources';

/**
 * The documents context with LOG_PROOFS bound to the audit context's read models: the Merkle root
 * at a position and the signed checkpoint it extends, once this replica's projections reached it.
 */
export function documentsModule(): DynamicModule {
  return DocumentsModule.forRoot({
    proofs: {
      inject: [READ_MODELS, ProjectionsService],
      useFactory: (readModels: ReadModelDatabase, projections: ProjectionsService) =>
        new LiveLogProofs(readModels.db, (position) => projections.waitFor(position)),
    },
    reportSources: { useValue: readModelReportSources },
  });
}
