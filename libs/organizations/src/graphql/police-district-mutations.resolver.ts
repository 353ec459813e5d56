import { Inject } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { NotFound } from '@kom/kernel';
import { RequestMeta } from '@kom/auth';
import { CLOCK, type Clock, type Meta } from '@kom/platform';
import { MergePoliceDistrictsCommand } from '../application/merge-police-districts.command';
import { RegisterPoliceDistrictCommand } from '../application/register-police-district.command';
import { PoliceDistrictsQueries, type PoliceDistrictRow } from '../read-models/police-districts.queries';
import { asOfDate } from './as-of-date';
import { MergePoliceDistrictsInput, PoliceDistrict, RegisterPoliceDistrictInput } from './organization-history.types';

/** The register of police districts: entered and merged (the secretariat). */
@Resolver(() => PoliceDistrict)
export class PoliceDistrictMutationsResolver {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(PoliceDistrictsQueries) private readonly districts: PoliceDistrictsQueries,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Mutation(() => PoliceDistrict, { description: 'Enter an organisation holding the POLICE role in the register of police districts (secretariat).' })
  async registerPoliceDistrict(@Args('input') input: RegisterPoliceDistrictInput, @RequestMeta() meta: Meta): Promise<PoliceDistrictRow> {
    const from = asOfDate(input.from, this.clock.now(), 'from');
    await this.commands.execute(new RegisterPoliceDistrictCommand({ organizationId: input.organizationId, from }, meta));
    return this.mustFindDistrict(input.organizationId);
  }

  @Mutation(() => PoliceDistrict, {
    description:
      'Merge police districts into a successor from a day (secretariat). The merged districts’ POLICE role ends that day; their agreements are held by the successor. Returns the successor.',
  })
  async mergePoliceDistricts(@Args('input') input: MergePoliceDistrictsInput, @RequestMeta() meta: Meta): Promise<PoliceDistrictRow> {
    const on = asOfDate(input.on, this.clock.now(), 'on');
    await this.commands.execute(
      new MergePoliceDistrictsCommand({ intoOrganizationId: input.intoOrganizationId, mergedOrganizationIds: input.mergedOrganizationIds, on }, meta),
    );
    return this.mustFindDistrict(input.intoOrganizationId);
  }

  private mustFindDistrict(id: string): PoliceDistrictRow {
    const row = this.districts.byId(id);
    if (!row) throw new NotFound('police_district', id);
    return row;
  }
}
