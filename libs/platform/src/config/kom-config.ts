import { join, resolve } from 'node:path';
import { z } from 'zod';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
const STORE_SCHEMES = ['esdb:', 'esdb+discover:', 'kurrentdb:', 'kurrentdb+discover:', 'kurrent:', 'kurrent+discover:'];

// An empty variable means "unset", as in most deployment tools.
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), schema);

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
});

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
  readonly auth: { readonly issuer: string; readonly audience: string; readonly keyFile: string };
}

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
    },
  };
}
