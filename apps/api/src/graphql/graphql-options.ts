import { Logger } from '@nestjs/common';
import type { ApolloDriverConfig } from '@nestjs/apollo';
import type { Actor } from '@kom/kernel';
import { bearerToken, type KomRequestContext, type TokenVerifier } from '@kom/auth';
import { createFormatError, type KomConfig } from '@kom/platform';

interface WsContext {
  connectionParams?: Record<string, unknown>;
  extra: { actor?: Actor; request?: KomRequestContext['req'] };
}

const isWsContext = (arg: unknown): arg is WsContext =>
  typeof arg === 'object' && arg !== null && 'extra' in arg && 'connectionParams' in arg;

/** GraphQL over HTTP and graphql-ws on /graphql, with production defaults that leak nothing. */
export function graphqlOptions(
  config: KomConfig,
  verifier: TokenVerifier,
  schemaFile: string | boolean,
): ApolloDriverConfig {
  const production = config.nodeEnv === 'production';
  const logger = new Logger('GraphQL');
  return {
    path: '/graphql',
    autoSchemaFile: schemaFile,
    sortSchema: true,
    playground: false,
    introspection: !production,
    includeStacktraceInErrorResponses: !production,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    // Guards run on field resolvers too, so a sensitive field cannot be reached through a public parent.
    fieldResolverEnhancers: ['guards'],
    formatError: createFormatError({ production, report: (error) => logger.error(error) }),
    context: (arg: unknown): KomRequestContext => {
      if (isWsContext(arg)) return { actor: arg.extra.actor, req: arg.extra.request };
      const req = (arg as { req?: KomRequestContext['req'] }).req ?? (arg as KomRequestContext['req']);
      return { req };
    },
    subscriptions: {
      'graphql-ws': {
        path: '/graphql',
        // A socket is accepted only with a valid token in the connection parameters
        // ({ authorization: "Bearer <token>" }); graphql-ws closes it with 4403 otherwise.
        onConnect: async (ctx: WsContext) => {
          const params = ctx.connectionParams ?? {};
          const token = bearerToken(params.authorization ?? params.Authorization);
          if (!token) return false;
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
