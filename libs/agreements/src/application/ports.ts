/**
 * Facts from other bounded contexts enter the agreements context only through these ports. The
 * application (apps/api) binds them; the command handlers look facts up and hand them to the pure
 * decider inside the command, which then enforces every rule.
 */

/** An organisation in the register. `kind` is the register's kind key (POLICE, NGO, AGENCY, ...). */
export interface DirectoryOrganization {
  readonly id: string;
  readonly name: string;
  readonly kind: string;
  /** Its roles over time (MEMBER_AGENCY, NGO, POLICE, SECRETARIAT_HOST, ...): [from, until) calendar days. */
  readonly roles: ReadonlyArray<{ readonly role: string; readonly from: string; readonly until: string | null }>;
  /** A merged police district: the organisation that holds its place today; null otherwise. */
  readonly heldBy: { readonly organizationId: string; readonly name: string } | null;
}

/** The register of organisations (bound to @kom/organizations' read models). */
export interface OrganizationDirectory {
  /** Undefined when no organisation has this id. May be synchronous or async. */
  organization(id: string): DirectoryOrganization | undefined | Promise<DirectoryOrganization | undefined>;
  /**
   * The organisations whose place this one holds today: the police districts merged into it,
   * directly or through earlier merges (none for most organisations).
   */
  placesHeldBy(organizationId: string): readonly string[] | Promise<readonly string[]>;
  /** Who holds an organisation's place today: a merged district's successor; undefined when it holds its own. */
  holderOf(organizationId: string): { readonly organizationId: string; readonly name: string } | undefined;
}

export const ORGANIZATION_DIRECTORY = Symbol.for('kom.agreements.OrganizationDirectory');

export type DirectoryDecisionStatus = 'ACTIVE' | 'SUPERSEDED' | 'REVOKED';

export interface DirectoryDecision {
  readonly decisionId: string;
  readonly status: DirectoryDecisionStatus;
}

/**
 * KOM's decisions (to be bound to the meetings read side's decisions).
 *
 * `knowsDecisions` says whether the directory is authoritative. When true, `decision(id)` answering
 * undefined means the decision does not exist, and citing it is refused (CITED_DECISION_NOT_FOUND);
 * citing a REVOKED decision is refused too (CITED_DECISION_REVOKED). When false (no read side of
 * decisions is bound yet), cited ids are recorded as given, unchecked.
 */
export interface DecisionDirectory {
  readonly knowsDecisions: boolean;
  decision(decisionId: string): DirectoryDecision | undefined | Promise<DirectoryDecision | undefined>;
}

export const DECISION_DIRECTORY = Symbol.for('kom.agreements.DecisionDirectory');

/** The directory to bind until a read side of decisions is available: it knows no decisions. */
export const decisionsNotYetKnown: DecisionDirectory = {
  knowsDecisions: false,
  decision: () => undefined,
};
