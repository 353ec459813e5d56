import { Global, Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { MeResolver } from './graphql/me.resolver';
import { PolicyGuard } from './graphql/policy.guard';
import { EmbeddedIssuer } from './tokens/embedded-issuer';
import { TOKEN_VERIFIER } from './tokens/token-verifier';

export interface AuthOptions {
  readonly keyFile: string;
  readonly issuer: string;
  readonly audience: string;
}

/** Identity and the deny-by-default guard, applied to every resolver, field resolver and route. */
@Global()
@Module({})
export class AuthModule {
  static forRoot(options: AuthOptions): DynamicModule {
    return {
      module: AuthModule,
      providers: [
        { provide: EmbeddedIssuer, useFactory: () => EmbeddedIssuer.open(options) },
        { provide: TOKEN_VERIFIER, useExisting: EmbeddedIssuer },
        { provide: APP_GUARD, useClass: PolicyGuard },
        MeResolver,
      ],
      exports: [TOKEN_VERIFIER, EmbeddedIssuer],
    };
  }
}
