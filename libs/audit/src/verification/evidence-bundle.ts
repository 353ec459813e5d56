import { checkChainLink, computeEventHash } from '@kom/kernel';
import { rootFromRange, verifyConsistency, verifyInclusion } from '../merkle/merkle';
import { isCheckpointData, leafHashOf, type CheckpointData } from '../checkpoints/audit-log-format';
import { checkpointSignatureProblem, toPublicKey } from '../checkpoints/signing';
import { isKeyRotationData, keyRingOf, ringSignatureProblem, type KeyRing, type KeyRotationData } from '../checkpoints/key-rotation';
import { BUNDLE_FORMAT, RETIRED_BUNDLE_FORMATS, type BundleHeader } from './bundle-format';
import { lineHash, sealSignatureProblem, type BundleSeal } from './bundle-seal';
import type { IntegrityReport, VerifiableEvent } from './log-verifier';

export * from './bundle-format';
export * from './bundle-seal';

/**
 * Verifies an evidence bundle (see bundle-format.ts) with nothing but its bytes and, to pin the
 * key, the published key id: this module imports only pure code (the kernel's hash chain, the
 * Merkle verifier, the checkpoint format) and never the store or a database.
 *
 * It walks the lines in order and stops at the first that breaks a promise of the format, naming
 * the line and, where there is one, the log position: a changed event (its hash), a broken chain,
 * a proof that does not verify, a leaf left out or moved (the run of leaf indices), a missing
 * checkpoint, consistency or range proof, a range that does not give the signed root again, and
 * finally any line that differs from what was sealed at export.
 */
export interface BundleReport extends IntegrityReport {
  readonly keyId: string | null;
  /** The line (1-based) that breaks the bundle; null when valid. */
  readonly firstInvalidLine: number | null;
  /** Events without an inclusion proof (recorded after the latest checkpoint): hash-checked only. */
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

class Refusal extends Error {
  constructor(
    readonly line: number | null,
    readonly position: bigint | null,
    reason: string,
  ) {
    super(line === null ? reason : `line ${line}: ${reason}`);
  }
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const isCount = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;
const isDecimal = (value: unknown): value is string => typeof value === 'string' && /^(0|[1-9]\d*)$/.test(value);
const isHexList = (value: unknown): value is string[] => Array.isArray(value) && value.every((h) => typeof h === 'string');

interface Tally {
  checked: number;
  unproven: number;
  consistencies: number;
  checkpoints: number;
  treeSize: number;
  keyId: string | null;
}

export function verifyBundle(input: string | Uint8Array, options: VerifyBundleOptions = {}): BundleReport {
  const tally: Tally = { checked: 0, unproven: 0, consistencies: 0, checkpoints: 0, treeSize: 0, keyId: null };
  const report = (valid: boolean, refusal?: Refusal): BundleReport => ({
    checkedEvents: tally.checked,
    valid,
    firstInvalidPosition: refusal?.position ?? null,
    firstInvalidLine: refusal?.line ?? null,
    reason: refusal?.message ?? null,
    checkpointsChecked: tally.checkpoints,
    treeSize: tally.treeSize,
    keyId: tally.keyId,
    unprovenEvents: tally.unproven,
    consistencyProofsChecked: tally.consistencies,
  });
  try {
    new BundleWalk(splitLines(input), options, tally).run();
    return report(true);
  } catch (error) {
    if (error instanceof Refusal) return report(false, error);
    throw error;
  }
}

function splitLines(input: string | Uint8Array): string[] {
  let text: string;
  try {
    text = typeof input === 'string' ? input : new TextDecoder('utf-8', { fatal: true }).decode(input);
  } catch {
    throw new Refusal(null, null, 'the bundle is not UTF-8 text: it was changed or is not a bundle');
  }
  if (text === '') throw new Refusal(null, null, `the bundle is empty: the first line is not a ${BUNDLE_FORMAT} header`);
  const lines = text.split('\n');
  // Written with a newline after every line: a last line without one was cut short.
  if (lines.pop() !== '') throw new Refusal(lines.length + 1, null, 'the line is incomplete: the bundle was truncated');
  return lines;
}

class BundleWalk {
  private next = 0;
  private readonly parsed: Json[] = [];
  private header!: BundleHeader;
  private key!: ReturnType<typeof toPublicKey>;
  private ring: KeyRing | undefined;
  private checkpoint: CheckpointData | undefined;
  private lastPosition = -1n;
  private readonly streams = new Map<string, { revision: bigint; hash: string }>();

  constructor(
    private readonly lines: readonly string[],
    private readonly options: VerifyBundleOptions,
    private readonly tally: Tally,
  ) {}

