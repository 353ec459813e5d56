import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { GraphQLError, Kind, visit, type DocumentNode, type OperationDefinitionNode, type ValidationContext, type ValidationRule } from 'graphql';
import type { GraphQLLimits } from '@kom/platform';
import { declaredCost } from './declared-cost';

/** graphql-armor's callback: report the refusal as a validation error with a stable reason. */
const refuseAs =
  (reason: string) =>
  (context: ValidationContext | null, error: GraphQLError): void => {
    context?.reportError(new GraphQLError(error.message.replace(/^Syntax Error: /, ''), { extensions: { reason } }));
  };

/**
 * Validation rules that refuse expensive documents before anything runs: depth, aliases,
 * directives and a cost estimate (graphql-armor). The token limit is the parser's, list sizes are
 * checked on the resolved operation (graphql-pipeline.ts), page sizes by the connections themselves.
 */
export function armorRules(limits: GraphQLLimits): ValidationRule[] {
  const common = { propagateOnRejection: false, exposeLimits: true };
  return [
    maxDepthRule({ ...common, n: limits.maxDepth, ignoreIntrospection: true, flattenFragments: true, onReject: [refuseAs('QUERY_TOO_DEEP')] }),
    maxAliasesRule({ ...common, n: limits.maxAliases, onReject: [refuseAs('TOO_MANY_ALIASES')] }),
    maxDirectivesRule({ ...common, n: limits.maxDirectives, onReject: [refuseAs('TOO_MANY_DIRECTIVES')] }),
    costRule(limits.maxCost),
  ] as ValidationRule[];
}

/**
 * graphql-armor's cost estimate (fields, nesting, page sizes) plus the cost a field declares for
 * the work behind it (`complexity` in its @Query/@Field options, e.g. verifyIntegrity walking the
 * whole log), counted for every alias and fragment that reaches it; refused above maxCost.
 */
function costRule(maxCost: number): ValidationRule {
  return (context) => {
    let estimate = 0;
    const armor = costLimitRule({
      maxCost: Number.MAX_SAFE_INTEGER,
      ignoreIntrospection: true,
      propagateOnRejection: false,
      onAccept: [(_context, { n }) => void (estimate = n)],
    })(context) as unknown as { OperationDefinition: { enter: (node: OperationDefinitionNode) => void } };
    return {
      OperationDefinition: {
        enter(operation: OperationDefinitionNode) {
          estimate = 0;
          armor.OperationDefinition.enter(operation);
          const cost = estimate + declaredCost(context, operation);
          if (cost > maxCost) refuseAs('QUERY_TOO_COSTLY')(context, new GraphQLError(`Query Cost limit of ${maxCost} exceeded, found ${cost}.`));
        },
      },
    };
  };
}

/** The longest list anywhere in a JSON value; stops early once one exceeds `limit`. */
export function longestList(value: unknown, limit: number, depth = 0): number {
  if (depth > 64) return Number.POSITIVE_INFINITY; // absurd nesting counts as too long
  let longest = 0;
  const items = Array.isArray(value) ? value : typeof value === 'object' && value !== null ? Object.values(value) : [];
  if (Array.isArray(value)) longest = value.length;
  for (const item of items) {
    if (longest > limit) return longest;
    if (typeof item === 'object' && item !== null) longest = Math.max(longest, longestList(item, limit, depth + 1));
  }
  return longest;
}

const longestByDocument = new WeakMap<DocumentNode, number>();

/**
 * The longest list literal in a document. Apollo hands the same parsed document to every request
 * with the same query text, so each document is walked once.
 */
export function longestListInDocument(document: DocumentNode): number {
  const known = longestByDocument.get(document);
  if (known !== undefined) return known;
  let longest = 0;
  visit(document, {
    [Kind.LIST]: (node) => {
      longest = Math.max(longest, node.values.length);
    },
  });
  longestByDocument.set(document, longest);
  return longest;
}

/** "Did you mean …?" names fields and types; production never sends it (belt and braces). */
export function withoutSuggestions(message: string): string {
  return message.replace(/\s*Did you mean[^?]*\?/g, '');
}
