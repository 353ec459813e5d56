import { createHash, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { checkpointStatement, SIGNATURE_ALGORITHM, type CheckpointData, type CheckpointStatementFields } from './audit-log-format';

/** The audit key as published: enough to verify, nothing to sign. */
export interface AuditPublicKey {
  readonly keyId: string;
  readonly algorithm: typeof SIGNATURE_ALGORITHM;
  /** SPKI, PEM. */
  readonly publicKeyPem: string;
}

/** keyId: SHA-256 (hex) of the public key's DER (SPKI) encoding. */
export function keyIdOf(publicKey: KeyObject): string {
  return createHash('sha256').update(publicKey.export({ type: 'spki', format: 'der' })).digest('hex');
}

export function toPublicKey(pem: string): { key: KeyObject; published: AuditPublicKey } {
  const key = createPublicKey(pem);
  if (key.asymmetricKeyType !== 'ed25519') throw new Error('The audit key must be an Ed25519 key');
  const publicKeyPem = key.export({ type: 'spki', format: 'pem' }).toString();
  return { key, published: { keyId: keyIdOf(key), algorithm: SIGNATURE_ALGORITHM, publicKeyPem } };
}

export function signCheckpoint(fields: Omit<CheckpointStatementFields, 'keyId'>, privateKey: KeyObject, keyId: string): CheckpointData {
  const statement = { ...fields, keyId };
  const signature = sign(null, Buffer.from(checkpointStatement(statement), 'utf8'), privateKey).toString('base64');
  return { ...statement, algorithm: SIGNATURE_ALGORITHM, signature };
}

/**
 * An Ed25519 signature in the one base64 form that encodes it: 64 bytes, padded, no stray bits.
 * Base64 decoders ignore the low bits of the last character, so without this a changed character
 * could leave the decoded signature, and the verdict, unchanged.
 */
export function isCanonicalSignature(base64: string): boolean {
  const bytes = Buffer.from(base64, 'base64');
  return bytes.length === 64 && bytes.toString('base64') === base64;
}

/** Undefined when the signature is good and made with `key`; otherwise why not. */
export function checkpointSignatureProblem(data: CheckpointData, key: { key: KeyObject; published: AuditPublicKey }): string | undefined {
  if (data.keyId !== key.published.keyId) return `checkpoint of tree size ${data.treeSize} is signed with another key (${data.keyId.slice(0, 16)}…)`;
  let good = false;
  try {
    good = isCanonicalSignature(data.signature) && verify(null, Buffer.from(checkpointStatement(data), 'utf8'), key.key, Buffer.from(data.signature, 'base64'));
  } catch {
    good = false;
  }
  return good ? undefined : `the signature of the checkpoint of tree size ${data.treeSize} does not verify`;
}
