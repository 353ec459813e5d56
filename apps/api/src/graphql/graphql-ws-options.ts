import {
  GraphQLError,
  getOperationAST,
  getVariableValues,
  validate,
  type ExecutionArgs,
  type ExecutionResult,
  type GraphQLFormattedError,
  type GraphQLSchema,
} from 'graphql';
import type { Actor } from '@kom/kernel';
import { authenticateBearer, bearerToken, socketCloseReason, WS_UNAUTHORIZED, type BearerSockets, type ClosableSocket, type KomRequestContext, type SessionSockets, type TokenVerifier } from '@kom/auth';
import type { KomMetrics } from '@kom/platform';
import type { GraphQLPipeline } from './graphql-pipeline';
import { countedSubscription, operationLabel } from '../observability/graphql-metrics.plugin';

/** WebSocket's own "Try Again Later": the identity provider could not be asked; clients may retry. */
export const WS_TRY_AGAIN_LATER = 1013;

interface WsContext {
  connectionParams?: Record<string, unknown>;
  extra: { actor?: Actor; request?: KomRequestContext['req']; socket?: ClosableSocket };
}

interface SubscribePayload {
  query?: unknown;
  variables?: unknown;
  operationName?: unknown;
}

/** The sockets followed after connecting: a session's live as long as it, a bearer token's as long as that. */
export interface WsSockets {
  readonly session?: SessionSockets;
  readonly bearer: BearerSockets;
}

/** Filled when the schema is built (transformSchema); graphql-ws validates against it. */
export interface SchemaRef {
  schema?: GraphQLSchema;
}

const codeOf = (error: GraphQLError, code: string): GraphQLError =>
  error.extensions.code
    ? error
    : new GraphQLError(error.message, { nodes: error.nodes, source: error.source, positions: error.positions, path: error.path, originalError: error.originalError, extensions: { ...error.extensions, code } });

/** Apollo's view of an error before formatError: a code always (INTERNAL_SERVER_ERROR if none), no transport details. */
function formattedOf(error: GraphQLError): GraphQLFormattedError {
  const { http: _http, ...extensions } = error.extensions as Record<string, unknown>;
  return { ...error.toJSON(), extensions: { ...extensions, code: extensions.code ?? 'INTERNAL_SERVER_ERROR' } };
}

/**
 * graphql-ws on /graphql through the same pipeline as HTTP: the token is checked as the guard
 * checks it (a refused one closes the socket with 4401 and `{"code":"UNAUTHENTICATED","reason":…}`
 * as the close reason; an unreachable identity provider with 1013, Try Again Later), then every operation is parsed with the token limit, validated with the
 * same rules, its variables coerced, its lists bounded, and every error formatted and masked alike.
 * A socket lives no longer than what it connected with: a session (SessionSockets) or a bearer
 * token, verified again at each operation and swept (BearerSockets).
 */
export function graphqlWsOptions(pipeline: GraphQLPipeline, verifier: TokenVerifier, schemaRef: SchemaRef, sockets: WsSockets, metrics?: KomMetrics) {
  const sessionSockets = sockets.session;
  const format = (errors: readonly GraphQLError[]): GraphQLFormattedError[] => errors.map((error) => pipeline.formatError(formattedOf(error), error));
  return {
    path: '/graphql',
    onConnect: async (ctx: WsContext) => {
      const params = ctx.connectionParams ?? {};
      const authorization = params.authorization ?? params.Authorization;
      // No Bearer token: the web app's session cookie on the upgrade request, with { csrfToken } and
      // its Origin; a refused session closes the socket with its own reason.
      if (!bearerToken(authorization) && sessionSockets && ctx.extra.socket) {
        const actor = await sessionSockets.connect(ctx.extra.request ?? {}, params, ctx.extra.socket);
        if (actor === null) return false;
        if (actor) {
          ctx.extra.actor = actor;
          return true;
        }
      }
      try {
        ctx.extra.actor = await authenticateBearer(verifier, authorization);
        if (ctx.extra.socket) sockets.bearer.track(ctx.extra.socket, authorization as string);
        return true;
      } catch (error) {
        const refusal = error instanceof GraphQLError ? error : new GraphQLError('Authentication failed', { originalError: error as Error });
        const { extensions } = pipeline.formatError(formattedOf(refusal), refusal);
        // graphql-ws would close with 4403 and no reason; the client learns why, as over HTTP.
        const closeCode = extensions?.code === 'SERVICE_UNAVAILABLE' ? WS_TRY_AGAIN_LATER : WS_UNAUTHORIZED;
        ctx.extra.socket?.close(closeCode, socketCloseReason(extensions?.code, extensions?.reason));
        return false;
      }
    },
    onSubscribe: async (ctx: WsContext, _id: string, payload: SubscribePayload): Promise<ExecutionArgs | readonly GraphQLError[]> => {
      const socket = ctx.extra.socket;
      if (socket && sockets.bearer.follows(socket)) {
        try {
          ctx.extra.actor = await sockets.bearer.recheck(socket);
        } catch (error) {
          if (error instanceof GraphQLError) return [error];
          throw error;
        }
      }
      const schema = schemaRef.schema;
      if (!schema) return [new GraphQLError('The schema is not ready yet', { extensions: { code: 'INTERNAL_SERVER_ERROR' } })];
      try {
        const document = pipeline.parse(payload.query);
        const invalid = validate(schema, document, [...pipeline.allRules]);
        if (invalid.length > 0) return invalid.map((e) => codeOf(e, 'GRAPHQL_VALIDATION_FAILED'));
        const operationName = typeof payload.operationName === 'string' ? payload.operationName : undefined;
        const operation = getOperationAST(document, operationName);
        if (!operation) return [new GraphQLError('The document names no operation to run (operationName)', { extensions: { code: 'BAD_REQUEST', reason: 'OPERATION_RESOLUTION_FAILURE' } })];
        const variables = payload.variables ?? {};
        if (typeof variables !== 'object' || Array.isArray(variables)) return [new GraphQLError('variables must be an object', { extensions: { code: 'BAD_REQUEST' } })];
        const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables as Record<string, unknown>, { maxErrors: 50 });
        if (coerced.errors) return coerced.errors.map((e) => codeOf(e, 'BAD_USER_INPUT'));
        const refusal = pipeline.checkOperation('ws', document, variables, operationName);
        metrics?.graphqlRequests.inc({ operation: operationLabel(operation), type: operation.operation, transport: 'ws' });
        if (refusal) return [refusal];
        return { schema, document, variableValues: variables as Record<string, unknown>, operationName };
      } catch (error) {
        if (error instanceof GraphQLError) return [error];
        throw error;
      }
    },
    onOperation: (_ctx: WsContext, _id: string, _payload: unknown, _args: unknown, result: unknown) =>
      metrics && typeof (result as AsyncIterable<unknown>)?.[Symbol.asyncIterator] === 'function'
        ? countedSubscription(result as AsyncIterable<unknown>, metrics)
        : undefined,
    onNext: (_ctx: WsContext, _id: string, _payload: unknown, _args: unknown, result: ExecutionResult) =>
      result.errors ? { ...result, errors: format(result.errors) } : result,
    onError: (_ctx: WsContext, _id: string, _payload: unknown, errors: readonly GraphQLError[]) => format(errors),
  };
}
