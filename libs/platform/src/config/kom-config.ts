import { join, resolve } from 'node:path';
import { z } from 'zod';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
const SHARED_STATE_SCHEMES = ['postgres:', 'postgresql:'];
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
  KOM_SHARED_STATE_URL: optional(
    z
      .string()
      .refine((url) => SHARED_STATE_SCHEMES.some((s) => url.startsWith(s + '//')), {
        message: 'must start with postgres:// or postgresql:// (unset: PostgreSQL when the event store is, else SQLite files in the data directory)',
      })
      .optional(),
  ),
  LOG_LEVEL: optional(z.enum(LOG_LEVELS).default('info')),
  KOM_AUTH_ISSUER: optional(z.string().default('kom-platform-embedded')),
  KOM_AUTH_AUDIENCE: optional(z.string().default('kom-platform')),
  KOM_AUTH_KEY_FILE: optional(z.string().optional()),
  KOM_AUDIT_CHECKPOINT_EVERY: optional(z.coerce.number().int().min(1).max(10_000_000).default(1000)),
  KOM_AUDIT_CHECKPOINT_MINUTES: optional(z.coerce.number().int().min(0).max(7 * 24 * 60).default(60)),
  KOM_AUDIT_KEY_FILE: optional(z.string().optional()),
  KOM_PERSONAL_DATA_KEYS_FILE: optional(z.string().optional()),
  KOM_WEB_DIR: optional(z.string().default('./apps/web/dist')),
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
  // A token issued (iat) longer ago than this is refused, whatever its exp says: one minute to 30 days.
  KOM_AUTH_MAX_TOKEN_AGE_SECONDS: optional(z.coerce.number().int().min(60).max(30 * 86_400).default(86_400)),
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
  // Browser sign-in (backend-for-frontend sessions).
  KOM_DEMO_REPRESENTATIVES: optional(z.enum(['true', 'false']).optional()),
  KOM_SESSION_IDLE_MINUTES: optional(z.coerce.number().positive().max(24 * 60).default(30)),
  KOM_SESSION_MAX_HOURS: optional(z.coerce.number().positive().max(24 * 30).default(10)),
  KOM_SESSION_STORE_FILE: optional(z.string().optional()),
  KOM_RATE_LIMIT_SIGN_INS_PER_MINUTE: optional(z.coerce.number().int().min(1).max(1_000_000).default(20)),
  KOM_PUBLIC_ORIGIN: optional(
    z
      .string()
      .refine((value) => isOrigin(value), { message: 'must be an origin such as https://kom.example.no (scheme, host, optional port; no path)' })
      .transform((value) => new URL(value).origin)
      .optional(),
  ),
  KOM_OIDC_ISSUER_URL: optional(
    z.string().refine((url) => /^https?:\/\/[^/]/.test(url), { message: 'must be the http(s) URL of the OIDC provider\'s issuer' }).optional(),
  ),
  KOM_OIDC_CLIENT_ID: optional(z.string().optional()),
  KOM_OIDC_CLIENT_SECRET: optional(z.string().optional()),
  KOM_OIDC_SCOPES: optional(z.string().default('openid')),
  KOM_OIDC_POST_LOGOUT_REDIRECT_URI: optional(z.string().url().optional()),
  // Notifications (e-mail and webhooks). No SMTP URL: notifications are recorded and listed in the app only.
  KOM_SMTP_URL: optional(
    z.string().refine((url) => /^smtps?:\/\/[^/]/.test(url), { message: 'must be an smtp:// or smtps:// URL (user and password URL-encoded)' }).optional(),
  ),
  KOM_MAIL_FROM: optional(z.string().min(3).max(300).default('KOM <no-reply@kom.invalid>')),
  KOM_WEBHOOK_MAX_ATTEMPTS: optional(z.coerce.number().int().min(1).max(50).default(8)),
  KOM_WEBHOOK_DISABLE_AFTER_FAILURES: optional(z.coerce.number().int().min(1).max(1000).default(20)),
  KOM_NOTIFICATIONS_POLL_MS: optional(z.coerce.number().int().min(50).max(3_600_000).default(5000)),
  KOM_WEBHOOK_ALLOW_PRIVATE_ADDRESSES: optional(z.enum(['true', 'false']).default('false')),
  // Observability: Prometheus metrics on their own port, OpenTelemetry traces over OTLP/HTTP.
  KOM_METRICS_PORT: optional(z.coerce.number().int().min(1).max(65535).optional()),
  KOM_METRICS_HOST: optional(z.string().optional()),
  KOM_OTLP_ENDPOINT: optional(
    z.string().refine((url) => /^https?:\/\/[^/]/.test(url), { message: 'must be the http(s) URL of an OTLP/HTTP collector' }).optional(),
  ),
  OTEL_EXPORTER_OTLP_ENDPOINT: optional(
    z.string().refine((url) => /^https?:\/\/[^/]/.test(url), { message: 'must be the http(s) URL of an OTLP/HTTP collector' }).optional(),
  ),
  OTEL_SERVICE_NAME: optional(z.string().default('kom-platform')),
  KOM_SHUTDOWN_TIMEOUT_SECONDS: optional(z.coerce.number().int().min(1).max(120).default(10)),
});

