import {
  getNamedType,
  isInterfaceType,
  isObjectType,
  Kind,
  type GraphQLNamedType,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
} from 'graphql';

/** The declared cost of a field: the `complexity` its resolver options set (a number), else 0. */
function costOf(parent: GraphQLNamedType | undefined | null, name: string): { cost: number; type: GraphQLNamedType | undefined } {
  if (!parent || !(isObjectType(parent) || isInterfaceType(parent))) return { cost: 0, type: undefined };
  const field = parent.getFields()[name];
  if (!field) return { cost: 0, type: undefined };
  const complexity = field.extensions?.complexity;
  return { cost: typeof complexity === 'number' && complexity > 0 ? complexity : 0, type: getNamedType(field.type) };
}

/**
 * The sum of the declared costs of every field an operation selects: each alias counts, fragments
 * are followed (a spread used twice counts twice; a cycle, refused by validation anyway, once).
 */
export function declaredCost(context: ValidationContext, operation: OperationDefinitionNode): number {
  const schema = context.getSchema();
  const root = operation.operation === 'query' ? schema.getQueryType() : operation.operation === 'mutation' ? schema.getMutationType() : schema.getSubscriptionType();
  const walk = (set: SelectionSetNode, parent: GraphQLNamedType | undefined | null, path: ReadonlySet<string>): number => {
    let total = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        const { cost, type } = costOf(parent, selection.name.value);
        total += cost;
        if (selection.selectionSet) total += walk(selection.selectionSet, type, path);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
        total += walk(selection.selectionSet, type, path);
      } else {
        const name = selection.name.value;
        const fragment = context.getFragment(name);
        if (!fragment || path.has(name)) continue;
        total += walk(fragment.selectionSet, schema.getType(fragment.typeCondition.name.value), new Set([...path, name]));
      }
    }
    return total;
  };
  return walk(operation.selectionSet, root, new Set());
}
