import { Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { IDEMPOTENCY_KEY_FIELD } from '@kom/platform';

@ObjectType({
  description:
    "A person representing an organisation in KOM. Personal data: visible to the secretariat, agency members and the organisation's own people only.",
})
export class Representative {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  organizationId!: string;

  @Field(() => String, { nullable: true, description: 'Null when erased, and when restricted (to all but auditors).' })
  name!: string | null;

  @Field(() => String, { nullable: true, description: 'Null when erased, and when restricted (to all but auditors).' })
  email!: string | null;

  @Field(() => Boolean, { description: 'The personal data was erased (its key shredded); only the id remains.' })
  erased!: boolean;

  @Field(() => Boolean, { description: 'The personal data is restricted: hidden from everyone but auditors, not deleted.' })
  restricted!: boolean;

  @Field(() => Boolean, { description: 'No longer a representative (removed); the record of the person remains.' })
  removed!: boolean;

  @Field(() => String, { description: 'ISO 8601.' })
  addedAt!: string;
}

@InputType()
export class AddRepresentativeInput {
  @Field(() => String, IDEMPOTENCY_KEY_FIELD)
  idempotencyKey?: string | null;

  @Field(() => ID)
  organizationId!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String)
  email!: string;
}

@InputType()
export class RemoveRepresentativeInput {
  @Field(() => ID)
  representativeId!: string;
}

@InputType({ description: 'A person whose personal data the platform keeps (today: a representative, by id) and the legal basis of the act.' })
export class PersonDataInput {
  @Field(() => ID, { description: 'The representative id.' })
  personId!: string;

  @Field(() => String, { description: 'The legal basis, e.g. "GDPR art. 17(1)(a)" or "arkivlova § 9" (free text, required).' })
  legalBasis!: string;
}

@ObjectType('RepresentativeIdentity', { description: 'A sign-in identity (the token subject) linked to a representative. Secretariat only.' })
export class RepresentativeIdentity {
  @Field(() => String, { nullable: true, description: "The token's subject; null when the person's data key is gone (erased)." })
  subject!: string | null;

  @Field(() => String, { description: 'ISO 8601.' })
  linkedAt!: string;
}

@InputType({ description: 'A sign-in identity and the representative it is (or was) linked to.' })
export class RepresentativeIdentityInput {
  @Field(() => ID)
  representativeId!: string;

  @Field(() => String, { description: "The identity's subject: the `sub` of its tokens (one identity provider per deployment)." })
  subject!: string;
}

@InputType({ description: 'Link a sign-in identity to a representative of the organisation it signs in for.' })
export class LinkRepresentativeIdentityInput extends RepresentativeIdentityInput {
  @Field(() => ID, { description: "The organisation the identity signs in for (its token's organisation): must be the representative's." })
  organizationId!: string;
}
