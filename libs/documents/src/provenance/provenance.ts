import { canonicalJson } from '@kom/kernel';

/** Who a document was built for: the view decides what it may show (never a user id). */
export interface Audience {
  readonly role: string;
  readonly organizationId: string;
}

/** What a document was built from, and how: enough to rebuild it and compare. */
export interface DocumentRecipe {
  readonly kind: string;
  readonly format: string;
  readonly lang: 'nb' | 'en';
  /** The kind's parameters (meeting id, filters, ...), strings only. */
  readonly params: Readonly<Record<string, string>>;
  readonly audience: Audience;
}

/** The signed checkpoint at or before the document's position (none while the log has none). */
export interface ProvenanceCheckpoint {
  readonly treeSize: number;
  readonly rootHash: string;
  readonly position: string;
  readonly keyId: string;
  readonly signature: string;
}

/**
 * Where a document came from: the log position its read models were built to, the chain hash of
 * the event at that position, the Merkle root of the leaves up to it, and the signed checkpoint
 * that position extends. Fixed by the position, so the same position gives the same stamp; a
 * later checkpoint proves (consistency proof) that the root at this position is in the signed log.
 */
export interface Provenance extends DocumentRecipe {
  /** The layout the bytes were built with (render/layout.ts); absent in stamps made before layouts were recorded. */
  readonly layout?: number;
  readonly position: string;
  readonly eventHash: string | null;
  /** When the event at `position` was recorded: the document's only timestamp. */
  readonly recordedAt: string;
  readonly treeSize: number;
  readonly rootHash: string;
  readonly checkpoint: ProvenanceCheckpoint | null;
}

export const STAMP_SCHEMA = 'kom-document/v1';

/** The stamp as one line of canonical JSON (keys sorted, no whitespace). */
export function stampJson(provenance: Provenance): string {
  return canonicalJson({ schema: STAMP_SCHEMA, ...provenance });
}

/** The stamp as base64url: for places that cannot hold JSON punctuation (PDF info, iCalendar). */
export function stampToken(provenance: Provenance): string {
  return Buffer.from(stampJson(provenance), 'utf8').toString('base64url');
}

export class StampError extends Error {
  override readonly name = 'StampError';
}

export function parseStamp(text: string): Provenance {
  const json = text.trim().startsWith('{') ? text.trim() : Buffer.from(text.trim(), 'base64url').toString('utf8');
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw new StampError('the provenance stamp is not valid JSON');
  }
  const v = value as Record<string, unknown>;
  if (!v || v.schema !== STAMP_SCHEMA) throw new StampError(`the provenance stamp is not a ${STAMP_SCHEMA} stamp`);
  const fields = ['kind', 'format', 'lang', 'position', 'rootHash', 'recordedAt'] as const;
  for (const f of fields) if (typeof v[f] !== 'string') throw new StampError(`the provenance stamp has no ${f}`);
  if (typeof v.params !== 'object' || v.params === null) throw new StampError('the provenance stamp has no params');
  if (v.layout !== undefined && !(Number.isSafeInteger(v.layout) && (v.layout as number) >= 1)) throw new StampError('the provenance stamp has a layout that is not a positive integer');
  const audience = v.audience as Record<string, unknown> | undefined;
  if (!audience || typeof audience.role !== 'string' || typeof audience.organizationId !== 'string') {
    throw new StampError('the provenance stamp has no audience');
  }
  const { schema: _schema, ...provenance } = v;
  return provenance as unknown as Provenance;
}

/** The words of a stamp summary, in the document's language. */
export interface StampWords {
  readonly position: string;
  readonly rootHash: string;
  readonly checkpoint: string;
}

/** One line a person can read: position, hash, root and checkpoint, shortened. */
export function stampSummary(p: Provenance, words: StampWords): string {
  const short = (hex: string | null) => (hex ? hex.slice(0, 16) : '—');
  const checkpoint = p.checkpoint ? String(p.checkpoint.treeSize) : '—';
  return `${words.position} ${p.position} · hash ${short(p.eventHash)} · ${words.rootHash} ${short(p.rootHash)} (${p.treeSize}) · ${words.checkpoint} ${checkpoint}`;
}
