import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver, Subscription } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import { Inject } from '@nestjs/common';
import { NotFound, type Actor } from '@kom/kernel';
import { RequestMeta } from '@kom/auth';
import { IdempotentMutations, Lang, ProjectionsService, committedEvents, decodeCursorPair, labelIn, newId, pageSize, toConnection, type Meta, withRevision } from '@kom/platform';
import { RegisterOrganizationCommand } from '../application/register-organization.command';
import { RenameOrganizationCommand } from '../application/rename-organization.command';
import { OrganizationsQueries, type OrganizationRow } from '../read-models/organizations.queries';
import {
  Organization,
  OrganizationConnection,
  OrganizationsArgs,
  RegisterOrganizationInput,
  ORGANIZATION_KIND_LABELS,
  RenameOrganizationInput,
} from './organization.types';

const cursorKey = (row: OrganizationRow) => JSON.stringify([row.name, row.id]);

@Resolver(() => Organization)
export class OrganizationResolver {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(OrganizationsQueries) private readonly queries: OrganizationsQueries,
    @Inject(ProjectionsService) private readonly projections: ProjectionsService,
    @Inject(IdempotentMutations) private readonly idempotency: IdempotentMutations,
  ) {}

  @Query(() => OrganizationConnection, { description: 'Organisations by name.' })
  organizations(@Args() args: OrganizationsArgs) {
    const size = pageSize(args.first);
    const after = decodeCursorPair(args.after);
    const rows = this.queries.page({ limit: size + 1, kind: args.kind, after: after ? { name: after[0], id: after[1] } : undefined });
    return toConnection(rows, size, cursorKey);
  }

  @Query(() => Organization, { nullable: true })
  organization(@Args('id', { type: () => ID }) id: string): OrganizationRow | undefined {
    return this.queries.byId(id);
  }

  @Mutation(() => Organization)
  async registerOrganization(@Args('input') input: RegisterOrganizationInput, @RequestMeta() meta: Meta) {
    const { idempotencyKey, ...command } = input;
    const organizationId = await this.idempotency.run({ actor: meta.actor, operation: 'registerOrganization', key: idempotencyKey, input }, async () => {
      const organizationId = newId();
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

  @Subscription(() => Organization, {
    description: 'An organisation as the read model shows it after each registration or rename.',
    resolve(this: OrganizationResolver, event: { data: { organizationId: string } }) {
      return this.queries.byId(event.data.organizationId);
    },
  })
  organizationChanged() {
    return committedEvents(this.projections, (e) => e.type === 'OrganizationRegistered' || e.type === 'OrganizationRenamed');
  }

  @ResolveField(() => String, { description: 'The kind in Norwegian (NB, default) or English (EN).' })
  kindLabel(@Parent() organization: OrganizationRow, @Args('lang', { type: () => Lang, defaultValue: Lang.NB }) lang: Lang): string {
    return labelIn(ORGANIZATION_KIND_LABELS[organization.kind], lang);
  }

  private mustFind(id: string): OrganizationRow {
    const row = this.queries.byId(id);
    if (!row) throw new NotFound('organization', id);
    return row;
  }
}
