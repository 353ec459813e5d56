import { Args, ID, Parent, Query, ResolveField, Resolver, Subscription } from '@nestjs/graphql';
import { Inject } from '@nestjs/common';
import { Lang, ProjectionsService, committedEvents, cursorPart, decodeCursorPair, labelIn, pageSize, toConnection } from '@kom/platform';
import { OrganizationsQueries, type OrganizationRow } from '../read-models/organizations.queries';
import { Organization, OrganizationConnection, OrganizationsArgs, ORGANIZATION_KIND_LABELS } from './organization.types';

const cursorKey = (row: OrganizationRow) => JSON.stringify([row.name, row.id]);

@Resolver(() => Organization)
export class OrganizationResolver {
  constructor(
    @Inject(OrganizationsQueries) private readonly queries: OrganizationsQueries,
    @Inject(ProjectionsService) private readonly projections: ProjectionsService,
  ) {}

  @Query(() => OrganizationConnection, { description: 'Organisations by name.' })
  organizations(@Args() args: OrganizationsArgs) {
    const size = pageSize(args.first);
    // A name has 1 to 200 characters (organization.decider).
    const after = decodeCursorPair(args.after, cursorPart.text(200));
    const rows = this.queries.page({ limit: size + 1, kind: args.kind, after: after ? { name: after[0], id: after[1] } : undefined });
    return toConnection(rows, size, cursorKey);
  }

  @Query(() => Organization, { nullable: true })
  organization(@Args('id', { type: () => ID }) id: string): OrganizationRow | undefined {
    return this.queries.byId(id);
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
}
