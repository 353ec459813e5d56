import type { ApolloServerPlugin } from '@apollo/server';
import {
  GraphQLError,
  NoSchemaIntrospectionCustomRule,
  getOperationAST,
  parse,
  specifiedRules,
  type DocumentNode,
  type GraphQLFormattedError,
  type ValidationRule,
} from 'graphql';
import { createFormatError, type KomConfig } from '@kom/platform';
import { armorRules, longestList, longestListInDocument, withoutSuggestions } from './hardening';

export type Transport = 'http' | 'ws';

/**
 * One set of rules for a GraphQL request, whichever transport brought it: the parser's token
 * limit, the validation rules (graphql-armor, no introspection unless configured), the checks on
 * the resolved operation (list sizes, subscriptions only over WebSocket) and the error masking.
 * Apollo runs it for HTTP; `graphql-ws-options.ts` runs the same pieces for graphql-ws.
 */
export interface GraphQLPipeline {
  readonly production: boolean;
  readonly maxTokens: number;
  /** The rules beyond graphql's own that Apollo adds to its validation (it adds introspection itself). */
  readonly extraRules: readonly ValidationRule[];
  /** Everything a document is validated with where no Apollo runs. */
  readonly allRules: readonly ValidationRule[];
  /** Parses with the token limit; a syntax error or too many tokens is GRAPHQL_PARSE_FAILED. */
  parse(source: unknown): DocumentNode;
  /** A refusal of the resolved operation, if any. */
  checkOperation(transport: Transport, document: DocumentNode, variables: unknown, operationName?: string | null): GraphQLError | undefined;
  /** Apollo's formatError signature: typed errors keep their code and reason; internals are masked. */
  formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError;
}

export function graphqlPipeline(config: KomConfig, report: (error: unknown) => void): GraphQLPipeline {
  const production = config.nodeEnv === 'production';
  const limits = config.graphql;
  const extraRules = armorRules(limits);
  const allRules = [...specifiedRules, ...extraRules, ...(limits.introspection ? [] : [NoSchemaIntrospectionCustomRule])];
  const mask = createFormatError({ production, report });
  return {
    production,
    maxTokens: limits.maxTokens,
    extraRules,
    allRules,
    parse(source) {
      if (typeof source !== 'string' || source.trim() === '') {
        throw new GraphQLError('The operation must be a non-empty GraphQL document (query)', { extensions: { code: 'BAD_REQUEST', reason: 'QUERY_MISSING' } });
      }
      try {
        return parse(source, { maxTokens: limits.maxTokens });
      } catch (error) {
        if (!(error instanceof GraphQLError)) throw error;
        throw new GraphQLError(error.message, { nodes: error.nodes, source: error.source, positions: error.positions, extensions: { code: 'GRAPHQL_PARSE_FAILED' } });
      }
    },
    checkOperation(transport, document, variables, operationName) {
      const operation = getOperationAST(document, operationName ?? undefined);
      if (operation?.operation === 'subscription' && transport === 'http') {
        return new GraphQLError('Subscriptions are served over WebSocket (graphql-ws) on /graphql, not over HTTP', {
          extensions: { code: 'BAD_REQUEST', reason: 'SUBSCRIPTION_NEEDS_WEBSOCKET', http: { status: 400 } },
        });
      }
      const longest = Math.max(longestList(variables ?? {}, limits.maxListLength), longestListInDocument(document));
      if (longest > limits.maxListLength) {
        return new GraphQLError(`A list in this request holds more than ${limits.maxListLength} items`, {
          extensions: { code: 'BAD_USER_INPUT', reason: 'LIST_TOO_LONG', http: { status: 400 } },
        });
      }
      return undefined;
    },
    formatError(formatted, error) {
      const masked = mask(formatted, error);
      if (!production) return masked;
      const { stacktrace: _never, ...extensions } = (masked.extensions ?? {}) as Record<string, unknown>;
      return { ...masked, message: withoutSuggestions(masked.message), extensions };
    },
  };
}

/** Apollo's side of the operation checks: refused before anything executes. */
export function operationChecksPlugin(pipeline: GraphQLPipeline): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document }) {
          const refusal = pipeline.checkOperation('http', document, request.variables, request.operationName);
          if (refusal) throw refusal;
        },
      };
    },
  };
}
