import type { Actor } from '@kom/kernel';

/**
 * Who may see an organisation's representatives (names and e-mail addresses are personal data):
 *  - the secretariat, which keeps the register;
 *  - agency members: the project group's agencies are public bodies that coordinate with the
 *    representatives directly and are bound by the public administration's duty of confidentiality;
 *  - anyone acting for the same organisation.
 * Never NGO representatives of other organisations, and not auditors: the audit trail names
 * representatives by id, which is all a replay needs.
 */
export function canSeeRepresentatives(actor: Actor, organizationId: string): boolean {
  if (actor.role === 'SECRETARIAT' || actor.role === 'SYSTEM' || actor.role === 'AGENCY_MEMBER') return true;
  return actor.organizationId === organizationId;
}

/** Restricted personal data is hidden from everyone but auditors (erased data from everyone). */
export function mayReadRestricted(actor: Actor): boolean {
  return actor.role === 'AUDITOR';
}
