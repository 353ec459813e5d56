import { Inject } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { NotFound, type Actor } from '@kom/kernel';
import { CurrentActor, RequestMeta } from '@kom/auth';
import { AccessLog, IdempotentMutations, newId } from '@kom/platform';
import { AddRepresentativeCommand } from '../application/add-representative.command';
import { RemoveRepresentativeCommand } from '../application/remove-representative.command';
import { ForgetPersonCommand, RestrictPersonCommand } from '../application/person-data.command';
import { LinkRepresentativeIdentityCommand, UnlinkRepresentativeIdentityCommand } from '../application/identity-link.command';
import { RepresentativeIdentitiesQueries, type LinkedIdentityRow } from '../read-models/representative-identities.queries';
import { OrganizationsQueries, type OrganizationRow } from '../read-models/organizations.queries';
import { RepresentativesQueries, type RepresentativeRow } from '../read-models/representatives.queries';
import { Organization } from './organization.types';
import {
  AddRepresentativeInput,
  LinkRepresentativeIdentityInput,
  PersonDataInput,
  RemoveRepresentativeInput,
  Representative,
  RepresentativeIdentity,
  RepresentativeIdentityInput,
} from './representative.types';
import { canIdentifyRepresentatives, mayReadRestricted } from './representative-visibility';

type Meta = { actor: Actor; correlationId: string };

@Resolver(() => Representative)
export class RepresentativeResolver {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(RepresentativesQueries) private readonly representatives: RepresentativesQueries,
    @Inject(OrganizationsQueries) private readonly organizations: OrganizationsQueries,
    @Inject(IdempotentMutations) private readonly idempotency: IdempotentMutations,
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

  @Mutation(() => Representative, {
    description:
      "Link a sign-in identity to a representative (secretariat): the identity then signs, takes positions and submits as that representative. " +
      'A subject is linked to one representative at a time, of the organisation it signs in for.',
  })
  async linkRepresentativeIdentity(@Args('input') input: LinkRepresentativeIdentityInput, @RequestMeta() meta: Meta): Promise<RepresentativeRow> {
    await this.commands.execute(new LinkRepresentativeIdentityCommand({ type: 'LinkRepresentativeIdentity', ...input }, meta));
    return this.afterAct(input.representativeId);
  }

  @Mutation(() => Representative, { description: 'Unlink a sign-in identity from a representative (secretariat).' })
  async unlinkRepresentativeIdentity(@Args('input') input: RepresentativeIdentityInput, @RequestMeta() meta: Meta): Promise<RepresentativeRow> {
    await this.commands.execute(new UnlinkRepresentativeIdentityCommand({ type: 'UnlinkRepresentativeIdentity', ...input }, meta));
    return this.afterAct(input.representativeId);
  }

  @Mutation(() => Representative, { description: 'Add a representative to an organisation (secretariat). Name and e-mail are stored encrypted.' })
  async addRepresentative(@Args('input') input: AddRepresentativeInput, @RequestMeta() meta: Meta): Promise<RepresentativeRow> {
    const { idempotencyKey, ...command } = input;
    const representativeId = await this.idempotency.run({ actor: meta.actor, operation: 'addRepresentative', key: idempotencyKey, input }, async () => {
      const representativeId = newId();
      await this.commands.execute(new AddRepresentativeCommand({ type: 'AddRepresentative', representativeId, ...command }, meta));
      return representativeId;
    });
    const row = await this.representatives.byId(representativeId, { revealRestricted: false });
    if (!row) throw new NotFound('representative', representativeId);
    return row;
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

  @Mutation(() => Representative, {
    description:
      "Restrict a person's personal data (secretariat): hidden from everyone but auditors, nothing deleted. Recorded as an event with the legal basis.",
  })
  async restrictPerson(@Args('input') input: PersonDataInput, @RequestMeta() meta: Meta): Promise<RepresentativeRow> {
    await this.commands.execute(new RestrictPersonCommand({ type: 'RestrictPerson', personId: input.personId, legalBasis: input.legalBasis }, meta));
    return this.afterAct(input.personId);
  }

  @Mutation(() => Representative, {
    description:
      "Erase a person's personal data (secretariat): records the erasure with its legal basis, then shreds the data key. " +
      'Everywhere the person appears now reads as erased; the log is unchanged and still verifies.',
  })
  async forgetPerson(@Args('input') input: PersonDataInput, @RequestMeta() meta: Meta): Promise<RepresentativeRow> {
    await this.commands.execute(new ForgetPersonCommand({ type: 'ForgetPerson', personId: input.personId, legalBasis: input.legalBasis }, meta));
    return this.afterAct(input.personId);
  }

  private async afterAct(personId: string): Promise<RepresentativeRow> {
    const row = await this.representatives.byId(personId, { revealRestricted: false });
    if (!row) throw new NotFound('person', personId);
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
