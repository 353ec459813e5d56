import type { Actor } from '@kom/kernel';

/** The one rule of who sees representatives lives in the kernel: issues' timelines apply it too. */
export { canIdentifyRepresentatives, canSeeRepresentatives } from '@kom/kernel';

/** Restricted personal data is hidden from everyone but auditors (erased data from everyone). */
export function mayReadRestricted(actor: Actor): boolean {
  return actor.role === 'AUDITOR';
}
