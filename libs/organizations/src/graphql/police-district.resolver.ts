import { Inject } from '@nestjs/common';
import { Args, ID, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { NotFound } from '@kom/kernel';
import { CLOCK, type Clock } from '@kom/platform';
import { OrganizationHistoryQueries } from '../read-models/organization-history.queries';
import { OrganizationsQueries, type OrganizationRow } from '../read-models/organizations.queries';
import { PoliceDistrictsQueries, type PoliceDistrictRow } from '../read-models/police-districts.queries';
import { asOfDate } from './as-of-date';
import { PoliceDistrict } from './organization-history.types';
import { Organization } from './organization.types';

const AS_OF = { type: () => String, nullable: true, description: 'A day (YYYY-MM-DD) or an ISO 8601 instant (its day in Norway); default today.' };

/**
 * The register of police districts. Districts merge (the police reform went from 27 districts to
 * 12); a merged district keeps its history and its name of the time, and its successor holds its
 * place: `heldBy`.
 */
@Resolver(() => PoliceDistrict)
export class PoliceDistrictResolver {
  constructor(
    @Inject(PoliceDistrictsQueries) private readonly districts: PoliceDistrictsQueries,
    @Inject(OrganizationsQueries) private readonly organizations: OrganizationsQueries,
    @Inject(OrganizationHistoryQueries) private readonly history: OrganizationHistoryQueries,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Query(() => [PoliceDistrict], { description: 'The police districts on a day (default today): a district merged by then is left out.' })
  policeDistricts(@Args('asOf', AS_OF) asOf?: string | null): PoliceDistrictRow[] {
    return this.districts.districtsOn(asOfDate(asOf, this.clock.now()));
  }

  @ResolveField(() => Organization, { description: 'The organisation in the register.' })
  organization(@Parent() district: PoliceDistrictRow): OrganizationRow {
    return this.mustFind(district.organizationId);
  }

  @ResolveField(() => String, { nullable: true, description: 'Its name on a day (default today; a merged district keeps its last name).' })
  name(@Parent() district: PoliceDistrictRow, @Args('asOf', AS_OF) asOf?: string | null): string | null {
    return this.history.nameOn(district.organizationId, asOfDate(asOf, this.clock.now()))?.name ?? null;
  }

  @ResolveField(() => ID, { nullable: true, description: 'The id of the district it merged into; null while a district of its own.' })
  mergedIntoId(@Parent() district: PoliceDistrictRow): string | null {
    return district.mergedInto;
  }

  @ResolveField(() => Organization, { nullable: true, description: 'The district it merged into; null while a district of its own.' })
  mergedInto(@Parent() district: PoliceDistrictRow): OrganizationRow | null {
    return district.mergedInto ? this.mustFind(district.mergedInto) : null;
  }

  @ResolveField(() => Organization, {
    description: 'Who holds its place on a day (default today): itself, or the end of its chain of merges by then.',
  })
  heldBy(@Parent() district: PoliceDistrictRow, @Args('asOf', AS_OF) asOf?: string | null): OrganizationRow {
    return this.mustFind(this.districts.holderOn(district.organizationId, asOfDate(asOf, this.clock.now())));
  }

  @ResolveField(() => [PoliceDistrict], { description: 'The districts that merged into it (directly or through earlier merges), by today.' })
  predecessors(@Parent() district: PoliceDistrictRow): PoliceDistrictRow[] {
    return this.districts.predecessorsOn(district.organizationId, asOfDate(null, this.clock.now()));
  }

  private mustFind(id: string): OrganizationRow {
    const row = this.organizations.byId(id);
    if (!row) throw new NotFound('organization', id);
    return row;
  }
}
