import type { Database } from 'better-sqlite3';
import { StreamNotFoundError, WrongExpectedRevisionError, type EventStore } from '@kom/event-store';
import { MerkleTree } from '../merkle/merkle';
import { AUDIT_CHECKPOINTS_TABLE, AUDIT_LEAVES_TABLE } from '../read-models/audit-leaves.projection';
import {
  CHECKPOINT_EVENT_TYPE,
  CHECKPOINT_STREAM,
  checkpointEventId,
  checkpointFields,
  isCheckpointData,
  type CheckpointData,
} from './audit-log-format';
import { InvalidState } from '@kom/kernel';
import { prepared } from '@kom/projections';
import type { AuditSigningKey } from './audit-key';
import { readKeyRing } from './key-ring-store';
import { checkpointLockOf, type CheckpointLock } from './checkpoint-lock';
import { signCheckpoint } from './signing';

export interface NotaryOptions {
  /** A checkpoint at every multiple of this many leaves (KOM_AUDIT_CHECKPOINT_EVERY). */
  readonly checkpointEvery: number;
  readonly now?: () => Date;
  /** The lock one process at a time signs under; by default the store's own (checkpointLockOf). */
  readonly lock?: CheckpointLock;
}

export interface RecordedCheckpoint extends CheckpointData {
  /** Whether this call appended it (false: it was there already, e.g. written by another replica). */
  readonly appended: boolean;
  /** The checkpoint event's position in the log: wait for it to read the checkpoint back. */
  readonly eventPosition: bigint;
}

export interface InclusionProof {
  readonly eventId: string;
  readonly position: string;
  readonly leafIndex: number;
  readonly leafHash: string;
  readonly treeSize: number;
  readonly rootHash: string;
  /** PATH(leafIndex, D[treeSize]) of RFC 6962, hex, leaf side first. */
  readonly path: string[];
  readonly checkpoint: CheckpointData;
}

export interface ConsistencyProof {
  readonly fromSize: number;
  readonly toSize: number;
  readonly fromRoot: string;
  readonly toRoot: string;
  /** PROOF(fromSize, D[toSize]) of RFC 6962, hex. */
  readonly path: string[];
}

const MAX_ATTEMPTS = 8;

/** The notary's key was retired by a rotation recorded in the log: it may not sign checkpoints any more. */
export class AuditKeyRetired extends InvalidState {
  constructor(
    readonly keyId: string,
    readonly currentKeyId: string,
  ) {
    super('AUDIT_KEY_RETIRED', `The audit key ${keyId} was retired in favour of ${currentKeyId}: it signs no new checkpoint (restart with the current key in KOM_AUDIT_KEY_FILE)`);
  }
}

/**
 * Folds the log into a Merkle tree and records signed checkpoints. Its leaves come from the
 * audit_leaves read model (fed by the projection runner, rebuilt from the log when missing); the
 * tree in memory follows that table. Checkpoints are appended to `audit-checkpoints` with the exact
 * expected revision of the last checkpoint read and an event id derived from the tree size, so
 * replicas racing to write the same checkpoint append it once, and a replica that lost the race
 * re-reads and finds nothing left to do.
 *
 * On PostgreSQL, where several processes share one log, a notary signs only while it holds the
 * cluster-wide checkpoint lock: the periodic checkpoint is skipped by whoever finds it taken (the
 * holder is writing it), an on-demand one waits for it. What is signed is a prefix of the log that
 * no later commit can change, because positions there are gap-free and committed in order: every
 * replica's leaves table is a prefix of the same sequence, so any two sign the same root for a size.
 */
export class AuditNotary {
  private tree = new MerkleTree();
  private running: Promise<unknown> = Promise.resolve();
  /** The largest tree size known to be checkpointed: spares a read of the store on every batch. */
  private knownCheckpointSize = 0;
  private readonly lock: CheckpointLock | undefined;

