import { checkChainLink, storedHash } from '@kom/kernel';
import { StreamNotFoundError, type EventStore, type RecordedEvent } from '@kom/event-store';
import { CHECKPOINT_STREAM, isCheckpointData } from '../checkpoints/audit-log-format';
import { checkpointSignatureProblem, toPublicKey, type AuditPublicKey } from '../checkpoints/signing';
import { readKeyRing } from '../checkpoints/key-ring-store';
import { ringSignatureProblem } from '../checkpoints/key-rotation';

export interface RecentLogReport {
  readonly valid: boolean;
  /** Where the check began: the last leaf the latest signed checkpoint covers (0: no checkpoint). */
  readonly fromPosition: bigint;
  readonly checkedEvents: number;
  readonly firstInvalidPosition: bigint | null;
  readonly reason: string | null;
}

const PAGE = 1000;

/**
 * The start-up check: the latest signed checkpoint's signature, then every stream's hash chain
 * from the last event it covers to the head — only the part no signature vouches for yet, so it
 * stays fast however long the log. An event whose predecessor lies before that point chains to
 * the predecessor's stored hash. (`kom verify` walks the whole log, the signed part included.)
 */
export async function verifyLogSinceLastCheckpoint(store: EventStore, publicKey: AuditPublicKey): Promise<RecentLogReport> {
  let from = 0n;
  let checked = 0;
  const broken = (position: bigint, reason: string): RecentLogReport => ({ valid: false, fromPosition: from, checkedEvents: checked, firstInvalidPosition: position, reason });

  const last = await latest(store, CHECKPOINT_STREAM);
  if (last) {
    if (!isCheckpointData(last.data)) return broken(last.position, 'the latest checkpoint event is malformed');
    let problem: string | undefined;
    try {
      const { ring } = await readKeyRing(store, publicKey);
      problem = ring.length > 1 ? ringSignatureProblem(last.data, ring) : checkpointSignatureProblem(last.data, toPublicKey(publicKey.publicKeyPem));
    } catch (error) {
      problem = `the log's key rotations do not verify: ${(error as Error).message}`;
    }
    if (problem) return broken(last.position, problem);
    from = BigInt(last.data.position);
  }

  const streams = new Map<string, { revision: bigint; hash: string }>();
  for (let after = from; ; ) {
    const page = await store.readAll({ fromPosition: after, maxCount: PAGE });
    for (const event of page) {
      checked += 1;
      const previous = streams.get(event.streamId) ?? (event.revision > 0n ? await predecessor(store, event) : undefined);
      const link = checkChainLink(event, previous);
      if (!link.ok) return broken(event.position, link.reason);
      streams.set(event.streamId, { revision: event.revision, hash: link.hash });
    }
    if (page.length < PAGE) break;
    after = page[page.length - 1]!.position;
    await new Promise((resolve) => setImmediate(resolve)); // let the process answer meanwhile
  }
  return { valid: true, fromPosition: from, checkedEvents: checked, firstInvalidPosition: null, reason: null };
}

/** The stream's event before `event`, as stored; undefined when it is missing (the link check then reports it). */
async function predecessor(store: EventStore, event: RecordedEvent): Promise<{ revision: bigint; hash: string } | undefined> {
  const [previous] = await store.readStream(event.streamId, { fromRevision: event.revision - 1n, maxCount: 1 });
  if (!previous || previous.revision !== event.revision - 1n) return undefined;
  return { revision: previous.revision, hash: storedHash(previous.metadata) ?? '' };
}

async function latest(store: EventStore, streamId: string): Promise<RecordedEvent | undefined> {
  try {
    const [event] = await store.readStream(streamId, { direction: 'backwards', maxCount: 1 });
    return event;
  } catch (error) {
    if (error instanceof StreamNotFoundError) return undefined;
    throw error;
  }
}
