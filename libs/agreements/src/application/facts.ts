import type { CitedDecision, PartyInput } from '../domain/agreement.commands';
import type { DecisionDirectory, OrganizationDirectory } from './ports';

/** Each proposed party with what the register says about it (null: not registered). */
export async function lookUpParties(
  directory: OrganizationDirectory,
  parties: ReadonlyArray<{ organizationId: string; role: string }>,
): Promise<PartyInput[]> {
  return Promise.all(
    parties.map(async ({ organizationId, role }) => {
      const found = await directory.organization(organizationId);
      return { organizationId, role, organization: found ? { name: found.name, kind: found.kind, roles: found.roles, heldBy: found.heldBy } : null };
    }),
  );
}

/** Each cited decision with its status, UNKNOWN when the directory knows decisions but not this one. */
export async function lookUpDecisions(directory: DecisionDirectory, decisionIds: readonly string[]): Promise<CitedDecision[]> {
  return Promise.all(
    decisionIds.map(async (decisionId): Promise<CitedDecision> => {
      if (!directory.knowsDecisions) return { decisionId, status: 'UNCHECKED' };
      const found = await directory.decision(decisionId.trim());
      return { decisionId, status: found ? found.status : 'UNKNOWN' };
    }),
  );
}
