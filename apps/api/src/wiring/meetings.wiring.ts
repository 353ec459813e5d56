import type { DynamicModule } from '@nestjs/common';
import { MEMBERSHIP_LOOKUP, MeetingsModule } from '@kom/meetings';
import { GroupMembershipQueries, OrganizationsModule } from '@kom/organizations';

/**
 * The meetings context with its ports bound: MEMBERSHIP_LOOKUP answers who belonged to a group on
 * a date from the organisations context's membership read model. (MEETING_LOOKUP is provided by the
 * meetings context itself, over its own read models.)
 */
const MEETINGS: DynamicModule = {
  module: MeetingsModule,
  imports: [OrganizationsModule],
  providers: [{ provide: MEMBERSHIP_LOOKUP, useExisting: GroupMembershipQueries }],
};

/** One object, so that every importer (the app, the agreements wiring) gets the same module instance. */
export function meetingsModule(): DynamicModule {
  return MEETINGS;
}