  constructor(
    private readonly store: EventStore,
    private readonly db: Database,
    private readonly key: AuditSigningKey,
    private readonly options: NotaryOptions,
  ) {
    if (!Number.isInteger(options.checkpointEvery) || options.checkpointEvery < 1) throw new RangeError('checkpointEvery must be a positive integer');
    this.lock = options.lock ?? checkpointLockOf(store);
  }

  /** Leaves folded so far (after catching up with the leaves table). */
  treeSize(): number {
    return this.sync().size;
  }

  /** Records the periodic checkpoint when a multiple of checkpointEvery has been reached and not yet recorded. */
  checkpointIfDue(): Promise<RecordedCheckpoint | undefined> {
    return this.serialised(async () => {
      const size = this.sync().size;
      const due = Math.floor(size / this.options.checkpointEvery) * this.options.checkpointEvery;
      this.knownCheckpointSize = Math.max(this.knownCheckpointSize, this.latestCheckpoint()?.treeSize ?? 0);
      if (due === 0 || due <= this.knownCheckpointSize) return undefined;
      // Another process holding the lock is writing this checkpoint (or a later one): skip.
      return this.underLock(() => this.record(due, false), false);
    });
  }

  /**
   * The timed checkpoint (KOM_AUDIT_CHECKPOINT_MINUTES): everything folded so far, when the log grew
   * since the latest checkpoint. Quiet stretches between multiples of checkpointEvery still get a
   * signed root, so a later rewrite of them is caught without waiting for the next multiple.
   */
  checkpointIfGrown(): Promise<RecordedCheckpoint | undefined> {
    return this.serialised(async () => {
      const size = this.sync().size;
      this.knownCheckpointSize = Math.max(this.knownCheckpointSize, this.latestCheckpoint()?.treeSize ?? 0);
      if (size === 0 || size <= this.knownCheckpointSize) return undefined;
      return this.underLock(() => this.record(size, false), false);
    });
  }

  /** A checkpoint of everything folded so far (or the latest, when nothing is new). */
  checkpointNow(): Promise<RecordedCheckpoint | undefined> {
    return this.serialised(async () => {
      const size = this.sync().size;
      if (size === 0) return undefined;
      return this.underLock(() => this.record(size, true), true);
    });
  }

  /** The latest checkpoint the local read model shows. */
  latestCheckpoint(): CheckpointData | undefined {
    const row = prepared(this.db, `SELECT * FROM ${AUDIT_CHECKPOINTS_TABLE} ORDER BY tree_size DESC LIMIT 1`)
      .get() as CheckpointRow | undefined;
    return row ? fromRow(row) : undefined;
  }

  /**
   * One page of the checkpoints by tree size (a keyset: the cursor is the size last seen), oldest
   * first or newest first; `limit` rows at most.
   */
  checkpointPage(options: { afterSize?: number; limit: number; newestFirst?: boolean }): CheckpointData[] {
    const { afterSize, limit, newestFirst = false } = options;
    const where = afterSize === undefined ? '' : `WHERE tree_size ${newestFirst ? '<' : '>'} ?`;
    const rows = prepared(this.db, `SELECT * FROM ${AUDIT_CHECKPOINTS_TABLE} ${where} ORDER BY tree_size ${newestFirst ? 'DESC' : 'ASC'} LIMIT ?`)
      .all(...(afterSize === undefined ? [] : [afterSize]), limit) as CheckpointRow[];
    return rows.map(fromRow);
  }

  checkpointCount(): number {
    return (prepared(this.db, `SELECT COUNT(*) AS n FROM ${AUDIT_CHECKPOINTS_TABLE}`).get() as { n: number }).n;
  }

  checkpoints(): CheckpointData[] {
    return (prepared(this.db, `SELECT * FROM ${AUDIT_CHECKPOINTS_TABLE} ORDER BY tree_size`).all() as CheckpointRow[]).map(fromRow);
  }

  checkpointOfSize(treeSize: number): CheckpointData | undefined {
    const row = prepared(this.db, `SELECT * FROM ${AUDIT_CHECKPOINTS_TABLE} WHERE tree_size = ?`).get(treeSize) as CheckpointRow | undefined;
    return row ? fromRow(row) : undefined;
  }

