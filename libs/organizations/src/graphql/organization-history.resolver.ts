import { Inject } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Args, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { NotFound, type Actor } from '@kom/kernel';
import { RequestMeta } from '@kom/auth';
import { CLOCK, type Clock, type Meta, withRevision } from '@kom/platform';
import { EndOrganizationRoleCommand } from '../application/end-organization-role.command';
import { GrantOrganizationRoleCommand } from '../application/grant-organization-role.command';
import { holdsRoleOn, rolesOn, type OrganizationRole, type RolePeriod } from '../domain/organization-roles';
import { OrganizationHistoryQueries, type NameRow } from '../read-models/organization-history.queries';
import { OrganizationsQueries, type OrganizationRow } from '../read-models/organizations.queries';
import { PoliceDistrictsQueries, type PoliceDistrictRow } from '../read-models/police-districts.queries';
import { asOfDate } from './as-of-date';
import {
  EndOrganizationRoleInput,
  GrantOrganizationRoleInput,
  OrganizationName,
  OrganizationRoleEnum,
  OrganizationRolePeriod,
  PoliceDistrict,
} from './organization-history.types';
import { Organization } from './organization.types';

const AS_OF = { type: () => String, nullable: true, description: 'A day (YYYY-MM-DD) or an ISO 8601 instant (its day in Norway); default today.' };

/** An organisation's roles and names over time, and the secretariat's changes to its roles. */
@Resolver(() => Organization)
export class OrganizationHistoryResolver {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(OrganizationsQueries) private readonly organizations: OrganizationsQueries,
    @Inject(OrganizationHistoryQueries) private readonly history: OrganizationHistoryQueries,
    @Inject(PoliceDistrictsQueries) private readonly districts: PoliceDistrictsQueries,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @ResolveField(() => [OrganizationRoleEnum], { description: 'The roles held on a day (default today), e.g. SECRETARIAT_HOST and POLICE.' })
  roles(@Parent() organization: OrganizationRow, @Args('asOf', AS_OF) asOf?: string | null): OrganizationRole[] {
    return rolesOn(this.history.rolePeriodsOf(organization.id), asOfDate(asOf, this.clock.now()));
  }

  @ResolveField(() => Boolean, { description: 'Whether the organisation holds a role on a day (default today).' })
  hasRole(
    @Parent() organization: OrganizationRow,
    @Args('role', { type: () => OrganizationRoleEnum }) role: OrganizationRole,
    @Args('asOf', AS_OF) asOf?: string | null,
  ): boolean {
    return holdsRoleOn(this.history.rolePeriodsOf(organization.id), role, asOfDate(asOf, this.clock.now()));
  }

  @ResolveField(() => [OrganizationRolePeriod], { description: 'Every period of every role, oldest first (the kind’s role from registration included).' })
  roleHistory(@Parent() organization: OrganizationRow): RolePeriod[] {
    return this.history.rolePeriodsOf(organization.id);
  }

  @ResolveField(() => [OrganizationName], { description: 'Every name, oldest first, with the first day each held.' })
  names(@Parent() organization: OrganizationRow): NameRow[] {
    return this.history.namesOf(organization.id);
  }

  @ResolveField(() => String, { nullable: true, description: 'The name on a day (default today); null before the organisation’s first day in the register.' })
  nameAsOf(@Parent() organization: OrganizationRow, @Args('asOf', AS_OF) asOf?: string | null): string | null {
    return this.history.nameOn(organization.id, asOfDate(asOf, this.clock.now()))?.name ?? null;
  }

  @ResolveField(() => PoliceDistrict, { nullable: true, description: 'Its entry in the register of police districts; null if it never was a district.' })
  policeDistrict(@Parent() organization: OrganizationRow): PoliceDistrictRow | undefined {
    return this.districts.byId(organization.id);
  }

  @Mutation(() => Organization, { description: 'Give an organisation a role from a day (secretariat), e.g. POLICE to the Police Directorate.' })
  async grantOrganizationRole(@Args('input') input: GrantOrganizationRoleInput, @RequestMeta() meta: Meta): Promise<OrganizationRow> {
    const from = asOfDate(input.from, this.clock.now(), 'from');
    await this.commands.execute(
      new GrantOrganizationRoleCommand(
        { type: 'GrantOrganizationRole', organizationId: input.organizationId, role: input.role, from },
        withRevision(meta, input.expectedRevision),
      ),
    );
    return this.mustFind(input.organizationId);
  }

  @Mutation(() => Organization, { description: 'End an organisation’s role from a day, with a reason (secretariat).' })
  async endOrganizationRole(@Args('input') input: EndOrganizationRoleInput, @RequestMeta() meta: Meta): Promise<OrganizationRow> {
    const until = asOfDate(input.until, this.clock.now(), 'until');
    await this.commands.execute(
      new EndOrganizationRoleCommand(
        { type: 'EndOrganizationRole', organizationId: input.organizationId, role: input.role, until, reason: input.reason },
        withRevision(meta, input.expectedRevision),
      ),
    );
    return this.mustFind(input.organizationId);
  }

  private mustFind(id: string): OrganizationRow {
    const row = this.organizations.byId(id);
    if (!row) throw new NotFound('organization', id);
    return row;
  }
}
