import type { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import type { GraphQLError } from 'graphql';
import type { KomRequestContext } from '@kom/auth';
import { createFormatError, requestLogger } from '@kom/platform';

/**
 * Reports what the answer masks as INTERNAL_SERVER_ERROR (and the lagging-replica refusal
 * operators must hear of) with the request's own logger, so the line carries the request's id
 * beside the request log's line. The masking itself stays in formatError, which reports nothing
 * over HTTP: Apollo gives formatError no request, this hook has it.
 */
export function errorReportPlugin(production: boolean, fallback: (error: unknown) => void): ApolloServerPlugin<KomRequestContext> {
  const reporterOf = (request: unknown) => {
    const log = requestLogger(request);
    const report = log ? (error: unknown) => log.error({ err: error, context: 'GraphQL' }, 'GraphQL request failed') : fallback;
    return createFormatError({ production, report });
  };
  const listener: GraphQLRequestListener<KomRequestContext> = {
    async didEncounterErrors({ errors, contextValue }) {
      const classify = reporterOf(contextValue.req);
      for (const error of errors as readonly GraphQLError[]) classify(error.toJSON(), error);
    },
  };
  return {
    // One listener for every request: nothing in it is per request but what Apollo passes in.
    async requestDidStart() {
      return listener;
    },
    async contextCreationDidFail({ error }) {
      fallback(error);
    },
    async unexpectedErrorProcessingRequest({ error }) {
      fallback(error);
    },
  };
}
