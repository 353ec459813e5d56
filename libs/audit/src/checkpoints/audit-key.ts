import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { toPublicKey, type AuditPublicKey } from './signing';

export interface AuditSigningKey {
  readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;
  readonly published: AuditPublicKey;
}

/**
 * The platform's Ed25519 audit key (PKCS#8 PEM, mode 0600), made on first use. Replicas that write
 * checkpoints to one KurrentDB must share the file (as they share KOM_AUTH_KEY_FILE): a checkpoint
 * is appended once per tree size, by whichever replica gets there first, and verified with one key.
 */
export function loadOrCreateAuditKey(file: string): AuditSigningKey {
  let pem: string;
  try {
    pem = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    mkdirSync(dirname(file), { recursive: true });
    const { privateKey } = generateKeyPairSync('ed25519');
    const created = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    try {
      // wx: another process that created it first wins; then we read theirs.
      writeFileSync(file, created, { mode: 0o600, flag: 'wx' });
      chmodSync(file, 0o600);
    } catch (raced) {
      if ((raced as NodeJS.ErrnoException).code !== 'EEXIST') throw raced;
    }
    pem = readFileSync(file, 'utf8');
  }
  const privateKey = createPrivateKey(pem);
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error(`${file} does not hold an Ed25519 private key`);
  const publicKey = createPublicKey(privateKey);
  return { privateKey, publicKey, published: toPublicKey(publicKey.export({ type: 'spki', format: 'pem' }).toString()).published };
}

/**
 * The public audit key from a file: the private key file itself, a public key PEM, or the JSON
 * published at /.well-known/kom-audit-key. For verifiers, which need no private key.
 */
export function loadAuditPublicKey(file: string): AuditPublicKey {
  const text = readFileSync(file, 'utf8');
  if (text.includes('PRIVATE KEY')) {
    return toPublicKey(createPublicKey(createPrivateKey(text)).export({ type: 'spki', format: 'pem' }).toString()).published;
  }
  if (text.trimStart().startsWith('{')) {
    const published = JSON.parse(text) as { publicKeyPem?: unknown };
    if (typeof published.publicKeyPem !== 'string') throw new Error(`${file} holds no publicKeyPem`);
    return toPublicKey(published.publicKeyPem).published;
  }
  return toPublicKey(text).published;
}
