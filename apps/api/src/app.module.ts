import { join } from 'node:path';
import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { TerminusModule } from '@nestjs/terminus';
import { LoggerModule } from 'nestjs-pino';
import { AuthModule, BearerSockets, SessionSockets, TOKEN_VERIFIER, type TokenVerifier } from '@kom/auth';
import { GraphQLErrorsFilter, METRICS, PlatformModule, type DataDirectoryLock, type KomConfig, type KomMetrics } from '@kom/platform';
import { OrganizationsModule } from '@kom/organizations';
import { CONTEXTS } from './contexts';
import { agreementsModule } from './wiring/agreements.wiring';
import { meetingsModule } from './wiring/meetings.wiring';
import { issuesModule } from './wiring/issues.wiring';
import { measuresModule } from './wiring/measure-citations';
import { auditModule } from './wiring/audit.wiring';
import { documentsModule } from './wiring/documents.wiring';
import { statusReportsModule } from './wiring/status-reports.wiring';
import { notificationsModule } from './wiring/notifications.wiring';
import { graphqlOptions } from './graphql/graphql-options';
import { HealthController } from './health/health.controller';
import { WebAppModule } from './web/web-app.module';
import { signInModule } from './wiring/sign-in.wiring';
import { RepresentedByModule } from './represented-by/represented-by.module';
import { HttpEdge } from './http/http-edge';
import { Draining } from './http/draining';
import { LOG_OPTIONS, RequestLog, logOptions } from './observability/request-log';
import { RequestTracing, TraceContextInterceptor } from './observability/request-tracing';
import { tracingStarted } from './observability/tracing-state';

export interface AppOptions {
  readonly config: KomConfig;
  /** Where the code-first schema is printed; false keeps it in memory (production). */
  readonly schemaFile?: string | false;
  readonly inMemoryReadModels?: boolean;
  /** The data directory's lock, taken before the application is built (see main.ts). */
  readonly ownership?: DataDirectoryLock;
}

@Module({})
export class AppModule {
  static forRoot(options: AppOptions): DynamicModule {
    const { config } = options;
    const schemaFile =
      options.schemaFile ?? (config.nodeEnv === 'production' ? false : join(process.cwd(), 'schema', 'kom.graphql'));
    return {
      module: AppModule,
      imports: [
        // The request lines come from a Fastify hook (RequestLog), not from nestjs-pino's middleware.
        LoggerModule.forRoot({ pinoHttp: logOptions(config.logLevel), forRoutes: [] }),
        PlatformModule.forRoot({ config, contexts: CONTEXTS, inMemoryReadModels: options.inMemoryReadModels, ownership: options.ownership }),
        AuthModule.forRoot({ ...config.auth, production: config.nodeEnv === 'production' }),
        signInModule(config),
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          inject: [TOKEN_VERIFIER, SessionSockets, METRICS, BearerSockets],
          useFactory: (verifier: TokenVerifier, sockets: SessionSockets, metrics: KomMetrics, bearer: BearerSockets) =>
            graphqlOptions(config, verifier, schemaFile || true, sockets, metrics, bearer),
        }),
        TerminusModule,
        OrganizationsModule,
        meetingsModule(),
        agreementsModule(),
        measuresModule(),
        auditModule(),
        issuesModule(),
        WebAppModule.forRoot(config.webDir),
        documentsModule(),
        statusReportsModule(),
        notificationsModule(),
        RepresentedByModule.forRoot({ demoRepresentatives: config.session.demoRepresentatives }),
      ],
      controllers: [HealthController],
      providers: [
        { provide: APP_FILTER, useClass: GraphQLErrorsFilter },
        // Only while tracing runs: any global interceptor puts every resolver call through
        // Nest's rxjs pipeline, about 6% of the CPU of a read (docs/benchmarks.md).
        ...(tracingStarted() ? [{ provide: APP_INTERCEPTOR, useClass: TraceContextInterceptor }] : []),
        { provide: LOG_OPTIONS, useValue: logOptions(config.logLevel) },
        // First of the request hooks, so that a request refused by the next ones is logged too.
        RequestLog,
        HttpEdge,
        RequestTracing,
        Draining,
      ],
    };
  }
}
