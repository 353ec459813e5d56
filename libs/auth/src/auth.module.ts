import { Global, Inject, Module, type DynamicModule, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { SHARED_STATE, createRateLimiter, type SharedStatePostgres } from '@kom/platform';
import { BearerSockets } from './graphql/bearer-sockets';
import { MeResolver } from './graphql/me.resolver';
import { MUTATION_RATE_LIMIT, MutationRateLimit } from './graphql/mutation-rate-limit';
import { PolicyGuard } from './graphql/policy.guard';
import { createTokenVerifier, type VerifierSettings } from './oidc/token-verifier.factory';
import { TOKEN_VERIFIER, type TokenVerifier } from './tokens/token-verifier';
import { VerifiedTokenCache } from './tokens/verified-token-cache';

/** How often sockets opened with a bearer token are checked against it (expiry, a withdrawn key). */
const BEARER_SOCKET_SWEEP_MS = 5_000;

export interface AuthOptions extends VerifierSettings {
  /** Mutations each user may call per minute (default 120): across replicas with shared state in PostgreSQL. */
  readonly mutationsPerMinute?: number;
}

/**
 * Identity and the deny-by-default guard, applied to every resolver, field resolver and route.
 * The verifier: an OIDC provider's tokens when OIDC settings are given; else the embedded issuer,
 * which production refuses. Verified tokens are cached (VerifiedTokenCache).
 */
@Global()
@Module({})
export class AuthModule implements OnModuleInit, OnApplicationShutdown {
  constructor(@Inject(BearerSockets) private readonly bearerSockets: BearerSockets) {}

  static forRoot(options: AuthOptions): DynamicModule {
    return {
      module: AuthModule,
      providers: [
        // Each token's signature is checked once; then it is answered from memory until it expires or its key goes.
        { provide: TOKEN_VERIFIER, useFactory: async () => new VerifiedTokenCache(await createTokenVerifier(options)) },
        {
          provide: MUTATION_RATE_LIMIT,
          inject: [SHARED_STATE],
          useFactory: (shared: SharedStatePostgres | null) =>
            new MutationRateLimit(createRateLimiter(MutationRateLimit.policy(options.mutationsPerMinute ?? 120), shared)),
        },
        { provide: BearerSockets, inject: [TOKEN_VERIFIER], useFactory: (verifier: TokenVerifier) => new BearerSockets(verifier) },
        { provide: APP_GUARD, useClass: PolicyGuard },
        MeResolver,
      ],
      exports: [TOKEN_VERIFIER, MUTATION_RATE_LIMIT, BearerSockets],
    };
  }

  onModuleInit(): void {
    this.bearerSockets.startSweeping(BEARER_SOCKET_SWEEP_MS);
  }

  onApplicationShutdown(): void {
    this.bearerSockets.stop();
  }
}
