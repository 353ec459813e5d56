import type { Database } from 'better-sqlite3';
import type { EventStore } from '@kom/event-store';
import {
  AUDIT_CHECKPOINTS_TABLE,
  AUDIT_LEAVES_TABLE,
  CHECKPOINT_EVENT_TYPE,
  MerkleTree,
  isCheckpointData,
  isLeafEvent,
  leafHashOf,
  walkLog,
} from '@kom/audit';
import type { LogProofs, PositionProof, ProvenanceCheckpoint } from '@kom/documents';

/** Decimal positions compared as numbers (KurrentDB positions exceed 2^53). */
const atOrBefore = (position: string, limit: bigint) => BigInt(position) <= limit;

/**
 * The documents' LOG_PROOFS from this process's audit read models (the notary's leaves and
 * checkpoints): a Merkle tree kept in memory and extended as leaves arrive, the leaf positions
 * beside it, so the root at any position is a binary search and a root computation away.
 */
export class LiveLogProofs implements LogProofs {
  private readonly tree = new MerkleTree();
  private readonly positions: bigint[] = [];

  constructor(
    private readonly db: Database,
    private readonly caughtUpTo: (position: bigint) => Promise<void>,
  ) {}

  async at(position: bigint): Promise<PositionProof> {
    await this.caughtUpTo(position);
    const rows = this.db
      .prepare(`SELECT position, leaf_hash AS leafHash FROM ${AUDIT_LEAVES_TABLE} WHERE leaf_index >= ? ORDER BY leaf_index`)
      .all(this.tree.size) as Array<{ position: string; leafHash: string }>;
    for (const row of rows) {
      this.tree.append(row.leafHash);
      this.positions.push(BigInt(row.position));
    }
    const treeSize = upperBound(this.positions, position);
    // Only checkpoints already in the log at the position: a later one would change the stamp.
    const checkpoints = this.db
      .prepare(
        `SELECT tree_size AS treeSize, root_hash AS rootHash, position, key_id AS keyId, signature, event_position AS eventPosition
         FROM ${AUDIT_CHECKPOINTS_TABLE} WHERE tree_size <= ? ORDER BY tree_size DESC`,
      )
      .all(treeSize) as Array<ProvenanceCheckpoint & { eventPosition: string }>;
    const found = checkpoints.find((c) => atOrBefore(c.eventPosition, position));
    const checkpoint: ProvenanceCheckpoint | null = found
      ? { treeSize: found.treeSize, rootHash: found.rootHash, position: found.position, keyId: found.keyId, signature: found.signature }
      : null;
    return { treeSize, rootHash: this.tree.root(treeSize), checkpoint };
  }
}

/** How many of the ascending positions are at or before `limit`. */
function upperBound(positions: readonly bigint[], limit: bigint): number {
  let low = 0;
  let high = positions.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (positions[middle]! <= limit) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** LOG_PROOFS straight from the log (the CLI, tests): walks it to the position, leaf by leaf. */
export class ReplayLogProofs implements LogProofs {
  constructor(private readonly store: EventStore) {}

  async at(position: bigint): Promise<PositionProof> {
    const tree = new MerkleTree();
    let checkpoint: ProvenanceCheckpoint | null = null;
    for await (const event of walkLog(this.store)) {
      if (event.position > position) break;
      if (isLeafEvent(event)) tree.append(leafHashOf(event));
      else if (event.type === CHECKPOINT_EVENT_TYPE && isCheckpointData(event.data)) {
        const { treeSize, rootHash, position: at, keyId, signature } = event.data;
        checkpoint = { treeSize, rootHash, position: at, keyId, signature };
      }
    }
    return { treeSize: tree.size, rootHash: tree.root(), checkpoint };
  }
}
