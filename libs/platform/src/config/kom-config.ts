import { join, resolve } from 'node:path';
import { z } from 'zod';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
const STORE_SCHEMES = ['esdb:', 'esdb+discover:', 'kurrentdb:', 'kurrentdb+discover:', 'kurrent:', 'kurrent+discover:', 'postgres:', 'postgresql:'];

// An empty variable means "unset", as in most deployment tools.
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), schema);

/** OIDC signature algorithms the platform may accept; symmetric (HS*) and `none` are not among them. */
export const OIDC_ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'] as const;
export type OidcAlgorithm = (typeof OIDC_ALGORITHMS)[number];

const ROLE_NAMES = ['SECRETARIAT', 'AGENCY_MEMBER', 'NGO_REPRESENTATIVE', 'AUDITOR'] as const;

/** `sub`, `consumer.ID`, `authorization_details[0].reportees[0].ID`, `["https://example.org/claims"].org`. */
const CLAIM_PATH = /^(?:[A-Za-z_$][\w$:-]*|\["[^"]+"\])(?:\.[A-Za-z_$][\w$:-]*|\[\d+\]|\["[^"]+"\])*$/;
const claimPath = z.string().regex(CLAIM_PATH, { message: 'must be a claim path such as sub, consumer.ID or authorization_details[0].reportees[0].ID' });

/** `a=X,b=Y` (also `;` or newlines between pairs); the right-hand side is checked by `valid`. */
const mapping = (name: string, shape: string, valid: (value: string) => boolean) =>
  z
    .string()
    .transform((text, ctx) => {
      const map: Record<string, string> = {};
      for (const pair of text.split(/[,;\n]/).map((p) => p.trim()).filter(Boolean)) {
        const at = pair.lastIndexOf('=');
        const key = pair.slice(0, at).trim();
        const value = pair.slice(at + 1).trim();
        if (at <= 0 || !valid(value)) {
          ctx.addIssue({ code: 'custom', message: `${name}: "${pair}" is not ${shape}` });
          return z.NEVER;
        }
        map[key] = value;
      }
      return map;
    })
    .optional();

