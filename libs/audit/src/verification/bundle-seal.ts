import { sign, verify, type KeyObject } from 'node:crypto';
import { canonicalJson, sha256Hex } from '@kom/kernel';
import { SIGNATURE_ALGORITHM } from '../checkpoints/audit-log-format';
import { isCanonicalSignature } from '../checkpoints/signing';

/**
 * The seal: the bundle's last line, signed with the audit key when the bundle is written. It holds
 * the SHA-256 of every line before it, so a line changed, added, removed or moved after export is
 * found, and named, even where the line's content is covered by no hash of the log (recordedAt,
 * the header's range) and where a whole contiguous end of the range was cut off.
 */
export const SEAL_STATEMENT_SCHEMA = 'kom-audit-bundle-seal/v1';

export interface BundleSeal {
  readonly kind: 'seal';
  readonly keyId: string;
  readonly algorithm: typeof SIGNATURE_ALGORITHM;
  /** Lines before the seal. */
  readonly lines: number;
  /** SHA-256 (hex) of each line before the seal (its UTF-8 bytes, without the newline), in order. */
  readonly lineHashes: string[];
  /** Ed25519 over sealStatement(...), base64. */
  readonly signature: string;
}

export interface BundleSigner {
  readonly privateKey: KeyObject;
  readonly keyId: string;
}

export const lineHash = (line: string): string => sha256Hex(line);

/** The exact bytes signed: UTF-8 of canonical({ digest, keyId, lines, schema }), digest = SHA-256 of the line hashes concatenated. */
export function sealStatement(fields: { keyId: string; lines: number; lineHashes: readonly string[] }): string {
  return canonicalJson({ digest: sha256Hex(fields.lineHashes.join('')), keyId: fields.keyId, lines: String(fields.lines), schema: SEAL_STATEMENT_SCHEMA });
}

export function sealLines(lines: readonly string[], signer: BundleSigner): BundleSeal {
  const lineHashes = lines.map(lineHash);
  const statement = sealStatement({ keyId: signer.keyId, lines: lines.length, lineHashes });
  const signature = sign(null, Buffer.from(statement, 'utf8'), signer.privateKey).toString('base64');
  return { kind: 'seal', keyId: signer.keyId, algorithm: SIGNATURE_ALGORITHM, lines: lines.length, lineHashes, signature };
}

/** Undefined when the seal is well formed and its signature made with `key`; otherwise why not. */
export function sealSignatureProblem(seal: Partial<BundleSeal>, key: { key: KeyObject; keyId: string }): string | undefined {
  if (seal.algorithm !== SIGNATURE_ALGORITHM || !Number.isSafeInteger(seal.lines) || !Array.isArray(seal.lineHashes) || typeof seal.signature !== 'string') {
    return 'the seal is malformed';
  }
  if (seal.keyId !== key.keyId) return 'the seal is signed with another key than the bundle’s';
  if (seal.lineHashes.length !== seal.lines || !seal.lineHashes.every((h) => typeof h === 'string')) return 'the seal is malformed';
  let good = false;
  try {
    const statement = sealStatement({ keyId: seal.keyId, lines: seal.lines!, lineHashes: seal.lineHashes });
    good = isCanonicalSignature(seal.signature) && verify(null, Buffer.from(statement, 'utf8'), key.key, Buffer.from(seal.signature, 'base64'));
  } catch {
    good = false;
  }
  return good ? undefined : 'the seal’s signature does not verify: the seal was changed';
}
