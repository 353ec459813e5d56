import { Inject } from '@nestjs/common';
import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { ORGANIZATION_DIRECTORY, type OrganizationDirectory } from '../application/ports';
import { AgreementParty, AgreementPartyHolder } from './agreement.types';

/** Who holds a party's place today: a police district that merged after it signed is held by its successor. */
@Resolver(() => AgreementParty)
export class AgreementPartyResolver {
  constructor(@Inject(ORGANIZATION_DIRECTORY) private readonly organizations: OrganizationDirectory) {}

  @ResolveField(() => AgreementPartyHolder, {
    nullable: true,
    description: 'The organisation that holds this party’s place today (the successor of a merged police district); null while it holds its own.',
  })
  heldBy(@Parent() party: AgreementParty): AgreementPartyHolder | null {
    return this.organizations.holderOf(party.organizationId) ?? null;
  }
}
