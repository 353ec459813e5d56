import { Logger } from '@nestjs/common';
import type { ApolloDriverConfig } from '@nestjs/apollo';
import type { GraphQLSchema } from 'graphql';
import type { Actor } from '@kom/kernel';
import { BearerSockets, type KomRequestContext, type SessionSockets, type TokenVerifier } from '@kom/auth';
import type { KomConfig, KomMetrics } from '@kom/platform';
import { graphqlMetricsPlugin } from '../observability/graphql-metrics.plugin';
import { errorReportPlugin } from './error-report.plugin';
import { graphqlPipeline, operationChecksPlugin } from './graphql-pipeline';
import { graphqlWsOptions, type SchemaRef } from './graphql-ws-options';
import { noStorePlugins } from './no-store.plugin';

interface WsContext {
  connectionParams?: Record<string, unknown>;
  extra: { actor?: Actor; request?: KomRequestContext['req'] };
}

const isWsContext = (arg: unknown): arg is WsContext =>
  typeof arg === 'object' && arg !== null && 'extra' in arg && 'connectionParams' in arg;

/**
 * GraphQL over HTTP and graphql-ws on /graphql, with production defaults that leak nothing.
 * Apollo turns introspection and stack traces ON whenever NODE_ENV is not "production", so both
 * are set explicitly here, from the validated configuration, never left to Apollo's default.
 * Both transports run one pipeline (graphql-pipeline.ts): the same limits, rules and masking.
 */
export function graphqlOptions(
  config: KomConfig,
  verifier: TokenVerifier,
  schemaFile: string | boolean,
  sessionSockets?: SessionSockets,
  metrics?: KomMetrics,
  // The application passes AuthModule's, which sweeps; without one, tokens are still verified again at each operation.
  bearerSockets: BearerSockets = new BearerSockets(verifier),
): ApolloDriverConfig {
  const logger = new Logger('GraphQL');
  const report = (error: unknown) => logger.error(error);
  // Over HTTP the error report plugin reports, with the request's logger; graphql-ws has no
  // Apollo plugins, so its pipeline reports from formatError.
  const pipeline = graphqlPipeline(config, () => undefined);
  const wsPipeline = graphqlPipeline(config, report);
  const schemaRef: SchemaRef = {};
  return {
    path: '/graphql',
    autoSchemaFile: schemaFile,
    sortSchema: true,
    playground: false,
    introspection: config.graphql.introspection,
    includeStacktraceInErrorResponses: !pipeline.production,
    // No "Did you mean …?" (field and type names) in production.
    hideSchemaDetailsFromClientErrors: pipeline.production,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    parseOptions: { maxTokens: pipeline.maxTokens },
    validationRules: [...pipeline.extraRules],
    plugins: [operationChecksPlugin(pipeline), errorReportPlugin(pipeline.production, report), ...noStorePlugins(), ...(metrics ? [graphqlMetricsPlugin(metrics)] : [])],
    // Guards run on field resolvers too, so a sensitive field cannot be reached through a public parent.
    fieldResolverEnhancers: ['guards'],
    formatError: pipeline.formatError,
    transformSchema: (schema: GraphQLSchema) => {
      schemaRef.schema = schema;
      return schema;
    },
    context: (arg: unknown): KomRequestContext => {
      if (isWsContext(arg)) return { actor: arg.extra.actor, req: arg.extra.request };
      const req = (arg as { req?: KomRequestContext['req'] }).req ?? (arg as KomRequestContext['req']);
      return { req };
    },
    subscriptions: { 'graphql-ws': graphqlWsOptions(wsPipeline, verifier, schemaRef, { session: sessionSockets, bearer: bearerSockets }, metrics) },
  } as ApolloDriverConfig;
}
