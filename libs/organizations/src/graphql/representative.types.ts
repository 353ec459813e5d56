import { Field, ID, InputType, ObjectType } from '@nestjs/graphql';

@ObjectType({
  description:
    "A person representing an organisation in KOM. Personal data: visible to the secretariat, agency members and the organisation's own people only.",
})
export class Representative {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  organizationId!: string;

  @Field(() => String, { nullable: true, description: 'Null when erased.' })
  name!: string | null;

  @Field(() => String, { nullable: true, description: 'Null when erased.' })
  email!: string | null;

  @Field(() => Boolean, { description: 'The personal data was erased (its key shredded); only the id remains.' })
  erased!: boolean;

  @Field(() => String, { description: 'ISO 8601.' })
  addedAt!: string;
}

@InputType()
export class AddRepresentativeInput {
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
