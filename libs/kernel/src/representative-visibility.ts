import type { Actor } from './actor';

/**
 * Who may see who acts for an organisation (its representatives' names and e-mail addresses, and
 * the user ids they act under, wherever they appear): the secretariat, which keeps the register;
 * agency members (the project group's agencies are public bodies that coordinate with the
 * representatives directly and are bound by the public administration's duty of confidentiality);
 * anyone acting for the same organisation. Never NGO representatives of other organisations, and not
 * auditors through an organisation's list.
 */
export function canSeeRepresentatives(actor: Actor, organizationId: string): boolean {
  if (actor.role === 'SECRETARIAT' || actor.role === 'SYSTEM' || actor.role === 'AGENCY_MEMBER') return true;
  return actor.organizationId === organizationId;
}

/**
 * Whether a reader may be told which user acted for an organisation, or look one representative up
 * by id: whoever may see its representatives, and auditors, whose trail names every actor by id
 * (which is all a replay needs).
 */
export function canIdentifyRepresentatives(actor: Actor, organizationId: string): boolean {
  return actor.role === 'AUDITOR' || canSeeRepresentatives(actor, organizationId);
}