  run(): void {
    this.readHeader();
    this.readCheckpoints();
    const range = this.readRange();
    const leafHashes = this.readProvenEvents();
    if (range && this.checkpoint && rootFromRange(range.firstLeaf, this.checkpoint.treeSize, leafHashes, range.path) !== this.checkpoint.rootHash) {
      throw new Refusal(
        range.line,
        BigInt(this.checkpoint.position),
        `the events of leaves ${range.firstLeaf}..${range.firstLeaf + range.leafCount - 1} with the range proof do not give the signed root of the checkpoint of tree size ${this.checkpoint.treeSize}`,
      );
    }
    this.readUnprovenEvents();
    this.readSeal();
  }

  /** The line at the cursor, parsed; undefined at the end (or at the seal, unless the seal is wanted). */
  private peek(wantSeal = false): { line: number; value: Json } | undefined {
    if (this.next >= this.lines.length) return undefined;
    const line = this.next + 1;
    let value = this.parsed[this.next];
    if (!value) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(this.lines[this.next]!);
      } catch {
        throw new Refusal(line, null, 'the line is not JSON: the bundle was changed');
      }
      if (!isObject(parsed) || typeof parsed.kind !== 'string') throw new Refusal(line, null, 'the line is not a bundle line (no kind)');
      value = this.parsed[this.next] = parsed;
    }
    return value.kind === 'seal' && !wantSeal ? undefined : { line, value };
  }

  /** The next line, which must be of `kind`; `missing` says what the format promised there. */
  private take(kind: string, missing: () => string, position: bigint | null = null): { line: number; value: Json } {
    const at = this.peek();
    if (!at) {
      const end = this.next >= this.lines.length ? 'ends here without its seal: it was truncated' : 'reaches its seal here';
      throw new Refusal(this.next + 1, position, `${missing()}: the bundle ${end}`);
    }
    if (at.value.kind !== kind) throw new Refusal(at.line, position, `${missing()}: the line holds a ${String(at.value.kind)}`);
    this.next += 1;
    return at;
  }

  private readHeader(): void {
    const first = this.peek();
    const h = first?.value;
    if (!h || h.kind !== 'header') throw new Refusal(1, null, `the first line is not a ${BUNDLE_FORMAT} header`);
    if (typeof h.format === 'string' && RETIRED_BUNDLE_FORMATS.includes(h.format)) {
      throw new Refusal(1, null, `format ${h.format} cannot prove that no event was left out; export the bundle again (${BUNDLE_FORMAT})`);
    }
    if (h.format !== BUNDLE_FORMAT) throw new Refusal(1, null, `the first line is not a ${BUNDLE_FORMAT} header`);
    const sizes = h.checkpoints;
    const ascending = Array.isArray(sizes) && sizes.every((s, i) => Number.isSafeInteger(s) && s >= 1 && (i === 0 || s > sizes[i - 1]));
    if (!ascending || !isCount(h.firstLeaf) || !isCount(h.leafCount) || !isCount(h.unprovenEvents) || !isObject(h.publicKey)) {
      throw new Refusal(1, null, 'the header is malformed');
    }
    const treeSize = (sizes as number[]).at(-1) ?? 0;
    if (h.firstLeaf + h.leafCount > treeSize || (treeSize === 0 && h.firstLeaf !== 0)) {
      throw new Refusal(1, null, `the header names leaves ${h.firstLeaf}..${h.firstLeaf + h.leafCount - 1}, beyond its checkpoint of tree size ${treeSize}`);
    }
    try {
      this.key = toPublicKey(String(h.publicKey.publicKeyPem));
    } catch {
      throw new Refusal(1, null, 'the bundle’s public key is not an Ed25519 key');
    }
    this.tally.keyId = this.key.published.keyId;
    if (h.publicKey.keyId !== this.tally.keyId) throw new Refusal(1, null, 'the bundle’s key id does not match its public key');
    if (h.keyRotations !== undefined) {
      if (!Array.isArray(h.keyRotations) || !h.keyRotations.every(isKeyRotationData)) throw new Refusal(1, null, 'the header’s key rotations are malformed');
      try {
        this.ring = keyRingOf(h.keyRotations as KeyRotationData[], this.key.published);
      } catch (error) {
        throw new Refusal(1, null, `the header’s key rotations do not verify: ${(error as Error).message}`);
      }
      if (this.ring.at(-1)!.keyId !== this.tally.keyId) throw new Refusal(1, null, 'the bundle is not signed with the key its last rotation introduced');
    }
    // A pinned key may be the current one or, when the bundle spans rotations, one that the chain of
    // signed rotations leads from: the rotations are signed, each by the key it retires.
    const known = this.ring ? this.ring.map((k) => k.keyId) : [this.tally.keyId];
    if (this.options.expectedKeyId && !known.includes(this.options.expectedKeyId)) {
      throw new Refusal(1, null, `the bundle is signed with key ${this.tally.keyId}, not the expected ${this.options.expectedKeyId}`);
    }
    this.header = h as unknown as BundleHeader;
    this.tally.treeSize = treeSize;
    this.next = 1;
  }

