export { DocumentsModule } from './documents.module';
export { documentsContext } from './documents.context';
export { DocumentBuilder, readAnyStamp, type DocumentRequest, type BuiltDocument, type Comparison } from './document-builder';
export { DOCUMENT_KINDS, type DocumentKindName } from './document-kinds';
export { parseStamp, stampJson, StampError, type Provenance, type Audience } from './provenance/provenance';
export { neutraliseFormula } from './render/csv.renderer';
export { calendarFeedDecider, calendarFeedStream } from './domain/calendar-feed.decider';
export { LOG_PROOFS, type LogProofs, type PositionProof } from './provenance/log-proofs.port';
export type { ProvenanceCheckpoint } from './provenance/provenance';
