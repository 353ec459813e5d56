import { canonicalJson, isHash, sha256Hex } from '@kom/kernel';
import { hashLeafHex } from '../merkle/merkle';

/**
 * What the audit log adds to the event log, and how its parts are hashed. Pure (node:crypto only):
 * the online verifier, the CLI and the offline bundle verifier share it.
 *
 * Leaves: every event of the global log in global order, EXCEPT the checkpoint events themselves
 * (stream `audit-checkpoints`): a checkpoint cannot cover itself, and leaving them out makes the tree
 * of size n the same whatever checkpoints were written in between.
 *
 * Leaf data = UTF-8 of canonical({ hash, id, position: "<decimal>", revision: "<decimal>", stream })
 * where `hash` is the event's chain hash (metadata.hash); leaf hash = SHA-256(0x00 || leaf data).
 */
export const CHECKPOINT_STREAM = 'audit-checkpoints';
export const CHECKPOINT_EVENT_TYPE = 'AuditCheckpointRecorded';
export const CHECKPOINT_STATEMENT_SCHEMA = 'kom-audit-checkpoint/v1';
export const SIGNATURE_ALGORITHM = 'Ed25519';

export interface LeafSource {
  readonly id: string;
  readonly streamId: string;
  readonly revision: bigint;
  readonly position: bigint;
  readonly metadata: Readonly<Record<string, unknown>>;
}

export function isLeafEvent(event: { readonly streamId: string }): boolean {
  return event.streamId !== CHECKPOINT_STREAM;
}

export function leafData(event: LeafSource): string {
  const hash = event.metadata.hash;
  // canonicalJson of { hash, id, position, revision, stream }, written out: keys already in order
  // (the notary computes one per event; merkle.spec checks it equals the canonical form).
  return `{"hash":${isHash(hash) ? `"${hash}"` : 'null'},"id":${JSON.stringify(event.id)},"position":"${event.position}","revision":"${event.revision}","stream":${JSON.stringify(event.streamId)}}`;
}

export function leafHashOf(event: LeafSource): string {
  return hashLeafHex(leafData(event));
}

/** The data of an AuditCheckpointRecorded event. */
export interface CheckpointData {
  /** Leaves covered: the first treeSize leaves of the log. */
  readonly treeSize: number;
  /** MTH of those leaves, hex. */
  readonly rootHash: string;
  /** Global position of the last leaf covered (decimal: KurrentDB positions exceed 2^53). */
  readonly position: string;
  /** When the notary signed it (ISO 8601). */
  readonly time: string;
  /** SHA-256 (hex) of the DER (SPKI) public key that signed it. */
  readonly keyId: string;
  readonly algorithm: typeof SIGNATURE_ALGORITHM;
  /** Ed25519 signature over checkpointStatement(...), base64. */
  readonly signature: string;
}

export type CheckpointStatementFields = Pick<CheckpointData, 'treeSize' | 'rootHash' | 'position' | 'time' | 'keyId'>;

/** The exact bytes signed: UTF-8 of canonical({ keyId, position, rootHash, schema, time, treeSize: "<decimal>" }). */
export function checkpointStatement(fields: CheckpointStatementFields): string {
  return canonicalJson({
    keyId: fields.keyId,
    position: fields.position,
    rootHash: fields.rootHash,
    schema: CHECKPOINT_STATEMENT_SCHEMA,
    time: fields.time,
    treeSize: String(fields.treeSize),
  });
}

/**
 * The event id of the checkpoint of `treeSize` leaves: derived from the size, so two notaries (API
 * replicas) that write the same checkpoint append it once (the store's idempotency by event id).
 * A UUID (version 8, "custom") made of the first 16 bytes of SHA-256("kom-audit-checkpoint:<size>").
 */
export function checkpointEventId(treeSize: number): string {
  const b = Buffer.from(sha256Hex(`kom-audit-checkpoint:${treeSize}`).slice(0, 32), 'hex');
  b[6] = (b[6]! & 0x0f) | 0x80;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export function isCheckpointData(data: unknown): data is CheckpointData {
  const d = data as Partial<CheckpointData> | null;
  return (
    !!d &&
    typeof d === 'object' &&
    Number.isSafeInteger(d.treeSize) &&
    (d.treeSize ?? 0) >= 1 &&
    isHash(d.rootHash) &&
    typeof d.position === 'string' &&
    /^\d+$/.test(d.position) &&
    typeof d.time === 'string' &&
    typeof d.keyId === 'string' &&
    d.algorithm === SIGNATURE_ALGORITHM &&
    typeof d.signature === 'string'
  );
}

/** Exactly the fields of CheckpointData (drops whatever else an object carries). */
export function checkpointFields(d: CheckpointData): CheckpointData {
  return { treeSize: d.treeSize, rootHash: d.rootHash, position: d.position, time: d.time, keyId: d.keyId, algorithm: d.algorithm, signature: d.signature };
}
