import { Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { registerLabelledEnum } from '@kom/platform';
import type { GroupKind } from '../domain/group.events';

export const GROUP_KIND_LABELS = {
  PROJECT_GROUP: { nb: 'Prosjektgruppen', en: 'Project group' },
  REFERENCE_GROUP: { nb: 'Referansegruppen', en: 'Reference group' },
} as const satisfies Record<GroupKind, { nb: string; en: string }>;

export const GroupKindEnum = registerLabelledEnum<GroupKind>('GroupKind', GROUP_KIND_LABELS, "KOM's two groups.");

@ObjectType({ description: "One of KOM's groups; its members change over time." })
export class Group {
  @Field(() => GroupKindEnum)
  kind!: GroupKind;
}

@ObjectType({ description: 'A period of membership of a group: from the first day, to the first day after it (null: still a member).' })
export class GroupMembership {
  @Field(() => GroupKindEnum)
  groupKind!: GroupKind;

  @Field(() => String, { description: 'First day of membership, YYYY-MM-DD.' })
  from!: string;

  @Field(() => String, { nullable: true, description: 'First day no longer a member, YYYY-MM-DD; null while a member.' })
  to!: string | null;

  @Field(() => String, { nullable: true })
  leavingReason!: string | null;
}

@InputType()
export class AdmitToGroupInput {
  @Field(() => GroupKindEnum)
  groupKind!: GroupKind;

  @Field(() => ID)
  organizationId!: string;

  @Field(() => String, { nullable: true, description: 'First day of membership, YYYY-MM-DD (default: today in Norway).' })
  effectiveFrom?: string | null;
}

@InputType()
export class LeaveGroupInput {
  @Field(() => GroupKindEnum)
  groupKind!: GroupKind;

  @Field(() => ID)
  organizationId!: string;

  @Field(() => String, { nullable: true, description: 'First day no longer a member, YYYY-MM-DD (default: today in Norway).' })
  effectiveFrom?: string | null;

  @Field(() => String)
  reason!: string;
}
