import { createHash, randomUUID } from 'node:crypto';

export function newId(): string {
  return randomUUID();
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
