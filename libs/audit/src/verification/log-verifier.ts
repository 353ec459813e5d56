import type { KeyObject } from 'node:crypto';
import { checkChainLink } from '@kom/kernel';
import { MerkleTree } from '../merkle/merkle';
import { CHECKPOINT_EVENT_TYPE, isCheckpointData, isLeafEvent, leafHashOf, type CheckpointData } from '../checkpoints/audit-log-format';
import { checkpointSignatureProblem, type AuditPublicKey } from '../checkpoints/signing';
import { ringSignatureProblem, type KeyRing } from '../checkpoints/key-rotation';

/** An event as the verifier needs it (RecordedEvent fits; so does a bundle line once parsed). */
export interface VerifiableEvent {
  readonly id: string;
  readonly streamId: string;
  readonly revision: bigint;
  readonly position: bigint;
  readonly type: string;
  readonly data: unknown;
  readonly metadata: Readonly<Record<string, unknown>>;
}

export interface IntegrityReport {
  readonly checkedEvents: number;
  readonly valid: boolean;
  /** The global position of the first event found altered, missing or out of place. */
  readonly firstInvalidPosition: bigint | null;
  readonly reason: string | null;
  readonly checkpointsChecked: number;
  /** Leaves seen (events other than checkpoints). */
  readonly treeSize: number;
}

/** A leaf as the notary recorded it: a hint that locates a change exactly once it reproduces a signed root. */
export interface LeafHint {
  readonly position: bigint;
  readonly leafHash: string;
}

export interface LogVerifierOptions {
  /** The key checkpoints must be signed with. */
  readonly key: { key: KeyObject; published: AuditPublicKey };
  /**
   * Every key of the log's life with its validity (see key-rotation.ts), when it records rotations:
   * a checkpoint must then be signed by the ring's key valid at its time. `key` must be in it.
   */
  readonly ring?: KeyRing;
  /** The notary's recorded leaves, when available (never trusted unless they reproduce a signed root). */
  readonly leafHints?: (fromIndex: number, toIndex: number) => readonly LeafHint[];
}

interface Problem {
  readonly position: bigint;
  readonly reason: string;
}

/**
 * Walks the global log in order and checks everything it can: every stream's hash chain (links,
 * revisions, content hashes), every checkpoint's signature, and every checkpoint's root against
 * the Merkle tree recomputed from the events before it. A changed byte, a deleted event or two
 * events swapped are reported at the exact position: by the chain where the change is visible in
 * one stream, and otherwise (events of different streams swapped, the last event of a stream
 * deleted) by the first checkpoint covering it, located exactly with the notary's leaf hints when
 * those reproduce the signed root. Pure: feed it events, read the report.
 */
export class LogVerifier {
  private readonly streams = new Map<string, { revision: bigint; hash: string }>();
  private readonly tree = new MerkleTree();
  private readonly leafPositions: bigint[] = [];
  private readonly problems: Problem[] = [];
  private checked = 0;
  private checkpoints = 0;
  private lastCheckpointSize = 0;

  constructor(private readonly options: LogVerifierOptions) {}

  add(event: VerifiableEvent): void {
    this.checked += 1;
    const previous = this.streams.get(event.streamId);
    const link = checkChainLink(event, previous);
    if (!link.ok) this.problems.push({ position: event.position, reason: link.reason });
    // Carry on from what is stored, so one change is reported once, not at every later event.
    const stored = event.metadata.hash;
    this.streams.set(event.streamId, { revision: event.revision, hash: link.ok ? link.hash : typeof stored === 'string' ? stored : '' });

    if (isLeafEvent(event)) {
      this.tree.append(leafHashOf(event));
      this.leafPositions.push(event.position);
    } else if (event.type === CHECKPOINT_EVENT_TYPE) {
      this.checkCheckpoint(event);
    }
  }

  addAll(events: Iterable<VerifiableEvent>): this {
    for (const event of events) this.add(event);
    return this;
  }

