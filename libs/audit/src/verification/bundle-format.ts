import type { CheckpointData } from '../checkpoints/audit-log-format';
import type { AuditPublicKey } from '../checkpoints/signing';
import type { KeyRotationData } from '../checkpoints/key-rotation';
import { sealLines, type BundleSeal, type BundleSigner } from './bundle-seal';

/**
 * The evidence bundle: UTF-8 JSON lines, each ended by a newline, exactly in this order.
 *
 *   {"kind":"header","format":"kom-audit-bundle/v2","from","to","exportedAt","publicKey":{keyId,algorithm,publicKeyPem},
 *    "checkpoints":[treeSize,...],"firstLeaf":a,"leafCount":k,"unprovenEvents":u[,"keyRotations":[...]]}
 *   {"kind":"checkpoint","checkpoint":{treeSize,rootHash,position,time,keyId,algorithm,signature}}  one per header size, ascending
 *   {"kind":"consistency","fromSize":m,"toSize":n,"path":[hex,...]}     one per earlier checkpoint, to the latest (n)
 *   {"kind":"range","treeSize":n,"firstLeaf":a,"leafCount":k,"path":[hex,...]}   when there is a checkpoint
 *   {"kind":"event","event":{id,streamId,revision,position,type,data,metadata,recordedAt},
 *    "proof":{"treeSize":n,"leafIndex":i,"path":[hex,...]}}              k events: every leaf a, a+1, ..., a+k-1 of the log
 *   {"kind":"event","event":{...},"proof":null}                          u events in range recorded after the latest checkpoint
 *   {"kind":"seal","keyId","algorithm","lines","lineHashes":[hex,...],"signature"}
 *
 * The promise: the events are a contiguous run of the log's leaves (every event between the first
 * and the last of the range, so a gap is a removal); each has its inclusion proof in the latest
 * checkpoint; the run and the range proof give that checkpoint's signed root again; every earlier
 * checkpoint is proven to be extended by the latest; and the seal covers every line.
 * revision and position are decimal strings (KurrentDB positions exceed 2^53).
 */
export const BUNDLE_FORMAT = 'kom-audit-bundle/v2';
/** Bundles of this format promise no completeness: refused. */
export const RETIRED_BUNDLE_FORMATS: readonly string[] = ['kom-audit-bundle/v1'];

export interface BundleHeader {
  readonly kind: 'header';
  readonly format: typeof BUNDLE_FORMAT;
  readonly from: string;
  readonly to: string;
  readonly exportedAt: string;
  readonly publicKey: AuditPublicKey;
  /** Tree sizes of the checkpoint lines, ascending; the last is the one every proof refers to. */
  readonly checkpoints: number[];
  readonly firstLeaf: number;
  readonly leafCount: number;
  readonly unprovenEvents: number;
  /**
   * The log's audit key rotations, oldest first, when it has any: checkpoints signed before a
   * rotation verify with the key it retired. The last names `publicKey`.
   */
  readonly keyRotations?: KeyRotationData[];
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
  | { readonly kind: 'range'; readonly treeSize: number; readonly firstLeaf: number; readonly leafCount: number; readonly path: string[] }
  | { readonly kind: 'event'; readonly event: BundleEvent; readonly proof: BundleProof | null }
  | BundleSeal;

/** The bundle's bytes: the lines as JSON, one a line, then the seal signed with the audit key. */
export function writeBundle(lines: readonly BundleLine[], signer: BundleSigner): string {
  const texts = lines.map((line) => JSON.stringify(line));
  return [...texts, JSON.stringify(sealLines(texts, signer))].join('\n') + '\n';
}
