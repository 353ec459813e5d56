import type { Actor } from '@kom/kernel';
import { isFullySigned, type Agreement } from './agreement.state';

/**
 * Who reads what of an agreement:
 *  - the KOM secretariat and auditors read everything;
 *  - a member of a party (an organisation named as a party in any version, or the successor of a
 *    merged police district that is one) reads everything of it;
 *  - every other authenticated user reads only the fully signed versions, so an agreement appears
 *    to them once one version is signed by all (PENDING, IN_FORCE, and afterwards EXPIRED or
 *    TERMINATED: signed agreements stay on the public record); drafts and versions still collecting
 *    signatures stay with the parties and the secretariat.
 * Returns the agreement as the actor may see it, or undefined when it may see nothing of it.
 */
export function visibleTo(agreement: Agreement, actor: Actor, actingFor: readonly string[] = []): Agreement | undefined {
  if (actor.role === 'SECRETARIAT' || actor.role === 'AUDITOR' || actor.role === 'SYSTEM') return agreement;
  if (isPartyMember(agreement, actor, actingFor)) return agreement;
  const versions = agreement.versions.filter(isFullySigned);
  return versions.length === 0 ? undefined : { ...agreement, versions };
}

/**
 * A member of a party: of an organisation named as a party in any version, or of the organisation
 * that holds a merged party's place (`actingFor`: the police districts merged into the actor's).
 */
export function isPartyMember(agreement: Agreement, actor: Actor, actingFor: readonly string[] = []): boolean {
  const acts = new Set([actor.organizationId, ...actingFor]);
  return agreement.versions.some((v) => v.parties.some((p) => acts.has(p.organizationId)));
}
