import { Inject } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { NotFound } from '@kom/kernel';
import { RequestMeta } from '@kom/auth';
import { IdempotentMutations, newId, type Meta } from '@kom/platform';
import { AddRepresentativeCommand } from '../application/add-representative.command';
import { RemoveRepresentativeCommand } from '../application/remove-representative.command';
import { ForgetPersonCommand } from '../application/forget-person.command';
import { RestrictPersonCommand } from '../application/restrict-person.command';
import { LinkRepresentativeIdentityCommand, UnlinkRepresentativeIdentityCommand } from '../application/identity-link.command';
import { OrganizationsQueries, type OrganizationRow } from '../read-models/organizations.queries';
import { RepresentativesQueries, type RepresentativeRow } from '../read-models/representatives.queries';
import { Organization } from './organization.types';
import {
  AddRepresentativeInput,
  LinkRepresentativeIdentityInput,
  PersonDataInput,
  RemoveRepresentativeInput,
  Representative,
  RepresentativeIdentityInput,
} from './representative.types';

/** Representatives: added, removed, restricted, forgotten and linked to sign-in identities (the secretariat). */
@Resolver(() => Representative)
export class RepresentativeMutationsResolver {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(RepresentativesQueries) private readonly representatives: RepresentativesQueries,
    @Inject(OrganizationsQueries) private readonly organizations: OrganizationsQueries,
    @Inject(IdempotentMutations) private readonly idempotency: IdempotentMutations,
  ) {}

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
    const representativeId = await this.idempotency.run<string>({ actor: meta.actor, operation: 'addRepresentative', key: idempotencyKey, input }, async (remember) => {
      const representativeId = remember(newId());
      await this.commands.execute(new AddRepresentativeCommand({ type: 'AddRepresentative', representativeId, ...command }, meta));
      return representativeId;
    });
    const row = await this.representatives.byId(representativeId, { revealRestricted: false });
    if (!row) throw new NotFound('representative', representativeId);
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

  private async afterAct(personId: string): Promise<RepresentativeRow> {
    const row = await this.representatives.byId(personId, { revealRestricted: false });
    if (!row) throw new NotFound('person', personId);
    return row;
  }
}
