import { Field, ObjectType, Query, Resolver, registerEnumType } from '@nestjs/graphql';
import { ROLES, type Actor, type Role } from '@kom/kernel';

export const RoleEnum = Object.fromEntries(ROLES.map((r) => [r, r])) as { [R in Role]: R };
registerEnumType(RoleEnum, { name: 'Role', description: 'What a verified identity may do on the platform.' });
import { CurrentActor } from './policy.decorators';

@ObjectType('Identity', { description: 'Who the platform takes the caller to be, from the verified token.' })
export class Identity {
  @Field(() => String)
  userId!: string;

  @Field(() => String)
  organizationId!: string;

  @Field(() => RoleEnum)
  role!: Role;
}

@Resolver()
export class MeResolver {
  // Access: `Query.me` in the policy table.
  @Query(() => Identity)
  me(@CurrentActor() actor: Actor): Identity {
    // Only verified human roles pass the guard; SYSTEM never arrives over GraphQL.
    return { ...actor, role: actor.role as Role };
  }
}