  report(): IntegrityReport {
    const first = this.problems.reduce<Problem | undefined>((min, p) => (!min || p.position < min.position ? p : min), undefined);
    return {
      checkedEvents: this.checked,
      valid: first === undefined,
      firstInvalidPosition: first?.position ?? null,
      reason: first?.reason ?? null,
      checkpointsChecked: this.checkpoints,
      treeSize: this.tree.size,
    };
  }

  private checkCheckpoint(event: VerifiableEvent): void {
    this.checkpoints += 1;
    const data = event.data;
    if (!isCheckpointData(data)) {
      this.problems.push({ position: event.position, reason: 'a checkpoint event is malformed' });
      return;
    }
    const signature = this.options.ring ? ringSignatureProblem(data, this.options.ring) : checkpointSignatureProblem(data, this.options.key);
    if (signature) {
      this.problems.push({ position: event.position, reason: signature });
      return;
    }
    if (data.treeSize <= this.lastCheckpointSize) {
      this.problems.push({ position: event.position, reason: `checkpoint of tree size ${data.treeSize} does not extend the previous one (${this.lastCheckpointSize})` });
      return;
    }
    if (data.treeSize > this.tree.size) {
      // Leaves it covers are missing before it: events were deleted.
      this.problems.push(this.locate(data, event.position, `checkpoint of tree size ${data.treeSize} covers ${data.treeSize - this.tree.size} event(s) missing from the log`));
      this.lastCheckpointSize = data.treeSize;
      return;
    }
    if (this.tree.root(data.treeSize) !== data.rootHash) {
      this.problems.push(this.locate(data, event.position, `the log before checkpoint of tree size ${data.treeSize} does not match its signed root`));
    } else if (String(this.leafPositions[data.treeSize - 1]) !== data.position) {
      this.problems.push({ position: event.position, reason: `checkpoint of tree size ${data.treeSize} names position ${data.position}, its last leaf is at ${String(this.leafPositions[data.treeSize - 1])}` });
    }
    this.lastCheckpointSize = data.treeSize;
  }

  /** With hints that reproduce the signed root, the first leaf that differs is the exact place. */
  private locate(data: CheckpointData, checkpointPosition: bigint, reason: string): Problem {
    // Without usable hints the change is known to lie after the previous good checkpoint; it is
    // reported where it was detected, so a chain break that pins it exactly comes first.
    const fallback = {
      position: checkpointPosition,
      reason: `${reason} (the change lies between positions ${String(this.leafPositions[this.lastCheckpointSize] ?? '?')} and ${data.position})`,
    };
    const hints = this.options.leafHints?.(0, data.treeSize);
    if (!hints || hints.length !== data.treeSize) return fallback;
    if (MerkleTree.fromLeafHashes(hints.map((h) => h.leafHash)).root() !== data.rootHash) return fallback;
    for (let i = 0; i < data.treeSize; i++) {
      const actual = i < this.tree.size ? this.tree.leafHash(i) : undefined;
      if (actual !== hints[i]!.leafHash) {
        const position = hints[i]!.position;
        return { position, reason: `the event recorded at position ${position} was changed, removed or moved (leaf ${i} of signed checkpoint ${data.treeSize})` };
      }
    }
    return fallback;
  }
}

/** Checks one stream's chain (events in revision order). */
export function verifyStream(events: Iterable<VerifiableEvent>): IntegrityReport {
  let previous: { revision: bigint; hash: string } | undefined;
  let checked = 0;
  for (const event of events) {
    checked += 1;
    const link = checkChainLink(event, previous);
    if (!link.ok) {
      return { checkedEvents: checked, valid: false, firstInvalidPosition: event.position, reason: link.reason, checkpointsChecked: 0, treeSize: 0 };
    }
    previous = { revision: event.revision, hash: link.hash };
  }
  return { checkedEvents: checked, valid: true, firstInvalidPosition: null, reason: null, checkpointsChecked: 0, treeSize: 0 };
}
