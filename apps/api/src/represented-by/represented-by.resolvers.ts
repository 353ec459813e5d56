import { Inject } from '@nestjs/common';
import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { REPRESENTATIVE_REGISTER, type Actor, type RepresentativeRegister } from '@kom/kernel';
import { AgreementSignature } from '@kom/agreements';
import { CurrentActor, Identity } from '@kom/auth';
import { Representative, type RepresentativeRow } from '@kom/organizations';
import { RepresentedBy } from './represented-by';

const NAMED =
  'The registered representative, with the name as registered now (erased: no name). Null when not recorded, ' +
  "or when you may not see that organisation's representatives.";

@Resolver(() => AgreementSignature)
export class SignatureRepresentativeResolver {
  constructor(@Inject(RepresentedBy) private readonly representedBy: RepresentedBy) {}

  @ResolveField(() => Representative, { nullable: true, description: `Who signed. ${NAMED}` })
  representative(@Parent() signature: AgreementSignature, @CurrentActor() actor: Actor): Promise<RepresentativeRow | null> {
    return this.representedBy.representative(signature.representativeId, actor);
  }
}

@Resolver(() => Identity)
export class IdentityRepresentativeResolver {
  constructor(
    @Inject(RepresentedBy) private readonly representedBy: RepresentedBy,
    @Inject(REPRESENTATIVE_REGISTER) private readonly register: RepresentativeRegister,
  ) {}

  @ResolveField(() => Representative, {
    nullable: true,
    description: 'The registered representative this identity is linked to (the secretariat links them); null when none.',
  })
  async representative(@CurrentActor() actor: Actor): Promise<RepresentativeRow | null> {
    return this.representedBy.representative((await this.register.representativeOf(actor))?.representativeId, actor);
  }
}