  /** The inclusion proof of an event in the latest checkpoint; undefined when no checkpoint covers it (yet). */
  inclusionProof(eventId: string, checkpoint: CheckpointData | undefined = this.latestCheckpoint()): InclusionProof | undefined {
    const leaf = prepared(this.db, `SELECT leaf_index, position, leaf_hash FROM ${AUDIT_LEAVES_TABLE} WHERE event_id = ?`)
      .get(eventId.toLowerCase()) as { leaf_index: number; position: string; leaf_hash: string } | undefined;
    if (!leaf || !checkpoint || leaf.leaf_index >= checkpoint.treeSize) return undefined;
    const tree = this.sync();
    if (tree.size < checkpoint.treeSize) return undefined;
    return {
      eventId: eventId.toLowerCase(),
      position: leaf.position,
      leafIndex: leaf.leaf_index,
      leafHash: leaf.leaf_hash,
      treeSize: checkpoint.treeSize,
      rootHash: checkpoint.rootHash,
      path: tree.inclusionProof(leaf.leaf_index, checkpoint.treeSize),
      checkpoint,
    };
  }

  consistencyProof(fromSize: number, toSize: number): ConsistencyProof {
    const tree = this.sync();
    return {
      fromSize,
      toSize,
      fromRoot: tree.root(fromSize),
      toRoot: tree.root(toSize),
      path: tree.consistencyProof(fromSize, toSize),
    };
  }

  /** Proves that leaves [firstLeaf, firstLeaf + leafCount) are a complete run of the tree of treeSize (MerkleTree.rangeProof). */
  rangeProof(firstLeaf: number, leafCount: number, treeSize: number): string[] {
    return this.sync().rangeProof(firstLeaf, leafCount, treeSize);
  }

  /** The leaves as recorded: hints for the verifier (only trusted where they reproduce a signed root). */
  leafHints(fromIndex: number, toIndex: number): Array<{ position: bigint; leafHash: string }> {
    return (
      prepared(this.db, `SELECT position, leaf_hash FROM ${AUDIT_LEAVES_TABLE} WHERE leaf_index >= ? AND leaf_index < ? ORDER BY leaf_index`)
        .all(fromIndex, toIndex) as Array<{ position: string; leaf_hash: string }>
    ).map((r) => ({ position: BigInt(r.position), leafHash: r.leaf_hash }));
  }

  /** A key the log has retired (`kom rotate-audit-key`) signs nothing more: a replica still holding it stops here. */
  private async assertKeyInUse(): Promise<void> {
    const { ring } = await readKeyRing(this.store, this.key.published);
    const current = ring[ring.length - 1]!;
    if (current.keyId !== this.key.published.keyId) throw new AuditKeyRetired(this.key.published.keyId, current.keyId);
  }

  private async record(treeSize: number, onDemand: boolean): Promise<RecordedCheckpoint | undefined> {
    for (let attempt = 1; ; attempt++) {
      const last = await this.lastRecorded();
      if (last) this.knownCheckpointSize = Math.max(this.knownCheckpointSize, last.data.treeSize);
      if (last && last.data.treeSize >= treeSize) {
        // Already there (another replica, or an earlier call): nothing to add.
        return onDemand ? { ...last.data, appended: false, eventPosition: last.position } : undefined;
      }
      await this.assertKeyInUse();
      const position = this.leafPosition(treeSize - 1);
      const data = signCheckpoint(
        { treeSize, rootHash: this.tree.root(treeSize), position, time: (this.options.now?.() ?? new Date()).toISOString() },
        this.key.privateKey,
        this.key.published.keyId,
      );
      try {
        const result = await this.store.appendToStream(
          CHECKPOINT_STREAM,
          [
            {
              id: checkpointEventId(treeSize),
              type: CHECKPOINT_EVENT_TYPE,
              data,
              metadata: {
                actor: { userId: 'audit-notary', organizationId: 'kom', role: 'SYSTEM' },
                command: onDemand ? 'CreateAuditCheckpoint' : 'RecordPeriodicAuditCheckpoint',
                occurredAt: data.time,
                schemaVersion: 1,
              },
            },
          ],
          { expectedRevision: last ? last.revision : 'no_stream' },
        );
        this.knownCheckpointSize = Math.max(this.knownCheckpointSize, treeSize);
        const recorded = await this.asRecorded(data, result.nextExpectedRevision, result.position);
        return recorded.appended || onDemand ? recorded : undefined;
      } catch (error) {
        if (error instanceof WrongExpectedRevisionError && attempt < MAX_ATTEMPTS) continue;
        throw error;
      }
    }
  }

