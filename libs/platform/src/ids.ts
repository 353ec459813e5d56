import { createHash } from 'node:crypto';
import { v7 } from 'uuid';

/**
 * A new id (events, and the records commands create): a UUID of version 7, which begins with the
 * millisecond it was made and counts up within one (RFC 9562). Time-ordered ids land at the end of
 * every index keyed by them (the log's event ids, the notary's leaves, an organisation's row), so a
 * commit writes one index page for a batch of new rows where random ids wrote one each. They tell
 * when a record was made, which the record says anyway; they are names, never secrets (tokens,
 * feed secrets and keys come from their own random bytes).
 */
export function newId(): string {
  return v7();
}

/**
 * An event id derived from what caused it, formatted as a UUID (version 8, name-based). A reactor
 * that handles the same triggering event twice after a crash produces the same ids, and the store's
 * idempotent append turns the second attempt into a no-op.
 */
export function derivedEventId(causationId: string, index: number): string {
  const hex = createHash('sha256').update(`${causationId}\u0000${index}`).digest('hex');
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