function isOrigin(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === value.replace(/\/$/, '');
  } catch {
    return false;
  }
}

/** What actually configures OIDC: any of these set (and non-empty) selects the OIDC verifier. */
const OIDC_SETTINGS = ['KOM_AUTH_JWKS_URL'] as const;

export interface OidcConfig {
  /** The provider's JSON Web Key Set; keys are fetched and refreshed (rotation) by jose's remote key set. */
  readonly jwksUrl: string;
  readonly algorithms: readonly OidcAlgorithm[];
  readonly clockToleranceSeconds: number;
  /** Tokens whose `iat` is older than this are refused (KOM_AUTH_MAX_TOKEN_AGE_SECONDS, default one day). */
  readonly maxTokenAgeSeconds: number;
  /** Claim paths (`sub`, `consumer.ID`, `authorization_details[0].reportees[0].ID`). */
  readonly claims: { readonly user: string; readonly organization: string; readonly role: string };
  /** Claim value → platform role (Entra ID group ids, scopes); unset: the claim value is the role name. */
  readonly roleMap: Readonly<Record<string, string>> | undefined;
  /** Claim value → platform organisation id (org numbers); unset: the claim value is the organisation id. */
  readonly organizationMap: Readonly<Record<string, string>> | undefined;
}

/** Browser sign-in against an OIDC provider: authorization code flow with PKCE. */
export interface OidcSignInConfig {
  readonly issuerUrl: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** Space-separated; always includes `openid`. */
  readonly scopes: string;
  /** Where the provider sends the browser after logout (default: the public origin's `/`). */
  readonly postLogoutRedirectUri: string;
}

