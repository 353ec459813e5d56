import { Inject } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { NotFound, type Actor } from '@kom/kernel';
import { RequestMeta, Roles } from '@kom/auth';
import { newId } from '@kom/platform';
import { AddRepresentativeCommand } from '../application/add-representative.command';
import { RemoveRepresentativeCommand } from '../application/remove-representative.command';
import { OrganizationsQueries, type OrganizationRow } from '../read-models/organizations.queries';
import { RepresentativesQueries, type RepresentativeRow } from '../read-models/representatives.queries';
import { Organization } from './organization.types';
import { AddRepresentativeInput, RemoveRepresentativeInput, Representative } from './representative.types';

type Meta = { actor: Actor; correlationId: string };

@Resolver(() => Representative)
@Roles('SECRETARIAT')
export class RepresentativeResolver {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(RepresentativesQueries) private readonly representatives: RepresentativesQueries,
    @Inject(OrganizationsQueries) private readonly organizations: OrganizationsQueries,
  ) {}

  @Mutation(() => Representative, { description: 'Add a representative to an organisation (secretariat). Name and e-mail are stored encrypted.' })
  async addRepresentative(@Args('input') input: AddRepresentativeInput, @RequestMeta() meta: Meta): Promise<RepresentativeRow> {
    const representativeId = newId();
    await this.commands.execute(new AddRepresentativeCommand({ type: 'AddRepresentative', representativeId, ...input }, meta));
    const row = this.representatives.byId(representativeId);
    if (!row) throw new NotFound('representative', representativeId);
    return row;
  }

  @Mutation(() => Organization, { description: 'Remove a representative (secretariat); returns the organisation.' })
  async removeRepresentative(@Args('input') input: RemoveRepresentativeInput, @RequestMeta() meta: Meta): Promise<OrganizationRow> {
    const { state } = await this.commands.execute(
      new RemoveRepresentativeCommand({ type: 'RemoveRepresentative', representativeId: input.representativeId }, meta),
    );
    const organizationId = state.status === 'none' ? '' : state.organizationId;
    const row = this.organizations.byId(organizationId);
    if (!row) throw new NotFound('organization', organizationId);
    return row;
  }
}
