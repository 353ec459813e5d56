import { Inject } from '@nestjs/common';
import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { REPRESENTATIVE_REGISTER, type Actor, type RepresentativeRegister } from '@kom/kernel';
import { AgreementSignature } from '@kom/agreements';
import { IssueObject } from '@kom/issues';
import { AgendaProposal, DecisionPosition } from '@kom/meetings';
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

@Resolver(() => DecisionPosition)
export class PositionRepresentativeResolver {
  constructor(@Inject(RepresentedBy) private readonly representedBy: RepresentedBy) {}

  @ResolveField(() => Representative, { nullable: true, description: `Who recorded it for the organisation. ${NAMED}` })
  representative(@Parent() position: DecisionPosition, @CurrentActor() actor: Actor): Promise<RepresentativeRow | null> {
    return this.representedBy.representative(position.representativeId, actor);
  }
}

@Resolver(() => AgendaProposal)
export class ProposerResolver {
  constructor(@Inject(RepresentedBy) private readonly representedBy: RepresentedBy) {}

  @ResolveField(() => Representative, { nullable: true, description: `Who proposed it for the organisation. ${NAMED}` })
  proposedBy(@Parent() proposal: AgendaProposal, @CurrentActor() actor: Actor): Promise<RepresentativeRow | null> {
    return this.representedBy.representative(proposal.representativeId, actor);
  }
}

@Resolver(() => IssueObject)
export class IssueSubmitterResolver {
  constructor(@Inject(RepresentedBy) private readonly representedBy: RepresentedBy) {}

  @ResolveField(() => Representative, { nullable: true, description: `Who submitted it for the organisation. ${NAMED}` })
  submittedBy(@Parent() issue: IssueObject, @CurrentActor() actor: Actor): Promise<RepresentativeRow | null> {
    return this.representedBy.representative(issue.submittedByRepresentativeId, actor);
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
