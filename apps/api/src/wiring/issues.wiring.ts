import type { DynamicModule } from '@nestjs/common';
import { IssuesModule } from '@kom/issues';
import { GroupMembershipQueries, OrganizationsModule } from '@kom/organizations';

/**
 * The issues context with its port bound: ISSUE_MEMBERSHIP answers whether an organisation belongs
 * to the reference group (to submit) or either group (to comment) on a date, from the organisations
 * context's membership read model.
 */
export function issuesModule(): DynamicModule {
  return IssuesModule.forRoot({
    imports: [OrganizationsModule],
    membership: { useExisting: GroupMembershipQueries },
  });
}
