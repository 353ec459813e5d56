import { checkChainLink, computeEventHash } from '@kom/kernel';
import { verifyConsistency, verifyInclusion } from '../merkle/merkle';
import { isCheckpointData, leafHashOf, type CheckpointData } from '../checkpoints/audit-log-format';
import { checkpointSignatureProblem, toPublicKey, type AuditPublicKey } from '../checkpoints/signing';
import type { IntegrityReport, VerifiableEvent } from './log-verifier';

/**
 * The evidence bundle: JSON lines, one object per line, in this order.
 *
 *   {"kind":"header","format":"kom-audit-bundle/v1","from":ISO,"to":ISO,"exportedAt":ISO,"publicKey":{keyId,algorithm,publicKeyPem}}
 *   {"kind":"checkpoint","checkpoint":{treeSize,rootHash,position,time,keyId,algorithm,signature}}   (one or more, by size)
 *   {"kind":"consistency","fromSize":m,"toSize":n,"path":[hex,...]}                                  (earlier checkpoint → the latest)
 *   {"kind":"event","event":{id,streamId,revision,position,type,data,metadata,recordedAt},
 *    "proof":{"treeSize":n,"leafIndex":i,"path":[hex,...]}}                                           (revision, position: decimal strings)
 *
 * Verifying it needs nothing but this file (and, to pin the key, the published key id): this module
 * imports only pure code (the kernel's hash chain, the Merkle verifier, the checkpoint format) and
 * never the store or a database.
 */
export const BUNDLE_FORMAT = 'kom-audit-bundle/v1';

export interface BundleHeader {
  readonly kind: 'header';
  readonly format: typeof BUNDLE_FORMAT;
  readonly from: string;
  readonly to: string;
  readonly exportedAt: string;
  readonly publicKey: AuditPublicKey;
}

export interface BundleEvent {
  readonly id: string;
  readonly streamId: string;
  readonly revision: string;
  readonly position: string;
  readonly type: string;
  readonly data: unknown;
  readonly metadata: Record<string, unknown>;
  readonly recordedAt: string;
}

export interface BundleProof {
  readonly treeSize: number;
  readonly leafIndex: number;
  readonly path: string[];
}

export type BundleLine =
  | BundleHeader
  | { readonly kind: 'checkpoint'; readonly checkpoint: CheckpointData }
  | { readonly kind: 'consistency'; readonly fromSize: number; readonly toSize: number; readonly path: string[] }
  | { readonly kind: 'event'; readonly event: BundleEvent; readonly proof: BundleProof | null };

export interface BundleReport extends IntegrityReport {
  readonly keyId: string | null;
  /** Events without an inclusion proof (recorded after the last checkpoint): hash-checked only. */
  readonly unprovenEvents: number;
  /** Earlier checkpoints proven to be extended by the later one. */
  readonly consistencyProofsChecked: number;
}

export interface VerifyBundleOptions {
  /** When given, the bundle's key must be this one (the key id published at /.well-known/kom-audit-key). */
  readonly expectedKeyId?: string;
  /** Events without an inclusion proof make the bundle invalid. Default true. */
  readonly requireProofs?: boolean;
}

