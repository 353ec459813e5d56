import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

export const MANIFEST = 'manifest.json';
export const FORMAT = 'kom-backup/1';

/** SQLite databases copied with SQLite's online backup API (a consistent snapshot while the API writes). */
export const DATABASES = ['events.sqlite', 'personal-data-keys.sqlite'] as const;
/**
 * Key files copied as they are: the audit key (the checkpoints' signatures and the next ones) and
 * the embedded issuer's key. Read models, sessions and idempotency keys are not backed up: read
 * models are rebuilt from the log on restore; sessions and idempotency keys are short-lived.
 */
export const KEY_FILES = ['audit-signing-key.pem', 'embedded-signing-key.json'] as const;

export interface BackupManifest {
  readonly format: typeof FORMAT;
  readonly createdAt: string;
  /** The log's last position in the backup, and how many events it holds. */
  readonly headPosition: string;
  readonly events: number;
  /** File name → SHA-256 (hex). */
  readonly files: Readonly<Record<string, string>>;
}

export const sha256File = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex');