  private readCheckpoints(): void {
    const sizes = this.header.checkpoints;
    const held = new Map<number, CheckpointData>();
    for (const size of sizes) {
      const { line, value } = this.take('checkpoint', () => `the checkpoint of tree size ${size} that the header lists is missing`);
      const checkpoint = value.checkpoint;
      if (!isCheckpointData(checkpoint)) throw new Refusal(line, null, 'the checkpoint is malformed');
      if (checkpoint.treeSize > size && sizes.includes(checkpoint.treeSize)) throw new Refusal(line, null, `the checkpoint of tree size ${size} that the header lists is missing`);
      if (checkpoint.treeSize !== size) throw new Refusal(line, BigInt(checkpoint.position), `the checkpoint of tree size ${checkpoint.treeSize} stands where the header lists ${size}`);
      const problem = this.ring ? ringSignatureProblem(checkpoint, this.ring) : checkpointSignatureProblem(checkpoint, this.key);
      if (problem) throw new Refusal(line, BigInt(checkpoint.position), problem);
      held.set(size, checkpoint);
      this.tally.checkpoints += 1;
    }
    this.checkpoint = held.get(sizes.at(-1) ?? 0);
    const latest = this.checkpoint;
    if (!latest) return;
    for (const size of sizes.slice(0, -1)) {
      const { line, value } = this.take('consistency', () => `the consistency proof from tree size ${size} to ${latest.treeSize} is missing`);
      if (value.fromSize !== size || value.toSize !== latest.treeSize || !isHexList(value.path)) {
        throw new Refusal(line, null, `expected the consistency proof from tree size ${size} to ${latest.treeSize}, found one from ${String(value.fromSize)} to ${String(value.toSize)}`);
      }
      if (!verifyConsistency(size, latest.treeSize, held.get(size)!.rootHash, latest.rootHash, value.path)) {
        throw new Refusal(line, BigInt(latest.position), `the checkpoint of tree size ${latest.treeSize} does not extend the one of size ${size}: the history was rewritten`);
      }
      this.tally.consistencies += 1;
    }
  }

  private readRange(): { line: number; firstLeaf: number; leafCount: number; path: string[] } | undefined {
    const latest = this.checkpoint;
    if (!latest) return undefined;
    const { firstLeaf, leafCount } = this.header;
    const { line, value } = this.take('range', () => `the range proof of leaves ${firstLeaf}..${firstLeaf + leafCount - 1} is missing`);
    if (value.treeSize !== latest.treeSize || value.firstLeaf !== firstLeaf || value.leafCount !== leafCount || !isHexList(value.path)) {
      throw new Refusal(line, null, `the range proof does not match the header (leaves ${firstLeaf}..${firstLeaf + leafCount - 1} of tree size ${latest.treeSize})`);
    }
    return { line, firstLeaf, leafCount, path: value.path };
  }

  private readProvenEvents(): string[] {
    const latest = this.checkpoint;
    const { firstLeaf, leafCount } = this.header;
    const leafHashes: string[] = [];
    for (let leaf = firstLeaf; leaf < firstLeaf + leafCount; leaf++) {
      const missing = () => `the event of leaf ${leaf} (after position ${this.lastPosition < 0n ? '-' : this.lastPosition}) is missing`;
      const { line, value } = this.take('event', missing);
      const event = this.readEvent(line, value);
      const proof = value.proof;
      if (!isObject(proof)) throw new Refusal(line, event.position, `no inclusion proof for the event at position ${event.position}`);
      if (proof.treeSize !== latest!.treeSize || !Number.isSafeInteger(proof.leafIndex) || !isHexList(proof.path)) {
        throw new Refusal(line, event.position, `the inclusion proof of the event at position ${event.position} is not one of the bundle’s checkpoint (tree size ${latest!.treeSize})`);
      }
      const leafHash = leafHashOf(event);
      if (!verifyInclusion(proof.leafIndex as number, latest!.treeSize, leafHash, proof.path, latest!.rootHash)) {
        throw new Refusal(line, event.position, `the inclusion proof of the event at position ${event.position} does not verify against the signed checkpoint`);
      }
      // The proof holds, so the event IS leaf proof.leafIndex of the signed tree: any other index is a gap or a move.
      if (proof.leafIndex !== leaf) {
        const found = proof.leafIndex as number;
        throw found > leaf
          ? new Refusal(line, event.position, `the event of leaf ${leaf} is missing: the bundle goes from position ${this.lastPosition < 0n ? '-' : this.lastPosition} (leaf ${leaf - 1}) to position ${event.position} (leaf ${found})`)
          : new Refusal(line, event.position, `the event at position ${event.position} (leaf ${found}) is out of order: leaf ${leaf} was due`);
      }
      this.checkEventOrder(line, event);
      leafHashes.push(leafHash);
    }
    return leafHashes;
  }

