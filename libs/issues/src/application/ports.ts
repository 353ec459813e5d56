/**
 * Facts from other bounded contexts enter the issues context only through this port; apps/api
 * binds it to @kom/organizations' group-membership read model.
 */
export type IssueGroupKind = 'PROJECT_GROUP' | 'REFERENCE_GROUP';

export interface IssueMembershipLookup {
  /** Whether the organisation belonged to the group on `date` (YYYY-MM-DD, Europe/Oslo). */
  isMemberOn(groupKind: IssueGroupKind, organizationId: string, date: string): boolean | Promise<boolean>;
}

export const ISSUE_MEMBERSHIP = Symbol.for('kom.issues.MembershipLookup');
