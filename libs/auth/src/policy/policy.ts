import { ROLES, type Role } from '@kom/kernel';

/**
 * An access policy for one schema coordinate (`Mutation.signAgreement`, `Query.auditTrail`,
 * `Organization.representatives`): which roles may reach it at all, and, for roles that act only for
 * their own organisation, where that rule is enforced (the decider, which receives the verified actor,
 * or the read side that filters by it) and with which refusal reasons.
 */
export interface Policy {
  /** The roles that pass the guard, or PUBLIC (no token needed; only for data that is public anyway). */
  readonly allow: readonly Role[] | 'PUBLIC';
  /** What the operation does, for people reading the table. */
  readonly summary: string;
  /**
   * Roles that may act only for (or read only) their own organisation. The guard cannot know the
   * target organisation; the command's decider (or the read model) enforces it with the actor.
   */
  readonly ownOrganization?: {
    readonly roles: readonly Role[];
    readonly rule: string;
    /** `extensions.reason` of the refusal, so a test or a reader can find the rule in the code. */
    readonly reasons: readonly string[];
  };
  /**
   * Roles the guard lets through but the decider (or the read side) always refuses, with these
   * reasons: kept where a context's own tests pin the decider's reason. They count as denied.
   */
  readonly refusedAfterGuard?: { readonly roles: readonly Role[]; readonly reasons: readonly string[] };
}

export type PolicyTable = Readonly<Record<string, Policy>>;

export const ALL_ROLES: readonly Role[] = ROLES;

export function coordinateOf(parentType: string, fieldName: string): string {
  return `${parentType}.${fieldName}`;
}

export function allows(policy: Policy, role: string): boolean {
  return policy.allow === 'PUBLIC' || (policy.allow as readonly string[]).includes(role);
}

/** What the platform as a whole answers: the guard's verdict, less the roles the decider always refuses. */
export function mayAct(policy: Policy, role: string): boolean {
  return allows(policy, role) && !(policy.refusedAfterGuard?.roles as readonly string[] | undefined)?.includes(role);
}

export function isOwnOrganizationOnly(policy: Policy, role: string): boolean {
  return !!policy.ownOrganization && (policy.ownOrganization.roles as readonly string[]).includes(role);
}

/** The policy table as Markdown: one row per coordinate, one column per role (docs/api/auth-and-roles.md). */
export function policyTableMarkdown(table: PolicyTable, filter: (coordinate: string) => boolean = () => true): string {
  const header = `| operation | ${ROLES.join(' | ')} | what it does |`;
  const rule = `| --- | ${ROLES.map(() => ':---:').join(' | ')} | --- |`;
  const rows = Object.keys(table)
    .filter(filter)
    .sort()
    .map((coordinate) => {
      const policy = table[coordinate];
      const cells = ROLES.map((role) => {
        if (policy.allow === 'PUBLIC') return 'public';
        if (!mayAct(policy, role)) return '—';
        return isOwnOrganizationOnly(policy, role) ? 'own org' : 'yes';
      });
      const own = policy.ownOrganization ? ` Own organisation: ${policy.ownOrganization.rule} (${policy.ownOrganization.reasons.join(', ')}).` : '';
      const after = policy.refusedAfterGuard
        ? ` ${policy.refusedAfterGuard.roles.join(', ')}: refused after the guard (${policy.refusedAfterGuard.reasons.join(', ')}).`
        : '';
      return `| \`${coordinate}\` | ${cells.join(' | ')} | ${policy.summary}.${own}${after} |`;
    });
  return [header, rule, ...rows].join('\n');
}
