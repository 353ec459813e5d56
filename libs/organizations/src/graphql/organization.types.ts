import { ArgsType, Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { Connection, Lang, PageArgs, registerLabelledEnum, IDEMPOTENCY_KEY_FIELD } from '@kom/platform';
import type { OrganizationKind } from '../domain/organization.events';

export const ORGANIZATION_KIND_LABELS = {
  AGENCY: { nb: 'Etat eller direktorat', en: 'Agency or directorate' },
  POLICE: { nb: 'Politiet', en: 'Police' },
  PROSECUTION: { nb: 'Påtalemyndigheten', en: 'Prosecuting authority' },
  NGO: { nb: 'Frivillig organisasjon', en: 'NGO' },
  SECRETARIAT: { nb: 'Sekretariat', en: 'Secretariat' },
  MINISTRY: { nb: 'Departement', en: 'Ministry' },
  OTHER: { nb: 'Annen', en: 'Other' },
} as const satisfies Record<OrganizationKind, { nb: string; en: string }>;

export const OrganizationKindEnum = registerLabelledEnum<OrganizationKind>(
  'OrganizationKind',
  ORGANIZATION_KIND_LABELS,
  'What kind of body an organisation is.',
);

@ObjectType({ description: 'An organisation taking part in KOM: an agency, the police, an NGO, ...' })
export class Organization {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true })
  shortName!: string | null;

  @Field(() => OrganizationKindEnum)
  kind!: OrganizationKind;

  @Field(() => String, { description: 'ISO 8601.' })
  registeredAt!: string;

  @Field(() => String, { description: 'ISO 8601.' })
  updatedAt!: string;

  @Field(() => Int, { description: 'Revision of the organisation; pass it as expectedRevision to guard an update.' })
  revision!: number;
}

export const OrganizationConnection = Connection(Organization);

@ArgsType()
export class OrganizationsArgs extends PageArgs {
  @Field(() => OrganizationKindEnum, { nullable: true })
  kind?: OrganizationKind;
}

@InputType()
export class RegisterOrganizationInput {
  @Field(() => String, IDEMPOTENCY_KEY_FIELD)
  idempotencyKey?: string | null;

  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true })
  shortName?: string | null;

  @Field(() => OrganizationKindEnum)
  kind!: OrganizationKind;

  @Field(() => String, {
    nullable: true,
    description: "YYYY-MM-DD: the organisation's first day in the register's history (today or earlier); its kind's role holds from then. Default today.",
  })
  from?: string | null;
}

@InputType()
export class RenameOrganizationInput {
  @Field(() => ID)
  organizationId!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true })
  shortName?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'YYYY-MM-DD: the first day of the new name (today or earlier, not before the current name); default today. Earlier names stay readable.',
  })
  from?: string | null;

  @Field(() => Int, { nullable: true, description: 'The revision you read; a different current revision is a CONFLICT.' })
  expectedRevision?: number | null;
}
