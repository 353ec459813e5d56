import { Inject } from '@nestjs/common';
import { Args, ID, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { type Actor } from '@kom/kernel';
import { CurrentActor } from '@kom/auth';
import { AccessLog } from '@kom/platform';
import { RepresentativeIdentitiesQueries, type LinkedIdentityRow } from '../read-models/representative-identities.queries';
import { RepresentativesQueries, type RepresentativeRow } from '../read-models/representatives.queries';
import { Representative, RepresentativeIdentity } from './representative.types';
import { canIdentifyRepresentatives, mayReadRestricted } from './representative-visibility';

@Resolver(() => Representative)
export class RepresentativeResolver {
  constructor(
    @Inject(RepresentativesQueries) private readonly representatives: RepresentativesQueries,
    @Inject(AccessLog) private readonly accessLog: AccessLog,
    @Inject(RepresentativeIdentitiesQueries) private readonly identityLinks: RepresentativeIdentitiesQueries,
  ) {}

  @ResolveField(() => [RepresentativeIdentity], {
    nullable: true,
    description: 'The sign-in identities linked to this representative (secretariat only; none once erased).',
  })
  identities(@Parent() representative: RepresentativeRow): Promise<LinkedIdentityRow[]> {
    return this.identityLinks.ofRepresentative(representative.id);
  }

  @Query(() => Representative, {
    nullable: true,
    description:
      'One representative, also after removal. Null when unknown or when you may not see representatives of that organisation. ' +
      'Auditors see restricted data; nobody sees erased data.',
  })
  async representative(@Args('id', { type: () => ID }) id: string, @CurrentActor() actor: Actor): Promise<RepresentativeRow | null> {
    const row = await this.representatives.byId(id, { revealRestricted: mayReadRestricted(actor) });
    if (!row) return null;
    if (!canIdentifyRepresentatives(actor, row.organizationId)) return null;
    // The record of a forgotten person is looked up on purpose: that it was, and by whom, is logged.
    if (row.erased) await this.accessLog.record(actor, { read: 'ERASED_REPRESENTATIVE', ids: [row.id], range: null, format: null, via: 'GRAPHQL' });
    return row;
  }
}
