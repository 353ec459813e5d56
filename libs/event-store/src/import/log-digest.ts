import { createHash } from 'node:crypto';
import type { EventStore, Position, RecordedEvent } from '../event-store.port';
import { START } from '../event-store.port';
import { storedForm } from '@kom/kernel';
import { canonicalJson, checkChainLink } from '../hash-chain';

export interface LogSummary {
  readonly events: number;
  readonly streams: number;
  /**
   * SHA-256 over every event in global order, one line each: canonical JSON of its id, stream,
   * revision, type, data, metadata (hash chain included) and, unless left out, recorded time.
   * Positions are not in it: KurrentDB numbers its own.
   */
  readonly digest: string;
  /** SHA-256 over the positions alone, in order: equal when both logs number events alike. */
  readonly positionsDigest: string;
  /** The first broken link of any stream's chain; undefined when every chain is whole. */
  readonly brokenChain: { readonly position: Position; readonly reason: string } | undefined;
}

export interface SummaryOptions {
  readonly withRecordedAt?: boolean;
  readonly pageSize?: number;
}

/** The line an event contributes to the digest: of the event as stored, even when read upcast. */
export function digestLine(read: RecordedEvent, withRecordedAt = true): string {
  const event = storedForm(read);
  return canonicalJson({
    id: event.id.toLowerCase(),
    stream: event.streamId,
    revision: String(event.revision),
    type: event.type,
    data: event.data ?? null,
    metadata: event.metadata,
    ...(withRecordedAt ? { recordedAt: new Date(event.recordedAt).toISOString() } : {}),
  });
}

/** Reads the whole log once: its digest, and every stream's hash chain checked link by link. */
export async function summarizeLog(store: EventStore, options: SummaryOptions = {}): Promise<LogSummary> {
  const pageSize = options.pageSize ?? 1000;
  const digest = createHash('sha256');
  const positions = createHash('sha256');
  const heads = new Map<string, { revision: bigint; hash: string }>();
  let brokenChain: LogSummary['brokenChain'];
  let events = 0;
  for (let after: Position = START; ; ) {
    const page = await store.readAll({ fromPosition: after, maxCount: pageSize });
    // Only an empty page ends the log: KurrentDB may return fewer than asked (system events left out).
    if (page.length === 0) break;
    for (const event of page) {
      digest.update(digestLine(event, options.withRecordedAt ?? true)).update('\n');
      positions.update(`${event.position}\n`);
      events += 1;
      const link = checkChainLink(event, heads.get(event.streamId));
      if (link.ok) heads.set(event.streamId, { revision: event.revision, hash: link.hash });
      else {
        brokenChain ??= { position: event.position, reason: link.reason };
        heads.set(event.streamId, { revision: event.revision, hash: String(event.metadata.hash) });
      }
    }
    after = page[page.length - 1]!.position;
  }
  return { events, streams: heads.size, digest: digest.digest('hex'), positionsDigest: positions.digest('hex'), brokenChain };
}
