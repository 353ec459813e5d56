import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { registerLabelledEnum } from '@kom/platform';
import type { OrganizationRole } from '../domain/organization-roles';
import { Organization } from './organization.types';

export const ORGANIZATION_ROLE_LABELS = {
  MEMBER_AGENCY: { nb: 'Medlemsetat', en: 'Member agency' },
  NGO: { nb: 'Frivillig organisasjon', en: 'NGO' },
  POLICE: { nb: 'Politi', en: 'Police' },
  SECRETARIAT_HOST: { nb: 'Vertskap for sekretariatet', en: 'Secretariat host' },
  PROSECUTION: { nb: 'Påtalemyndighet', en: 'Prosecuting authority' },
  MINISTRY: { nb: 'Departement', en: 'Ministry' },
} as const satisfies Record<OrganizationRole, { nb: string; en: string }>;

export const OrganizationRoleEnum = registerLabelledEnum<OrganizationRole>(
  'OrganizationRole',
  ORGANIZATION_ROLE_LABELS,
  'What an organisation is to KOM for a period; one organisation may hold several roles at once.',
);

@ObjectType({ description: 'One period of a role: [from, until), calendar days in Norway.' })
export class OrganizationRolePeriod {
  @Field(() => OrganizationRoleEnum) role!: OrganizationRole;
  @Field(() => String, { description: 'YYYY-MM-DD: the first day the role is held.' }) from!: string;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD: the first day it is no longer held; null while held.' }) until!: string | null;
  @Field(() => String, { nullable: true, description: 'Why the role ended (a merge names the successor).' }) endReason!: string | null;
}

@ObjectType({ description: 'A name of an organisation and the first day it held.' })
export class OrganizationName {
  @Field(() => String, { description: 'YYYY-MM-DD.' }) from!: string;
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true }) shortName!: string | null;
}

@ObjectType({ description: 'A police district in the register of districts: its first day and, after a merge, the district that holds its place.' })
export class PoliceDistrict {
  @Field(() => ID) organizationId!: string;
  @Field(() => String, { description: 'YYYY-MM-DD: the first day it was a district.' }) from!: string;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD: the day it merged into another district; null while a district of its own.' })
  mergedOn!: string | null;
}

@InputType()
export class GrantOrganizationRoleInput {
  @Field(() => ID) organizationId!: string;
  @Field(() => OrganizationRoleEnum) role!: OrganizationRole;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD: the first day the role is held; default today.' }) from?: string | null;
  @Field(() => Int, { nullable: true, description: 'The revision you read; a different current revision is a CONFLICT.' })
  expectedRevision?: number | null;
}

@InputType()
export class EndOrganizationRoleInput {
  @Field(() => ID) organizationId!: string;
  @Field(() => OrganizationRoleEnum) role!: OrganizationRole;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD: the first day the role is no longer held; default today.' }) until?: string | null;
  @Field(() => String, { description: 'Why the role ends.' }) reason!: string;
  @Field(() => Int, { nullable: true, description: 'The revision you read; a different current revision is a CONFLICT.' })
  expectedRevision?: number | null;
}

@InputType()
export class RegisterPoliceDistrictInput {
  @Field(() => ID, { description: 'An organisation holding the POLICE role on `from`.' }) organizationId!: string;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD: its first day as a district; default today.' }) from?: string | null;
}

@InputType()
export class MergePoliceDistrictsInput {
  @Field(() => ID, { description: 'The successor: holds the POLICE role on `on`; a district from `on` if not one before.' })
  intoOrganizationId!: string;
  @Field(() => [ID], { description: 'The districts that merge into it (not the successor itself).' }) mergedOrganizationIds!: string[];
  @Field(() => String, { description: 'YYYY-MM-DD: the first day of the merged district; the merged districts’ POLICE role ends then.' })
  on!: string;
}

export { Organization };
