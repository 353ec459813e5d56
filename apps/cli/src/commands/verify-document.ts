import { readFileSync } from 'node:fs';
import { createEventStore } from '@kom/event-store';
import { DocumentBuilder, describeLayoutChange } from '@kom/documents';
import { readModelReportSources } from '../../../api/src/wiring/report-sources';
import type { KomConfig } from '@kom/platform';
import { CONTEXTS, UPCASTERS } from '../../../api/src/contexts';
import { ReplayLogProofs } from '../../../api/src/wiring/log-proofs';

/** The document is not what the log gives for its stamp: exit code 1. */
export class DocumentDiffers extends Error {
  override readonly name = 'DocumentDiffers';
}

/** Reads a document's stamp, rebuilds it from the log at that position, and says "identical" or what differs. */
export async function verifyDocument(file: string, config: KomConfig, out: (line: string) => void): Promise<void> {
  const bytes = readFileSync(file);
  const store = await createEventStore({ eventStoreUrl: config.eventStoreUrl, dataDir: config.dataDir, upcasters: UPCASTERS });
  try {
    const builder = new DocumentBuilder({ store, projections: CONTEXTS.flatMap((c) => c.projections), proofs: new ReplayLogProofs(store), reportSources: readModelReportSources });
    const result = await builder.verify(bytes);
    const what = `${result.provenance.kind} (${result.provenance.format}, ${result.provenance.lang}) at position ${result.provenance.position}`;
    if (!result.identical && result.reason === 'LAYOUT_CHANGED') {
      out(`  ${describeLayoutChange(result)}`);
      throw new DocumentDiffers(`${file} cannot be compared byte for byte with ${what}: another document layout`);
    }
    if (!result.identical) {
      for (const line of result.differences) out(`  ${line}`);
      throw new DocumentDiffers(`${file} is not what the log gives for ${what}`);
    }
    out(`${file}: identical to the ${what} rebuilt from the log (sha256 ${result.sha256})`);
  } finally {
    await store.close();
  }
}
