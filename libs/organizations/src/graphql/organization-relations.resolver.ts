import { Inject } from '@nestjs/common';
import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { Actor } from '@kom/kernel';
import { CurrentActor } from '@kom/auth';
import { GroupMembershipQueries, type MembershipPeriodRow } from '../read-models/group-membership.queries';
import type { OrganizationRow } from '../read-models/organizations.queries';
import { RepresentativesQueries, type RepresentativeRow } from '../read-models/representatives.queries';
import { GroupMembership } from './group.types';
import { Organization } from './organization.types';
import { Representative } from './representative.types';
import { canSeeRepresentatives, mayReadRestricted } from './representative-visibility';

/** An organisation's group memberships and representatives. */
@Resolver(() => Organization)
export class OrganizationRelationsResolver {
  constructor(
    @Inject(GroupMembershipQueries) private readonly membershipQueries: GroupMembershipQueries,
    @Inject(RepresentativesQueries) private readonly representativeQueries: RepresentativesQueries,
  ) {}

  @ResolveField(() => [GroupMembership], { description: 'Every period of membership of a group, oldest first.' })
  memberships(@Parent() organization: OrganizationRow): MembershipPeriodRow[] {
    return this.membershipQueries.periodsOf(organization.id);
  }

  @ResolveField(() => [Representative], {
    nullable: true,
    description:
      "The organisation's current representatives. Null when you may not see them: only the secretariat, agency members " +
      "and the organisation's own people may.",
  })
  async representatives(@Parent() organization: OrganizationRow, @CurrentActor() actor: Actor): Promise<RepresentativeRow[] | null> {
    if (!canSeeRepresentatives(actor, organization.id)) return null;
    return this.representativeQueries.ofOrganization(organization.id, { revealRestricted: mayReadRestricted(actor) });
  }
}
