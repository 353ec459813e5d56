import { sign, verify } from 'node:crypto';
import { canonicalJson } from '@kom/kernel';
import { SIGNATURE_ALGORITHM, type CheckpointData } from './audit-log-format';
import { checkpointSignatureProblem, isCanonicalSignature, toPublicKey, type AuditPublicKey } from './signing';

/**
 * Audit key rotation, recorded in the log itself (stream `audit-key-rotations`): the retiring key
 * signs a statement naming its successor, so whoever trusts a key can follow the chain of trust to
 * every later key, and whoever trusts the current key finds the earlier ones in the log its
 * checkpoints cover. Pure (node:crypto only): the CLI, the notary and both verifiers share it.
 *
 * Statement signed by the previous key = UTF-8 of
 *   canonical({ nextKeyId, nextPublicKeyPem, previousKeyId, rotatedAt, schema: "kom-audit-key-rotation/v1" })
 * A key is valid for checkpoints signed at `time` in [its rotation in, the rotation out).
 */
export const KEY_ROTATION_STREAM = 'audit-key-rotations';
export const KEY_ROTATION_EVENT_TYPE = 'AuditKeyRotated';
export const KEY_ROTATION_STATEMENT_SCHEMA = 'kom-audit-key-rotation/v1';

export interface KeyRotationData {
  readonly previousKeyId: string;
  readonly previousPublicKeyPem: string;
  readonly nextKeyId: string;
  readonly nextPublicKeyPem: string;
  /** ISO 8601: checkpoints signed from this instant on must use the next key. */
  readonly rotatedAt: string;
  readonly algorithm: typeof SIGNATURE_ALGORITHM;
  /** By the previous key, base64. */
  readonly signature: string;
}

/** One key of the ring, as /.well-known/kom-audit-key and evidence bundles publish it. */
export interface AuditKeyEntry extends AuditPublicKey {
  readonly status: 'current' | 'retired';
  /** null: since the log began. */
  readonly validFrom: string | null;
  /** null: still in use. */
  readonly validUntil: string | null;
}

export function keyRotationStatement(d: Pick<KeyRotationData, 'previousKeyId' | 'nextKeyId' | 'nextPublicKeyPem' | 'rotatedAt'>): string {
  return canonicalJson({
    nextKeyId: d.nextKeyId,
    nextPublicKeyPem: d.nextPublicKeyPem,
    previousKeyId: d.previousKeyId,
    rotatedAt: d.rotatedAt,
    schema: KEY_ROTATION_STATEMENT_SCHEMA,
  });
}

export function signKeyRotation(
  previous: { privateKey: import('node:crypto').KeyObject; published: AuditPublicKey },
  next: AuditPublicKey,
  rotatedAt: Date,
): KeyRotationData {
  const fields = { previousKeyId: previous.published.keyId, nextKeyId: next.keyId, nextPublicKeyPem: next.publicKeyPem, rotatedAt: rotatedAt.toISOString() };
  const signature = sign(null, Buffer.from(keyRotationStatement(fields), 'utf8'), previous.privateKey).toString('base64');
  return { ...fields, previousPublicKeyPem: previous.published.publicKeyPem, algorithm: SIGNATURE_ALGORITHM, signature };
}

/** Undefined when the rotation is well formed and signed by the key it retires; otherwise why not. */
export function keyRotationProblem(d: KeyRotationData): string | undefined {
  let previous: ReturnType<typeof toPublicKey>;
  let next: ReturnType<typeof toPublicKey>;
  try {
    previous = toPublicKey(d.previousPublicKeyPem);
    next = toPublicKey(d.nextPublicKeyPem);
  } catch {
    return 'a key rotation names a key that is not an Ed25519 public key';
  }
  if (previous.published.keyId !== d.previousKeyId || next.published.keyId !== d.nextKeyId) return 'a key rotation names key ids that do not match its keys';
  if (d.previousKeyId === d.nextKeyId) return 'a key rotation must name a new key';
  if (Number.isNaN(Date.parse(d.rotatedAt))) return 'a key rotation has no valid time';
  let good = false;
  try {
    good = isCanonicalSignature(d.signature) && verify(null, Buffer.from(keyRotationStatement(d), 'utf8'), previous.key, Buffer.from(d.signature, 'base64'));
  } catch {
    good = false;
  }
  return good ? undefined : `the rotation from key ${d.previousKeyId.slice(0, 16)}… is not signed by that key`;
}

export type KeyRing = readonly AuditKeyEntry[];

/**
 * The keys in use over the life of the log, oldest first, from its rotations (in log order); with
 * no rotation, `current` alone. Throws when a rotation is unsigned, or does not retire the key the
 * one before it introduced.
 */
export function keyRingOf(rotations: readonly KeyRotationData[], current: AuditPublicKey): KeyRing {
  if (rotations.length === 0) return [{ ...current, status: 'current', validFrom: null, validUntil: null }];
  const ring: AuditKeyEntry[] = [];
  let validFrom: string | null = null;
  rotations.forEach((r, i) => {
    const problem = keyRotationProblem(r);
    if (problem) throw new Error(problem);
    if (i > 0 && rotations[i - 1]!.nextKeyId !== r.previousKeyId) {
      throw new Error(`the rotation at ${r.rotatedAt} retires key ${r.previousKeyId.slice(0, 16)}…, which the rotation before did not introduce`);
    }
    if (validFrom !== null && Date.parse(r.rotatedAt) <= Date.parse(validFrom)) throw new Error(`the rotation at ${r.rotatedAt} is not after the one before`);
    ring.push({ ...toPublicKey(r.previousPublicKeyPem).published, status: 'retired', validFrom, validUntil: r.rotatedAt });
    validFrom = r.rotatedAt;
  });
  const last = rotations[rotations.length - 1]!;
  ring.push({ ...toPublicKey(last.nextPublicKeyPem).published, status: 'current', validFrom, validUntil: null });
  return ring;
}

/** Undefined when a key of the ring, valid at the checkpoint's time, signed it; otherwise why not. */
export function ringSignatureProblem(data: CheckpointData, ring: KeyRing): string | undefined {
  const entry = ring.find((k) => k.keyId === data.keyId);
  if (!entry) {
    return `checkpoint of tree size ${data.treeSize} is signed with another key (${data.keyId.slice(0, 16)}…, not among ${ring.map((k) => `${k.keyId.slice(0, 16)}…`).join(', ')})`;
  }
  const time = Date.parse(data.time);
  if (entry.validUntil !== null && !(time < Date.parse(entry.validUntil))) {
    return `checkpoint of tree size ${data.treeSize} is signed at ${data.time} with key ${data.keyId.slice(0, 16)}…, retired at ${entry.validUntil}`;
  }
  if (entry.validFrom !== null && !(time >= Date.parse(entry.validFrom))) {
    return `checkpoint of tree size ${data.treeSize} is signed at ${data.time} with key ${data.keyId.slice(0, 16)}…, in use only from ${entry.validFrom}`;
  }
  return checkpointSignatureProblem(data, toPublicKey(entry.publicKeyPem));
}

export function isKeyRotationData(value: unknown): value is KeyRotationData {
  const v = value as Record<string, unknown> | null;
  return (
    typeof v === 'object' && v !== null &&
    ['previousKeyId', 'previousPublicKeyPem', 'nextKeyId', 'nextPublicKeyPem', 'rotatedAt', 'signature'].every((k) => typeof v[k] === 'string') &&
    v.algorithm === SIGNATURE_ALGORITHM
  );
}
