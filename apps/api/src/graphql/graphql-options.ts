import { Logger } from '@nestjs/common';
import type { ApolloDriverConfig } from '@nestjs/apollo';
import { NoSchemaIntrospectionCustomRule, parse, specifiedRules, validate, type GraphQLFormattedError } from 'graphql';
import type { Actor } from '@kom/kernel';
import { bearerToken, type ClosableSocket, type KomRequestContext, type SessionSockets, type TokenVerifier } from '@kom/auth';
import { createFormatError, type KomConfig } from '@kom/platform';
import { armorRules, listLengthPlugin, withoutSuggestions } from './hardening';

interface WsContext {
  connectionParams?: Record<string, unknown>;
  extra: { actor?: Actor; request?: KomRequestContext['req']; socket?: ClosableSocket };
}

const isWsContext = (arg: unknown): arg is WsContext =>
  typeof arg === 'object' && arg !== null && 'extra' in arg && 'connectionParams' in arg;

/**
 * GraphQL over HTTP and graphql-ws on /graphql, with production defaults that leak nothing.
 * Apollo turns introspection and stack traces ON whenever NODE_ENV is not "production", so both
 * are set explicitly here, from the validated configuration, never left to Apollo's default.
 */
export function graphqlOptions(
  config: KomConfig,
  verifier: TokenVerifier,
  schemaFile: string | boolean,
  sessionSockets?: SessionSockets,
): ApolloDriverConfig {
  const production = config.nodeEnv === 'production';
  const limits = config.graphql;
  const logger = new Logger('GraphQL');
  const rules = [...specifiedRules, ...armorRules(limits), ...(limits.introspection ? [] : [NoSchemaIntrospectionCustomRule])];
  const format = createFormatError({ production, report: (error) => logger.error(error) });
  return {
    path: '/graphql',
    autoSchemaFile: schemaFile,
    sortSchema: true,
    playground: false,
    introspection: limits.introspection,
    includeStacktraceInErrorResponses: !production,
    // No "Did you mean …?" (field and type names) in production.
    hideSchemaDetailsFromClientErrors: production,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    parseOptions: { maxTokens: limits.maxTokens },
    validationRules: armorRules(limits),
    plugins: [listLengthPlugin(limits.maxListLength)],
    // Guards run on field resolvers too, so a sensitive field cannot be reached through a public parent.
    fieldResolverEnhancers: ['guards'],
    formatError: (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
      const masked = format(formatted, error);
      if (!production) return masked;
      const { stacktrace: _never, ...extensions } = (masked.extensions ?? {}) as Record<string, unknown>;
      return { ...masked, message: withoutSuggestions(masked.message), extensions };
    },
    context: (arg: unknown): KomRequestContext => {
      if (isWsContext(arg)) return { actor: arg.extra.actor, req: arg.extra.request };
      const req = (arg as { req?: KomRequestContext['req'] }).req ?? (arg as KomRequestContext['req']);
      return { req };
    },
    subscriptions: {
      'graphql-ws': {
        path: '/graphql',
        // graphql-ws does not go through Apollo: the same token limit, armor rules and introspection rule here.
        parse: (source: string) => parse(source, { maxTokens: limits.maxTokens }),
        validate: (schema: Parameters<typeof validate>[0], document: Parameters<typeof validate>[1]) => validate(schema, document, rules),
        // A socket is accepted only with a valid token in the connection parameters
        // ({ authorization: "Bearer <token>" }); graphql-ws closes it with 4403 otherwise.
        onConnect: async (ctx: WsContext) => {
          const params = ctx.connectionParams ?? {};
          const token = bearerToken(params.authorization ?? params.Authorization);
          // No token: the web app's session cookie on the upgrade request, with { csrfToken } and its Origin.
          if (!token) {
            if (!sessionSockets || !ctx.extra.socket) return false;
            const actor = await sessionSockets.connect(ctx.extra.request ?? {}, params, ctx.extra.socket);
            if (!actor) return false;
            ctx.extra.actor = actor;
            return true;
          }
          try {
            ctx.extra.actor = await verifier.verify(token);
            return true;
          } catch {
            return false;
          }
        },
      },
    },
  } as ApolloDriverConfig;
}