/** Server-side sessions for the web app, referenced by the `kom_session` cookie. */
export interface SessionConfig {
  /** `embedded`: demo people sign in without a password (never in production). `oidc`: an OIDC provider. */
  readonly mode: 'embedded' | 'oidc';
  readonly idleMinutes: number;
  readonly maxHours: number;
  /** Where sessions are kept (default <dataDir>/sessions.sqlite). */
  readonly storeFile: string;
  /** The origin the browser sees; the redirect URI and the WebSocket Origin check derive from it. */
  readonly publicOrigin: string | undefined;
  /** Sign-in attempts per client address per minute. */
  readonly signInsPerMinute: number;
  /** Embedded mode: register the demo people as representatives of their organisations, linked to their identities. */
  readonly demoRepresentatives: boolean;
  /** Set in OIDC mode when the provider is configured; production without it offers no browser sign-in. */
  readonly oidc: OidcSignInConfig | undefined;
  /** The claim mapping of the Bearer path, applied to the provider's ID token. */
  readonly claims: { readonly user: string; readonly organization: string; readonly role: string };
  readonly roleMap: Readonly<Record<string, string>> | undefined;
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
  /**
   * The PostgreSQL database that holds what every replica must share besides the log: web
   * sessions, idempotency keys, rate-limit counters, personal-data keys. KOM_SHARED_STATE_URL, or
   * else the event store's URL when that is PostgreSQL; undefined: SQLite files in the data
   * directory and rate limits in memory (one process).
   */
  readonly sharedStateUrl: string | undefined;
  readonly logLevel: (typeof LOG_LEVELS)[number];
  /** keyFile: the embedded issuer's signing key (default <dataDir>/embedded-signing-key.json). */
  readonly auth: {
    readonly issuer: string;
    readonly audience: string;
    readonly keyFile: string;
    /** Set: verify the OIDC provider's tokens. Unset: the embedded issuer (never in production). */
    readonly oidc: OidcConfig | undefined;
    /** Mutations each user may call per minute (across replicas when shared state is in PostgreSQL). */
    readonly mutationsPerMinute: number;
  };
  readonly graphql: GraphQLLimits;
  /**
   * checkpointEvery: the notary signs a checkpoint at every multiple of this many events;
   * checkpointMinutes: and every this many minutes when the log grew meanwhile (0: only by count).
   * keyFile: the platform's Ed25519 audit key (default <dataDir>/audit-signing-key.pem); replicas
   * writing to one KurrentDB share it, as they share the auth key.
   */
  readonly audit: { readonly checkpointEvery: number; readonly checkpointMinutes: number; readonly keyFile: string };
  /**
   * The key table of crypto-shredded personal data (default <dataDir>/personal-data-keys.sqlite):
   * outside the event log. Not used when shared state is in PostgreSQL (sharedStateUrl); otherwise
   * replicas writing to one KurrentDB share it (a shared volume).
   */
  readonly personalData: { readonly keysFile: string };
  readonly session: SessionConfig;
  /** Absolute. The built web app (`vite build` output), served at `/`; absent: the API runs without it. */
  readonly webDir: string;
  /**
   * smtpUrl: undefined sends no e-mail (notifications are still recorded and listed in the app).
   * Webhooks: attempts per notification, consecutive failures before an endpoint is disabled.
   */
  readonly notifications: {
    readonly smtpUrl: string | undefined;
    readonly mailFrom: string;
    readonly webhookMaxAttempts: number;
    readonly webhookDisableAfterFailures: number;
    readonly pollMs: number;
    /** Webhooks to loopback, private and link-local addresses (tests, closed networks); refused otherwise. */
    readonly allowPrivateAddresses: boolean;
  };
  /**
   * port: Prometheus metrics are served there (never on the API port); undefined: no metrics port.
   * host: the interface it listens on (default HOST).
   */
  readonly metrics: { readonly port: number | undefined; readonly host: string };
  /**
   * otlpEndpoint: the OTLP/HTTP collector traces are exported to (KOM_OTLP_ENDPOINT, else
   * OTEL_EXPORTER_OTLP_ENDPOINT); undefined: no tracing SDK is started at all.
   */
  readonly tracing: { readonly otlpEndpoint: string | undefined; readonly serviceName: string };
  /** On SIGTERM: in-flight work finishes within this many seconds, then the process exits regardless. */
  readonly shutdownTimeoutSeconds: number;
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
  const signInProblems = oidcSignInProblems(e);
  if (signInProblems.length > 0) throw new ConfigError(signInProblems);
  const dataDir = resolve(e.KOM_DATA_DIR);
  return {
    nodeEnv: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    dataDir,
    eventStoreUrl: e.KOM_EVENTSTORE_URL,
    sharedStateUrl:
      e.KOM_SHARED_STATE_URL ?? (SHARED_STATE_SCHEMES.some((s) => e.KOM_EVENTSTORE_URL?.startsWith(s + '//')) ? e.KOM_EVENTSTORE_URL : undefined),
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
              maxTokenAgeSeconds: e.KOM_AUTH_MAX_TOKEN_AGE_SECONDS,
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
      checkpointMinutes: e.KOM_AUDIT_CHECKPOINT_MINUTES,
      keyFile: resolve(e.KOM_AUDIT_KEY_FILE ?? join(dataDir, 'audit-signing-key.pem')),
    },
    personalData: {
      keysFile: resolve(e.KOM_PERSONAL_DATA_KEYS_FILE ?? join(dataDir, 'personal-data-keys.sqlite')),
    },
    webDir: resolve(e.KOM_WEB_DIR),
    notifications: {
      smtpUrl: e.KOM_SMTP_URL,
      mailFrom: e.KOM_MAIL_FROM,
      webhookMaxAttempts: e.KOM_WEBHOOK_MAX_ATTEMPTS,
      webhookDisableAfterFailures: e.KOM_WEBHOOK_DISABLE_AFTER_FAILURES,
      pollMs: e.KOM_NOTIFICATIONS_POLL_MS,
      allowPrivateAddresses: e.KOM_WEBHOOK_ALLOW_PRIVATE_ADDRESSES === 'true',
    },
    metrics: { port: e.KOM_METRICS_PORT, host: e.KOM_METRICS_HOST ?? e.HOST },
    tracing: { otlpEndpoint: e.KOM_OTLP_ENDPOINT ?? e.OTEL_EXPORTER_OTLP_ENDPOINT, serviceName: e.OTEL_SERVICE_NAME },
    shutdownTimeoutSeconds: e.KOM_SHUTDOWN_TIMEOUT_SECONDS,
    session: {
      mode: e.KOM_OIDC_ISSUER_URL !== undefined || e.NODE_ENV === 'production' ? 'oidc' : 'embedded',
      idleMinutes: e.KOM_SESSION_IDLE_MINUTES,
      maxHours: e.KOM_SESSION_MAX_HOURS,
      storeFile: resolve(e.KOM_SESSION_STORE_FILE ?? join(dataDir, 'sessions.sqlite')),
      publicOrigin: e.KOM_PUBLIC_ORIGIN,
      signInsPerMinute: e.KOM_RATE_LIMIT_SIGN_INS_PER_MINUTE,
      // Tests start from an empty register unless they ask (the browser suites do).
      demoRepresentatives:
        e.KOM_OIDC_ISSUER_URL === undefined && e.NODE_ENV !== 'production' && (e.KOM_DEMO_REPRESENTATIVES ?? String(e.NODE_ENV !== 'test')) === 'true',
      oidc:
        e.KOM_OIDC_ISSUER_URL && e.KOM_OIDC_CLIENT_ID && e.KOM_OIDC_CLIENT_SECRET && e.KOM_PUBLIC_ORIGIN
          ? {
              issuerUrl: e.KOM_OIDC_ISSUER_URL,
              clientId: e.KOM_OIDC_CLIENT_ID,
              clientSecret: e.KOM_OIDC_CLIENT_SECRET,
              scopes: withOpenId(e.KOM_OIDC_SCOPES),
              postLogoutRedirectUri: e.KOM_OIDC_POST_LOGOUT_REDIRECT_URI ?? `${e.KOM_PUBLIC_ORIGIN}/`,
            }
          : undefined,
      claims: { user: e.KOM_AUTH_CLAIM_USER, organization: e.KOM_AUTH_CLAIM_ORG, role: e.KOM_AUTH_CLAIM_ROLE },
      roleMap: e.KOM_AUTH_ROLE_MAP,
      organizationMap: e.KOM_AUTH_ORG_MAP,
    },
  };
}