  /**
   * What the log holds for the append that just succeeded. The event id derives from the size, so
   * when another notary recorded this size first the store took ours as a retry of theirs and
   * wrote nothing: report theirs, not appended.
   */
  private async asRecorded(ours: CheckpointData, revision: bigint, eventPosition: bigint): Promise<RecordedCheckpoint> {
    const [stored] = await this.store.readStream(CHECKPOINT_STREAM, { fromRevision: revision, maxCount: 1 });
    if (stored && isCheckpointData(stored.data) && stored.data.signature !== ours.signature) {
      return { ...checkpointFields(stored.data), appended: false, eventPosition: stored.position };
    }
    return { ...ours, appended: true, eventPosition };
  }

  private async underLock(work: () => Promise<RecordedCheckpoint | undefined>, wait: boolean): Promise<RecordedCheckpoint | undefined> {
    if (!this.lock) return work();
    const held = await this.lock(work, { wait });
    return held.acquired ? held.value : undefined;
  }

  private async lastRecorded(): Promise<{ revision: bigint; position: bigint; data: CheckpointData } | undefined> {
    try {
      const [last] = await this.store.readStream(CHECKPOINT_STREAM, { direction: 'backwards', maxCount: 1 });
      return last && isCheckpointData(last.data) ? { revision: last.revision, position: last.position, data: last.data } : undefined;
    } catch (error) {
      if (error instanceof StreamNotFoundError) return undefined;
      throw error;
    }
  }

  private leafPosition(index: number): string {
    const row = prepared(this.db, `SELECT position FROM ${AUDIT_LEAVES_TABLE} WHERE leaf_index = ?`).get(index) as { position: string } | undefined;
    if (!row) throw new Error(`No leaf ${index}`);
    return row.position;
  }

  /** Brings the in-memory tree up to the leaves table (rebuilt from scratch when the table was rebuilt). */
  private sync(): MerkleTree {
    const count = (prepared(this.db, `SELECT COALESCE(MAX(leaf_index) + 1, 0) AS n FROM ${AUDIT_LEAVES_TABLE}`).get() as { n: number }).n;
    if (count < this.tree.size) this.tree = new MerkleTree();
    if (count > this.tree.size) {
      const rows = prepared(this.db, `SELECT leaf_hash FROM ${AUDIT_LEAVES_TABLE} WHERE leaf_index >= ? ORDER BY leaf_index`).all(this.tree.size) as Array<{ leaf_hash: string }>;
      for (const row of rows) this.tree.append(row.leaf_hash);
    }
    return this.tree;
  }

  private serialised<T>(work: () => Promise<T>): Promise<T> {
    const next = this.running.then(work, work);
    this.running = next.catch(() => undefined);
    return next;
  }
}

interface CheckpointRow {
  tree_size: number;
  root_hash: string;
  position: string;
  time: string;
  key_id: string;
  signature: string;
}

function fromRow(row: CheckpointRow): CheckpointData {
  return {
    treeSize: Number(row.tree_size),
    rootHash: row.root_hash,
    position: row.position,
    time: row.time,
    keyId: row.key_id,
    algorithm: 'Ed25519',
    signature: row.signature,
  };
}
