import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import { Inject } from '@nestjs/common';
import { NotFound } from '@kom/kernel';
import { RequestMeta } from '@kom/auth';
import { IdempotentMutations, newId, type Meta, withRevision } from '@kom/platform';
import { RegisterOrganizationCommand } from '../application/register-organization.command';
import { RenameOrganizationCommand } from '../application/rename-organization.command';
import { OrganizationsQueries, type OrganizationRow } from '../read-models/organizations.queries';
import { Organization, RegisterOrganizationInput, RenameOrganizationInput } from './organization.types';

/** Organisations: registered and renamed. */
@Resolver(() => Organization)
export class OrganizationMutationsResolver {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(OrganizationsQueries) private readonly queries: OrganizationsQueries,
    @Inject(IdempotentMutations) private readonly idempotency: IdempotentMutations,
  ) {}

  @Mutation(() => Organization)
  async registerOrganization(@Args('input') input: RegisterOrganizationInput, @RequestMeta() meta: Meta) {
    const { idempotencyKey, ...command } = input;
    const organizationId = await this.idempotency.run<string>({ actor: meta.actor, operation: 'registerOrganization', key: idempotencyKey, input }, async (remember) => {
      const organizationId = remember(newId());
      await this.commands.execute(new RegisterOrganizationCommand({ type: 'RegisterOrganization', organizationId, ...command }, meta));
      return organizationId;
    });
    return this.mustFind(organizationId);
  }

  @Mutation(() => Organization)
  async renameOrganization(@Args('input') input: RenameOrganizationInput, @RequestMeta() meta: Meta) {
    const { expectedRevision, ...rename } = input;
    await this.commands.execute(
      new RenameOrganizationCommand(
        { type: 'RenameOrganization', ...rename },
        withRevision(meta, expectedRevision),
      ),
    );
    return this.mustFind(input.organizationId);
  }

  private mustFind(id: string): OrganizationRow {
    const row = this.queries.byId(id);
    if (!row) throw new NotFound('organization', id);
    return row;
  }
}
