import { StreamNotFoundError, type EventStore, type RecordedEvent } from '@kom/event-store';
import { ReadModelDatabase, rebuildAll } from '@kom/projections';
import type { AuditSigningKey } from './checkpoints/audit-key';
import { checkpointFields, isLeafEvent, type CheckpointData } from './checkpoints/audit-log-format';
import { AuditNotary } from './checkpoints/audit-notary';
import type { AuditPublicKey } from './checkpoints/signing';
import { toPublicKey } from './checkpoints/signing';
import { auditLeavesProjection } from './read-models/audit-leaves.projection';
import { BUNDLE_FORMAT, type BundleLine } from './verification/evidence-bundle';
import { LogVerifier, verifyStream, type IntegrityReport, type LeafHint } from './verification/log-verifier';

const PAGE = 1000;

/** Every event of the log in order, page by page. */
export async function* walkLog(store: EventStore): AsyncGenerator<RecordedEvent> {
  let from = 0n;
  for (;;) {
    const page = await store.readAll({ fromPosition: from, maxCount: PAGE });
    if (page.length === 0) return;
    yield* page;
    from = page[page.length - 1]!.position;
    if (page.length < PAGE) return;
  }
}

/** Walks the whole log: every chain, every checkpoint's signature and root. */
export async function verifyWholeLog(
  store: EventStore,
  publicKey: AuditPublicKey,
  leafHints?: (fromIndex: number, toIndex: number) => readonly LeafHint[],
): Promise<IntegrityReport> {
  const verifier = new LogVerifier({ key: toPublicKey(publicKey.publicKeyPem), leafHints });
  for await (const event of walkLog(store)) verifier.add(event);
  return verifier.report();
}

/** One stream's chain. An unknown stream is reported, not thrown. */
export async function verifyStreamIntegrity(store: EventStore, streamId: string): Promise<IntegrityReport> {
  try {
    return verifyStream(await store.readStream(streamId));
  } catch (error) {
    if (!(error instanceof StreamNotFoundError)) throw error;
    return { checkedEvents: 0, valid: false, firstInvalidPosition: null, reason: `stream ${streamId} does not exist`, checkpointsChecked: 0, treeSize: 0 };
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

/**
 * The evidence bundle for the events in range (see evidence-bundle.ts for the format). Every event
 * gets its inclusion proof in `checkpoint` (default: the latest; pass one that covers the range —
 * events after it are exported with proof null); the earlier checkpoints come with consistency
 * proofs to it.
 */
export async function exportAuditBundle(
  store: EventStore,
  notary: AuditNotary,
  publicKey: AuditPublicKey,
  range: ExportRange,
  options: { checkpoint?: CheckpointData; now?: Date } = {},
): Promise<BundleLine[]> {
  const checkpoint = options.checkpoint ?? notary.latestCheckpoint();
  const now = options.now ?? new Date();
  const lines: BundleLine[] = [
    { kind: 'header', format: BUNDLE_FORMAT, from: range.from.toISOString(), to: range.to.toISOString(), exportedAt: now.toISOString(), publicKey },
  ];
  if (checkpoint) {
    // Every earlier checkpoint too, each with its consistency proof to the one the proofs use: an
    // auditor who kept an earlier checkpoint (or bundle) sees that the history was only extended.
    const earlier = notary.checkpoints().filter((c) => c.treeSize < checkpoint.treeSize);
    for (const c of earlier) lines.push({ kind: 'checkpoint', checkpoint: checkpointFields(c) });
    lines.push({ kind: 'checkpoint', checkpoint: checkpointFields(checkpoint) });
    for (const c of earlier) {
      const proof = notary.consistencyProof(c.treeSize, checkpoint.treeSize);
      lines.push({ kind: 'consistency', fromSize: c.treeSize, toSize: checkpoint.treeSize, path: proof.path });
    }
  }
  for await (const event of walkLog(store)) {
    const at = Date.parse(String((event.metadata as { occurredAt?: unknown }).occurredAt ?? event.recordedAt));
    if (!(at >= range.from.getTime() && at < range.to.getTime())) continue;
    if (!isLeafEvent(event)) continue; // checkpoints travel as checkpoint lines
    const proof = notary.inclusionProof(event.id, checkpoint);
    lines.push({
      kind: 'event',
      event: {
        id: event.id,
        streamId: event.streamId,
        revision: String(event.revision),
        position: String(event.position),
        type: event.type,
        data: event.data,
        metadata: event.metadata,
        recordedAt: event.recordedAt,
      },
      proof: proof ? { treeSize: proof.treeSize, leafIndex: proof.leafIndex, path: proof.path } : null,
    });
  }
  return lines;
}
