export * from './tokens/claims';
export * from './tokens/token-verifier';
export * from './tokens/embedded-issuer';
export * from './graphql/policy.decorators';
export * from './graphql/policy.guard';
export * from './auth.module';