const withOpenId = (scopes: string): string => {
  const list = scopes.split(/[\s,]+/).filter(Boolean);
  return (list.includes('openid') ? list : ['openid', ...list]).join(' ');
};

/** KOM_OIDC_ISSUER_URL switches browser sign-in to the provider; then the client and the public origin are required. */
function oidcSignInProblems(e: z.infer<typeof envSchema>): string[] {
  if (e.KOM_OIDC_ISSUER_URL === undefined) return [];
  const problems: string[] = [];
  const required = ['KOM_OIDC_CLIENT_ID', 'KOM_OIDC_CLIENT_SECRET', 'KOM_PUBLIC_ORIGIN'] as const;
  for (const name of required) {
    if (e[name] === undefined) problems.push(`${name}: must be set when KOM_OIDC_ISSUER_URL is set (browser sign-in with the provider)`);
  }
  if (e.NODE_ENV === 'production' && !e.KOM_OIDC_ISSUER_URL.startsWith('https://')) {
    problems.push('KOM_OIDC_ISSUER_URL: must be https in production');
  }
  if (e.NODE_ENV === 'production' && e.KOM_PUBLIC_ORIGIN?.startsWith('http://')) {
    problems.push('KOM_PUBLIC_ORIGIN: must be https in production (the session cookie is Secure)');
  }
  return problems;
}
