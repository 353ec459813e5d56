import { Inject } from '@nestjs/common';
import { Args, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CLOCK, Lang, labelIn, type Clock } from '@kom/platform';
import type { GroupKind } from '../domain/group.events';
import { GroupMembershipQueries } from '../read-models/group-membership.queries';
import { OrganizationsQueries, type OrganizationRow } from '../read-models/organizations.queries';
import { asOfDate } from './as-of-date';
import { Group, GroupKindEnum, GROUP_KIND_LABELS } from './group.types';
import { Organization } from './organization.types';

@Resolver(() => Group)
export class GroupResolver {
  constructor(
    @Inject(GroupMembershipQueries) private readonly memberships: GroupMembershipQueries,
    @Inject(OrganizationsQueries) private readonly organizations: OrganizationsQueries,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Query(() => Group, { description: "One of KOM's groups." })
  group(@Args('kind', { type: () => GroupKindEnum }) kind: GroupKind): Group {
    return { kind };
  }

  @ResolveField(() => String, { description: 'The name of the group in Norwegian (NB, default) or English (EN).' })
  kindLabel(@Parent() group: Group, @Args('lang', { type: () => Lang, defaultValue: Lang.NB }) lang: Lang): string {
    return labelIn(GROUP_KIND_LABELS[group.kind], lang);
  }

  @ResolveField(() => [Organization], { description: 'The members on a day, by name. A bounded list, not a connection.' })
  members(
    @Parent() group: Group,
    @Args('asOf', {
      type: () => String,
      nullable: true,
      description: 'A date (YYYY-MM-DD) or an ISO 8601 instant (the day it fell on in Norway); default today.',
    })
    asOf?: string | null,
  ): OrganizationRow[] {
    const date = asOfDate(asOf, this.clock.now());
    return this.memberships
      .membersOn(group.kind, date)
      .map((id) => this.organizations.byId(id))
      .filter((row): row is OrganizationRow => row !== undefined)
      .sort((a, b) => a.name.localeCompare(b.name, 'nb') || a.id.localeCompare(b.id));
  }
}