  private readUnprovenEvents(): void {
    for (let i = 0; i < this.header.unprovenEvents; i++) {
      const { line, value } = this.take('event', () => `event ${i + 1} of the ${this.header.unprovenEvents} recorded after the checkpoint is missing`);
      const event = this.readEvent(line, value);
      if (value.proof !== null) throw new Refusal(line, event.position, `the event at position ${event.position} carries a proof where the header promises none`);
      this.checkEventOrder(line, event);
      this.tally.unproven += 1;
      if (this.options.requireProofs ?? true) {
        throw new Refusal(line, event.position, `no inclusion proof for the event at position ${event.position}: it was recorded after the bundle’s latest checkpoint`);
      }
    }
  }

  /** The event of an event line, its content checked against its hash. */
  private readEvent(line: number, value: Json): VerifiableEvent {
    const e = value.event;
    if (
      !isObject(e) ||
      typeof e.id !== 'string' ||
      typeof e.streamId !== 'string' ||
      !isDecimal(e.revision) ||
      !isDecimal(e.position) ||
      typeof e.type !== 'string' ||
      !isObject(e.metadata) ||
      typeof e.recordedAt !== 'string'
    ) {
      throw new Refusal(line, isDecimal(isObject(e) ? e.position : undefined) ? BigInt((e as Json).position as string) : null, 'the event line is malformed');
    }
    const event: VerifiableEvent = { id: e.id, streamId: e.streamId, revision: BigInt(e.revision), position: BigInt(e.position), type: e.type, data: e.data, metadata: e.metadata };
    this.tally.checked += 1;
    if (computeEventHash(event) !== e.metadata.hash) {
      throw new Refusal(line, event.position, `the content of ${event.streamId}@${event.revision} does not match its hash`);
    }
    return event;
  }

  private checkEventOrder(line: number, event: VerifiableEvent): void {
    if (event.position <= this.lastPosition) throw new Refusal(line, event.position, `the event at position ${event.position} is out of log order (after position ${this.lastPosition})`);
    this.lastPosition = event.position;
    // Where the bundle holds a stream's consecutive events, their chain links are checked too.
    const previous = this.streams.get(event.streamId);
    if (previous && event.revision <= previous.revision) {
      throw new Refusal(line, event.position, `${event.streamId}@${event.revision} follows revision ${previous.revision} of its stream: out of order`);
    }
    if (previous && previous.revision + 1n === event.revision) {
      const link = checkChainLink(event, previous);
      if (!link.ok) throw new Refusal(line, event.position, link.reason);
    }
    this.streams.set(event.streamId, { revision: event.revision, hash: String(event.metadata.hash) });
  }

  private readSeal(): void {
    const at = this.peek(true);
    if (!at) throw new Refusal(this.lines.length, null, 'the bundle ends without its seal: it was truncated or its last lines removed');
    if (at.value.kind !== 'seal') throw new Refusal(at.line, null, `a ${String(at.value.kind)} the header does not list stands where the seal is due`);
    const seal = at.value as Partial<BundleSeal>;
    const problem = sealSignatureProblem(seal, { key: this.key.key, keyId: this.key.published.keyId });
    if (problem) throw new Refusal(at.line, null, problem);
    if (seal.lines !== this.next) {
      throw new Refusal(at.line, null, `the seal covers ${seal.lines} lines, the bundle holds ${this.next} before it: lines were added or removed after export`);
    }
    for (let i = 0; i < this.next; i++) {
      if (lineHash(this.lines[i]!) !== seal.lineHashes![i]) throw new Refusal(i + 1, this.positionOfLine(i), 'the line differs from the one sealed at export: it was changed');
    }
    if (this.lines.length > at.line) throw new Refusal(at.line + 1, null, 'a line follows the seal');
  }

  private positionOfLine(index: number): bigint | null {
    const event = this.parsed[index]?.event;
    return isObject(event) && isDecimal(event.position) ? BigInt(event.position) : null;
  }
}
