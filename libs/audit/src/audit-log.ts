import { StreamNotFoundError, type EventStore, type RecordedEvent } from '@kom/event-store';
import { NotFound, storedForm } from '@kom/kernel';
import { ReadModelDatabase, rebuildAll } from '@kom/projections';
import type { AuditSigningKey } from './checkpoints/audit-key';
import { checkpointFields, isLeafEvent, type CheckpointData } from './checkpoints/audit-log-format';
import { AuditNotary } from './checkpoints/audit-notary';
import { readKeyRing } from './checkpoints/key-ring-store';
import { auditLeavesProjection } from './read-models/audit-leaves.projection';
import { BUNDLE_FORMAT, writeBundle, type BundleEvent, type BundleLine, type BundleProof } from './verification/bundle-format';
import { verifyStream, type IntegrityReport } from './verification/log-verifier';
import { requireStreamId } from './verification/stream-id';
import { walkLog } from './verification/whole-log';

export { walkLog, verifyWholeLog } from './verification/whole-log';

/**
 * One stream's chain. A stream id of no form the log uses is INVALID_STREAM_ID; a stream that does
 * not exist is STREAM_NOT_FOUND: there is no chain to call valid or broken.
 */
export async function verifyStreamIntegrity(store: EventStore, streamId: string): Promise<IntegrityReport> {
  try {
    return verifyStream(await store.readStream(requireStreamId(streamId)));
  } catch (error) {
    if (!(error instanceof StreamNotFoundError)) throw error;
    throw new NotFound('stream', streamId);
  }
}

/**
 * A notary over a private in-memory copy of the leaves, rebuilt from the log now: for the CLI,
 * which must not touch a running replica's read models. Close the returned database when done.
 */
export async function notaryFromLog(
  store: EventStore,
  key: AuditSigningKey,
  checkpointEvery: number,
): Promise<{ notary: AuditNotary; close: () => void }> {
  const readModels = ReadModelDatabase.open(':memory:');
  await rebuildAll(store, readModels, [auditLeavesProjection]);
  return { notary: new AuditNotary(store, readModels.db, key, { checkpointEvery }), close: () => readModels.close() };
}

export interface ExportRange {
  /** Inclusive (ISO 8601), on the event's occurredAt (its recordedAt when it has none). */
  readonly from: Date;
  /** Exclusive. */
  readonly to: Date;
}

export interface ExportedBundle {
  /** The bundle's bytes (UTF-8), sealed. */
  readonly text: string;
  readonly events: number;
  /** Events recorded after the checkpoint: no inclusion proof. */
  readonly unprovenEvents: number;
}

const occurredAt = (event: RecordedEvent): number => Date.parse(String((event.metadata as { occurredAt?: unknown }).occurredAt ?? event.recordedAt));

/**
 * The evidence bundle for the events in range, sealed with the audit key (see bundle-format.ts).
 * The proofs use `checkpoint` (default: the latest). The bundle holds every leaf of that checkpoint
 * from the first event in range to the last (so the run is contiguous and a removal shows as a
 * gap), then the events in range recorded after the checkpoint, with proof null; the earlier
 * checkpoints come with consistency proofs to it.
 */
export async function exportAuditBundle(
  store: EventStore,
  notary: AuditNotary,
  key: AuditSigningKey,
  range: ExportRange,
  options: { checkpoint?: CheckpointData; now?: Date } = {},
): Promise<ExportedBundle> {
  const checkpoint = options.checkpoint ?? notary.latestCheckpoint();
  const treeSize = checkpoint?.treeSize ?? 0;
  const inRange = (event: RecordedEvent) => {
    const at = occurredAt(event);
    return at >= range.from.getTime() && at < range.to.getTime();
  };

  // First pass: the run of leaves to hold. The leaf index is the count of leaf events before it.
  let firstLeaf = -1;
  let lastLeaf = -1;
  let leafIndex = 0;
  for await (const event of walkLog(store)) {
    if (!isLeafEvent(event)) continue; // checkpoints travel as checkpoint lines
    if (leafIndex < treeSize && inRange(event)) {
      if (firstLeaf < 0) firstLeaf = leafIndex;
      lastLeaf = leafIndex;
    }
    leafIndex += 1;
  }
  const leafCount = firstLeaf < 0 ? 0 : lastLeaf - firstLeaf + 1;
  if (firstLeaf < 0) firstLeaf = 0;

  const events: BundleLine[] = [];
  let unproven = 0;
  leafIndex = 0;
  for await (const event of walkLog(store)) {
    if (!isLeafEvent(event)) continue;
    const index = leafIndex++;
    const proven = index >= firstLeaf && index < firstLeaf + leafCount;
    if (!proven && !(index >= treeSize && inRange(event))) continue;
    let proof: BundleProof | null = null;
    if (proven) {
      const inclusion = notary.inclusionProof(event.id, checkpoint);
      if (!inclusion || inclusion.leafIndex !== index) throw new Error(`The notary's leaves do not match the log at position ${event.position}: rebuild the read models`);
      proof = { treeSize: inclusion.treeSize, leafIndex: inclusion.leafIndex, path: inclusion.path };
    } else {
      unproven += 1;
    }
    events.push({ kind: 'event', event: toBundleEvent(event), proof });
  }

  const earlier = checkpoint ? notary.checkpoints().filter((c) => c.treeSize < checkpoint.treeSize) : [];
  // A bundle spanning a rotation carries the log's rotations: each signed by the key it retires.
  const { rotations } = await readKeyRing(store, key.published);
  const lines: BundleLine[] = [
    {
      kind: 'header',
      format: BUNDLE_FORMAT,
      from: range.from.toISOString(),
      to: range.to.toISOString(),
      exportedAt: (options.now ?? new Date()).toISOString(),
      publicKey: key.published,
      checkpoints: checkpoint ? [...earlier.map((c) => c.treeSize), checkpoint.treeSize] : [],
      firstLeaf,
      leafCount,
      unprovenEvents: unproven,
      ...(rotations.length > 0 ? { keyRotations: rotations } : {}),
    },
  ];
  if (checkpoint) {
    // Every earlier checkpoint too, each with its consistency proof to the one the proofs use: an
    // auditor who kept an earlier checkpoint (or bundle) sees that the history was only extended.
    for (const c of [...earlier, checkpoint]) lines.push({ kind: 'checkpoint', checkpoint: checkpointFields(c) });
    for (const c of earlier) lines.push({ kind: 'consistency', fromSize: c.treeSize, toSize: treeSize, path: notary.consistencyProof(c.treeSize, treeSize).path });
    lines.push({ kind: 'range', treeSize, firstLeaf, leafCount, path: notary.rangeProof(firstLeaf, leafCount, treeSize) });
  }
  lines.push(...events);
  return { text: writeBundle(lines, { privateKey: key.privateKey, keyId: key.published.keyId }), events: events.length, unprovenEvents: unproven };
}

// The bundle carries each event as stored (not as read upcast): the offline verifier hashes it.
function toBundleEvent(read: RecordedEvent): BundleEvent {
  const event = storedForm(read);
  return {
    id: event.id,
    streamId: event.streamId,
    revision: String(event.revision),
    position: String(event.position),
    type: event.type,
    data: event.data,
    metadata: event.metadata,
    recordedAt: event.recordedAt,
  };
}
