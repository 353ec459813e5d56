import { Global, Inject, Logger, Module, type DynamicModule, type OnApplicationShutdown, type OnModuleInit, type Provider } from '@nestjs/common';
import { CLOCK, SHARED_STATE, createRateLimiter, type Clock, type SharedStatePostgres } from '@kom/platform';
import { CookieSessionAuthenticator } from './cookie-session.authenticator';
import { EmbeddedSignInController } from './embedded-sign-in.controller';
import { OidcSignIn } from './oidc-sign-in';
import { OidcSignInController } from './oidc-sign-in.controller';
import { SESSION_AUTHENTICATOR } from './session-authenticator';
import { SessionController } from './session.controller';
import { SessionHttp } from './session-http';
import { SESSION_MODULE_OPTIONS, type SessionModuleOptions } from './session-module.options';
import { SessionSockets } from './session-sockets';
import { SESSION_STORE, type SessionStore } from './session-store';
import { Sessions } from './sessions';
import { SignInRateLimit } from './sign-in-rate-limit';
import { createSessionStore } from './session-store.factory';

/** How often sockets are checked against their sessions. */
const SOCKET_SWEEP_MS = 10_000;

/**
 * Browser sign-in (backend-for-frontend): server-side sessions behind the `kom_session` cookie,
 * the routes under /auth, and the session path into GraphQL (HTTP and graphql-ws). Embedded mode
 * offers demo people (never in production); OIDC mode the provider's authorization code flow.
 */
@Global()
@Module({})
export class SessionModule implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('SessionModule');

  constructor(
    @Inject(SESSION_MODULE_OPTIONS) private readonly options: SessionModuleOptions,
    @Inject(SESSION_STORE) private readonly store: SessionStore,
    @Inject(SessionSockets) private readonly sockets: SessionSockets,
  ) {}

  static forRoot(options: SessionModuleOptions): DynamicModule {
    const { config } = options;
    if (config.mode === 'embedded' && options.production) throw new Error('Embedded sign-in is never offered in production');
    const oidc: Provider[] = config.oidc
      ? [
          {
            provide: OidcSignIn,
            useFactory: () =>
              new OidcSignIn({
                ...config.oidc!,
                redirectUri: `${config.publicOrigin}/auth/callback`,
                allowHttpIssuer: !options.production,
              }),
          },
        ]
      : [];
    return {
      module: SessionModule,
      imports: options.imports ?? [],
      providers: [
        { provide: SESSION_MODULE_OPTIONS, useValue: options },
        {
          provide: SESSION_STORE,
          inject: [SHARED_STATE],
          useFactory: (shared: SharedStatePostgres | null) => createSessionStore(config, shared),
        },
        {
          provide: Sessions,
          inject: [SESSION_STORE, CLOCK],
          useFactory: (store: SessionStore, clock: Clock) => new Sessions(store, clock, config),
        },
        { provide: SESSION_AUTHENTICATOR, inject: [Sessions], useFactory: (sessions: Sessions) => new CookieSessionAuthenticator(sessions) },
        { provide: SessionSockets, inject: [Sessions], useFactory: (sessions: Sessions) => new SessionSockets(sessions, config.publicOrigin) },
        {
          provide: SignInRateLimit,
          inject: [SHARED_STATE],
          useFactory: (shared: SharedStatePostgres | null) => new SignInRateLimit(createRateLimiter(SignInRateLimit.policy(config.signInsPerMinute), shared)),
        },
        options.organizationNames,
        SessionHttp,
        ...oidc,
      ],
      controllers: [
        SessionController,
        ...(config.mode === 'embedded' ? [EmbeddedSignInController] : []),
        ...(config.oidc ? [OidcSignInController] : []),
      ],
      exports: [SESSION_AUTHENTICATOR, SessionSockets, Sessions],
    };
  }

  onModuleInit(): void {
    if (this.options.config.mode === 'oidc' && !this.options.config.oidc) {
      this.logger.warn('No browser sign-in: set KOM_OIDC_ISSUER_URL, KOM_OIDC_CLIENT_ID, KOM_OIDC_CLIENT_SECRET and KOM_PUBLIC_ORIGIN');
    }
    this.sockets.startSweeping(SOCKET_SWEEP_MS);
  }

  async onApplicationShutdown(): Promise<void> {
    this.sockets.stop();
    await this.store.close();
  }
}
