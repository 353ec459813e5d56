import type { DynamicModule } from '@nestjs/common';
import { IssuesModule } from '@kom/issues';
import { GroupMembershipQueries, OrganizationsModule } from '@kom/organizations';
import { citableMeasuresBinding } from './citable-measures';
import { meetingsModule } from './meetings.wiring';

/**
 * The issues context with its port bound: ISSUE_MEMBERSHIP answers whether an organisation belongs
 * to the reference group (to submit) or either group (to comment) on a date, from the organisations
 * context's membership read model; CITABLE_MEASURES, the measures citations are checked against,
 * from the measures read model. The meetings context is imported for the slot through which an
 * agenda item with a source issue is added together with the issue's placement.
 */
export function issuesModule(): DynamicModule {
  return IssuesModule.forRoot({
    imports: [OrganizationsModule, meetingsModule()],
    membership: { useExisting: GroupMembershipQueries },
    citableMeasures: citableMeasuresBinding,
  });
}