const envSchema = z.object({
  NODE_ENV: optional(z.enum(['development', 'production', 'test']).default('development')),
  PORT: optional(z.coerce.number().int().min(1).max(65535).default(3000)),
  HOST: optional(z.string().default('0.0.0.0')),
  KOM_DATA_DIR: optional(z.string().default('./data')),
  KOM_EVENTSTORE_URL: optional(
    z
      .string()
      .refine((url) => STORE_SCHEMES.some((s) => url.startsWith(s + '//')), {
        message: `must start with one of ${STORE_SCHEMES.map((s) => s + '//').join(', ')} (unset: embedded SQLite)`,
      })
      .optional(),
  ),
  LOG_LEVEL: optional(z.enum(LOG_LEVELS).default('info')),
  KOM_AUTH_ISSUER: optional(z.string().default('kom-platform-embedded')),
  KOM_AUTH_AUDIENCE: optional(z.string().default('kom-platform')),
  KOM_AUTH_KEY_FILE: optional(z.string().optional()),
  KOM_AUDIT_CHECKPOINT_EVERY: optional(z.coerce.number().int().min(1).max(10_000_000).default(1000)),
  KOM_AUDIT_KEY_FILE: optional(z.string().optional()),
  KOM_PERSONAL_DATA_KEYS_FILE: optional(z.string().optional()),
  // OIDC (production identity). Any of these set means "verify an OIDC provider's tokens".
  KOM_AUTH_JWKS_URL: optional(
    z
      .string()
      .refine((url) => /^https?:\/\//.test(url), { message: 'must be an http(s) URL of the provider\'s JSON Web Key Set' })
      .optional(),
  ),
  KOM_AUTH_ALGORITHMS: optional(
    z
      .string()
      .default('RS256,ES256,EdDSA')
      .transform((list) => list.split(',').map((a) => a.trim()).filter(Boolean))
      .refine((algs) => algs.length > 0 && algs.every((a) => (OIDC_ALGORITHMS as readonly string[]).includes(a)), {
        message: `a comma-separated list of ${OIDC_ALGORITHMS.join(', ')} (symmetric HS* and none are never accepted)`,
      }),
  ),
  KOM_AUTH_CLOCK_TOLERANCE_SECONDS: optional(z.coerce.number().int().min(0).max(300).default(30)),
  KOM_AUTH_CLAIM_USER: optional(claimPath.default('sub')),
  KOM_AUTH_CLAIM_ORG: optional(claimPath.default('kom_org')),
  KOM_AUTH_CLAIM_ROLE: optional(claimPath.default('kom_role')),
  KOM_AUTH_ROLE_MAP: optional(mapping('KOM_AUTH_ROLE_MAP', 'claim-value=ROLE', (v) => (ROLE_NAMES as readonly string[]).includes(v))),
  KOM_AUTH_ORG_MAP: optional(mapping('KOM_AUTH_ORG_MAP', 'claim-value=organizationId', (v) => v.length > 0)),
  // GraphQL hardening.
  KOM_GRAPHQL_INTROSPECTION: optional(z.enum(['true', 'false']).optional()),
  KOM_GRAPHQL_MAX_DEPTH: optional(z.coerce.number().int().min(2).max(100).default(10)),
  KOM_GRAPHQL_MAX_ALIASES: optional(z.coerce.number().int().min(0).max(1000).default(15)),
  KOM_GRAPHQL_MAX_DIRECTIVES: optional(z.coerce.number().int().min(0).max(1000).default(10)),
  KOM_GRAPHQL_MAX_TOKENS: optional(z.coerce.number().int().min(50).max(100_000).default(2000)),
  KOM_GRAPHQL_MAX_COST: optional(z.coerce.number().int().min(10).max(1_000_000).default(20000)),
  KOM_GRAPHQL_MAX_LIST_LENGTH: optional(z.coerce.number().int().min(1).max(100_000).default(200)),
  KOM_RATE_LIMIT_MUTATIONS_PER_MINUTE: optional(z.coerce.number().int().min(1).max(1_000_000).default(120)),
});

/** What actually configures OIDC: any of these set (and non-empty) selects the OIDC verifier. */
const OIDC_SETTINGS = ['KOM_AUTH_JWKS_URL'] as const;

export interface OidcConfig {
  /** The provider's JSON Web Key Set; keys are fetched and refreshed (rotation) by jose's remote key set. */
  readonly jwksUrl: string;
  readonly algorithms: readonly OidcAlgorithm[];
  readonly clockToleranceSeconds: number;
  /** Claim paths (`sub`, `consumer.ID`, `authorization_details[0].reportees[0].ID`). */
  readonly claims: { readonly user: string; readonly organization: string; readonly role: string };
  /** Claim value → platform role (Entra ID group ids, scopes); unset: the claim value is the role name. */
  readonly roleMap: Readonly<Record<string, string>> | undefined;
  /** Claim value → platform organisation id (org numbers); unset: the claim value is the organisation id. */
  readonly organizationMap: Readonly<Record<string, string>> | undefined;
}

export interface GraphQLLimits {
  /** Introspection: on outside production; in production only with KOM_GRAPHQL_INTROSPECTION=true. */
  readonly introspection: boolean;
  readonly maxDepth: number;
  readonly maxAliases: number;
  readonly maxDirectives: number;
  readonly maxTokens: number;
  readonly maxCost: number;
  /** No list in a request's arguments or variables may hold more items than this. */
  readonly maxListLength: number;
}

export interface KomConfig {
  readonly nodeEnv: 'development' | 'production' | 'test';
  readonly port: number;
  readonly host: string;
  /** Absolute. Holds the embedded event log, read models and the embedded signing key. */
  readonly dataDir: string;
  /** Unset: embedded SQLite. */
  readonly eventStoreUrl: string | undefined;
  readonly logLevel: (typeof LOG_LEVELS)[number];
  /** keyFile: the embedded issuer's signing key (default <dataDir>/embedded-signing-key.json). */
  readonly auth: {
    readonly issuer: string;
    readonly audience: string;
    readonly keyFile: string;
    /** Set: verify the OIDC provider's tokens. Unset: the embedded issuer (never in production). */
    readonly oidc: OidcConfig | undefined;
    /** Mutations each user may call per minute (per replica). */
    readonly mutationsPerMinute: number;
  };
  readonly graphql: GraphQLLimits;
  /**
   * checkpointEvery: the notary signs a checkpoint at every multiple of this many events.
   * keyFile: the platform's Ed25519 audit key (default <dataDir>/audit-signing-key.pem); replicas
   * writing to one KurrentDB share it, as they share the auth key.
   */
  readonly audit: { readonly checkpointEvery: number; readonly keyFile: string };
  /**
   * The key table of crypto-shredded personal data (default <dataDir>/personal-data-keys.sqlite):
   * outside the event log; replicas writing to one KurrentDB share it (a shared volume).
   */
  readonly personalData: { readonly keysFile: string };
}

const isSet = (value: string | undefined) => typeof value === 'string' && value.trim() !== '';

export const KOM_CONFIG = Symbol.for('kom.Config');

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** Reads and validates the environment once, at start; a bad value stops the process with a clear message. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): KomConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const e = parsed.data;
  const oidcRequested = OIDC_SETTINGS.some((name) => e[name] !== undefined);
  if (!oidcRequested && e.NODE_ENV === 'production') {
    throw new ConfigError([
      'NODE_ENV=production needs an OIDC provider: set KOM_AUTH_JWKS_URL, KOM_AUTH_ISSUER and KOM_AUTH_AUDIENCE ' +
        '(the embedded token issuer is for development and tests only)',
    ]);
  }
  if (oidcRequested && !isSet(env.KOM_AUTH_ISSUER)) {
    throw new ConfigError(['KOM_AUTH_ISSUER: must be set to the OIDC provider\'s issuer when KOM_AUTH_JWKS_URL is set']);
  }
  if (oidcRequested && !isSet(env.KOM_AUTH_AUDIENCE)) {
    throw new ConfigError(['KOM_AUTH_AUDIENCE: must be set to the audience the provider puts in tokens for this API when KOM_AUTH_JWKS_URL is set']);
  }
  const dataDir = resolve(e.KOM_DATA_DIR);
  return {
    nodeEnv: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    dataDir,
    eventStoreUrl: e.KOM_EVENTSTORE_URL,
    logLevel: e.LOG_LEVEL,
    auth: {
      issuer: e.KOM_AUTH_ISSUER,
      audience: e.KOM_AUTH_AUDIENCE,
      keyFile: resolve(e.KOM_AUTH_KEY_FILE ?? join(dataDir, 'embedded-signing-key.json')),
      oidc:
        oidcRequested && e.KOM_AUTH_JWKS_URL
          ? {
              jwksUrl: e.KOM_AUTH_JWKS_URL,
              algorithms: e.KOM_AUTH_ALGORITHMS as OidcAlgorithm[],
              clockToleranceSeconds: e.KOM_AUTH_CLOCK_TOLERANCE_SECONDS,
              claims: { user: e.KOM_AUTH_CLAIM_USER, organization: e.KOM_AUTH_CLAIM_ORG, role: e.KOM_AUTH_CLAIM_ROLE },
              roleMap: e.KOM_AUTH_ROLE_MAP,
              organizationMap: e.KOM_AUTH_ORG_MAP,
            }
          : undefined,
      mutationsPerMinute: e.KOM_RATE_LIMIT_MUTATIONS_PER_MINUTE,
    },
    graphql: {
      introspection: e.KOM_GRAPHQL_INTROSPECTION === undefined ? e.NODE_ENV !== 'production' : e.KOM_GRAPHQL_INTROSPECTION === 'true',
      maxDepth: e.KOM_GRAPHQL_MAX_DEPTH,
      maxAliases: e.KOM_GRAPHQL_MAX_ALIASES,
      maxDirectives: e.KOM_GRAPHQL_MAX_DIRECTIVES,
      maxTokens: e.KOM_GRAPHQL_MAX_TOKENS,
      maxCost: e.KOM_GRAPHQL_MAX_COST,
      maxListLength: e.KOM_GRAPHQL_MAX_LIST_LENGTH,
    },
    audit: {
      checkpointEvery: e.KOM_AUDIT_CHECKPOINT_EVERY,
      keyFile: resolve(e.KOM_AUDIT_KEY_FILE ?? join(dataDir, 'audit-signing-key.pem')),
    },
    personalData: {
      keysFile: resolve(e.KOM_PERSONAL_DATA_KEYS_FILE ?? join(dataDir, 'personal-data-keys.sqlite')),
    },
  };
}
