import type { DynamicModule } from '@nestjs/common';
import { MEMBERSHIP_LOOKUP, MeetingsModule } from '@kom/meetings';
import { GroupMembershipQueries, OrganizationsModule } from '@kom/organizations';
import { citableMeasuresProvider } from './citable-measures';

/**
 * The meetings context with its ports bound: MEMBERSHIP_LOOKUP answers who belonged to a group on
 * a date from the organisations context's membership read model. (MEETING_LOOKUP is provided by the
 * meetings context itself, over its own read models.) CITABLE_MEASURES: the measures of every plan,
 * from the measures read model, which citations are checked against.
 */
const MEETINGS: DynamicModule = {
  module: MeetingsModule,
  imports: [OrganizationsModule],
  providers: [{ provide: MEMBERSHIP_LOOKUP, useExisting: GroupMembershipQueries }, citableMeasuresProvider],
};

/** One object, so that every importer (the app, the agreements wiring) gets the same module instance. */
export function meetingsModule(): DynamicModule {
  return MEETINGS;
}