export function verifyBundle(text: string, options: VerifyBundleOptions = {}): BundleReport {
  let checked = 0;
  let unproven = 0;
  let consistencies = 0;
  let keyId: string | null = null;
  const fail = (reason: string, position: bigint | null = null): BundleReport => ({
    checkedEvents: checked,
    valid: false,
    firstInvalidPosition: position,
    reason,
    checkpointsChecked: checkpoints.size,
    treeSize: 0,
    keyId,
    unprovenEvents: unproven,
    consistencyProofsChecked: consistencies,
  });
  const checkpoints = new Map<number, CheckpointData>();
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  const parsed: BundleLine[] = [];
  for (let i = 0; i < lines.length; i++) {
    try {
      parsed.push(JSON.parse(lines[i]!) as BundleLine);
    } catch {
      return fail(`line ${i + 1} is not JSON`);
    }
  }
  const header = parsed[0];
  if (!header || header.kind !== 'header' || header.format !== BUNDLE_FORMAT) return fail(`the first line is not a ${BUNDLE_FORMAT} header`);
  let key: ReturnType<typeof toPublicKey>;
  try {
    key = toPublicKey(header.publicKey.publicKeyPem);
  } catch {
    return fail('the bundle’s public key is not an Ed25519 key');
  }
  keyId = key.published.keyId;
  if (header.publicKey.keyId !== keyId) return fail('the bundle’s key id does not match its public key');
  if (options.expectedKeyId && options.expectedKeyId !== keyId) return fail(`the bundle is signed with key ${keyId}, not the expected ${options.expectedKeyId}`);

  const streams = new Map<string, { revision: bigint; hash: string }>();
  let lastPosition = -1n;
  for (const line of parsed.slice(1)) {
    if (line.kind === 'checkpoint') {
      if (!isCheckpointData(line.checkpoint)) return fail('a checkpoint line is malformed');
      const problem = checkpointSignatureProblem(line.checkpoint, key);
      if (problem) return fail(problem, BigInt(line.checkpoint.position));
      checkpoints.set(line.checkpoint.treeSize, line.checkpoint);
      continue;
    }
    if (line.kind === 'consistency') {
      const [from, to] = [checkpoints.get(line.fromSize), checkpoints.get(line.toSize)];
      if (!from || !to) return fail(`a consistency proof names a checkpoint the bundle does not hold (${line.fromSize} → ${line.toSize})`);
      if (!verifyConsistency(from.treeSize, to.treeSize, from.rootHash, to.rootHash, line.path ?? [])) {
        return fail(`the checkpoint of tree size ${to.treeSize} does not extend the one of size ${from.treeSize}: the history was rewritten`, BigInt(to.position));
      }
      consistencies += 1;
      continue;
    }
    if (line.kind !== 'event') return fail('a line is neither a checkpoint, a consistency proof nor an event');
    const e = line.event;
    let event: VerifiableEvent;
    try {
      event = { ...e, revision: BigInt(e.revision), position: BigInt(e.position) };
    } catch {
      return fail('an event line is malformed');
    }
    checked += 1;
    if (event.position <= lastPosition) return fail('events are not in log order', event.position);
    lastPosition = event.position;
    const metadata = event.metadata ?? {};
    if (computeEventHash(event) !== metadata.hash) return fail(`the content of ${event.streamId}@${event.revision} does not match its hash`, event.position);
    // Where the bundle holds a stream's consecutive events, their chain links are checked too.
    const previous = streams.get(event.streamId);
    if (previous && previous.revision + 1n === event.revision) {
      const link = checkChainLink(event, previous);
      if (!link.ok) return fail(link.reason, event.position);
    }
    streams.set(event.streamId, { revision: event.revision, hash: String(metadata.hash) });
    if (!line.proof) {
      unproven += 1;
      if (options.requireProofs ?? true) return fail(`no inclusion proof for the event at position ${event.position}`, event.position);
      continue;
    }
    const checkpoint = checkpoints.get(line.proof.treeSize);
    if (!checkpoint) return fail(`the proof of the event at position ${event.position} names no checkpoint of the bundle`, event.position);
    if (!verifyInclusion(line.proof.leafIndex, checkpoint.treeSize, leafHashOf(event), line.proof.path, checkpoint.rootHash)) {
      return fail(`the inclusion proof of the event at position ${event.position} does not verify against the signed checkpoint`, event.position);
    }
  }
  return {
    checkedEvents: checked,
    valid: true,
    firstInvalidPosition: null,
    reason: null,
    checkpointsChecked: checkpoints.size,
    treeSize: Math.max(0, ...checkpoints.keys()),
    keyId,
    unprovenEvents: unproven,
    consistencyProofsChecked: consistencies,
  };
}
