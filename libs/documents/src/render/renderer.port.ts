import type { Provenance } from '../provenance/provenance';
import type { DocumentModel } from './document-model';

export type DocumentFormat = 'pdf' | 'html' | 'csv' | 'xlsx' | 'ics';

export const CONTENT_TYPES: Readonly<Record<DocumentFormat, string>> = {
  pdf: 'application/pdf',
  html: 'text/html; charset=utf-8',
  csv: 'text/csv; charset=utf-8; header=present',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ics: 'text/calendar; charset=utf-8',
};

/**
 * Turns a document model and its provenance into bytes. A renderer is deterministic: the same
 * model and provenance give the same bytes (no clock, no random ids, fixed archive timestamps).
 */
export interface DocumentRenderer<M extends DocumentModel = DocumentModel> {
  readonly format: DocumentFormat;
  render(model: M, provenance: Provenance): Promise<Buffer>;
  /** Reads the provenance stamp back out of bytes this renderer wrote; undefined when none is there. */
  readStamp(bytes: Buffer): Promise<string | undefined>;
}
