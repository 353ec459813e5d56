import type { EventStore, Position, RecordedEvent } from '../event-store.port';
import { START } from '../event-store.port';
import { digestLine } from './log-digest';
import { supportsImport } from './log-import';

/** The target holds events that are not the beginning of the source: nothing was copied. */
export class MigrationRefused extends Error {
  override readonly name = 'MigrationRefused';
}

export interface CopyOptions {
  /** Events per transaction in the target (each commits whole, so a kill leaves a prefix). Default 500. */
  readonly batchSize?: number;
  /** Called after each committed batch with the events copied so far (resumed ones included). */
  readonly progress?: (copied: number) => void;
}

export interface CopyReport {
  /** Events the target already held, as a prefix of the source, before this run. */
  readonly resumedAfter: number;
  readonly copied: number;
  /** Whether events kept their recorded times (false where the target assigns its own). */
  readonly verbatim: boolean;
}

/**
 * Copies the source log into the target in global order, stream by stream revision, with event
 * ids, types, data, metadata (hash chain) and, where the target can take them, recorded times.
 * A target that already holds events must hold exactly the source's first events (an earlier run
 * that stopped): the copy resumes after them. Anything else is refused before a write.
 */
export async function copyLog(source: EventStore, target: EventStore, options: CopyOptions = {}): Promise<CopyReport> {
  const batchSize = options.batchSize ?? 500;
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new RangeError('batchSize must be a positive integer');
  const verbatim = supportsImport(target);
  const { count: resumedAfter, sourcePosition } = await matchPrefix(source, target, batchSize, verbatim);
  let copied = 0;
  for (let after = sourcePosition; ; ) {
    const page = await source.readAll({ fromPosition: after, maxCount: batchSize });
    if (page.length === 0) break;
    if (supportsImport(target)) await target.importRecorded(page);
    else await appendOneByOne(target, page);
    copied += page.length;
    options.progress?.(resumedAfter + copied);
    after = page[page.length - 1]!.position;
  }
  return { resumedAfter, copied, verbatim };
}

/** Reads both logs side by side while the target lasts: how many of the source's first events it holds. */
async function matchPrefix(
  source: EventStore,
  target: EventStore,
  pageSize: number,
  withRecordedAt: boolean,
): Promise<{ count: number; sourcePosition: Position }> {
  let count = 0;
  let sourcePosition = START;
  let sourceBuffer: RecordedEvent[] = [];
  for (let targetAfter = START; ; ) {
    const page = await target.readAll({ fromPosition: targetAfter, maxCount: pageSize });
    if (page.length === 0) return { count, sourcePosition };
    for (const held of page) {
      if (sourceBuffer.length === 0) sourceBuffer = await source.readAll({ fromPosition: sourcePosition, maxCount: pageSize });
      const original = sourceBuffer.shift();
      if (!original) {
        throw new MigrationRefused(`the target holds more events than the source (${count} match, then event ${held.id} of ${held.streamId}); refusing to copy into it`);
      }
      if (digestLine(held, withRecordedAt) !== digestLine(original, withRecordedAt)) {
        throw new MigrationRefused(
          `the target is not empty and is not a copy of the source's beginning: its event ${count + 1} (${held.id} of ${held.streamId}) ` +
            `differs from the source's (${original.id} of ${original.streamId}); refusing to copy into it`,
        );
      }
      count += 1;
      sourcePosition = original.position;
    }
    targetAfter = page[page.length - 1]!.position;
  }
}

/**
 * For a target without verbatim import (KurrentDB): each event appended at its exact revision with
 * its own id; the store chains it again, which gives the same hash because the hash covers the
 * stream, revision, type, data and metadata, not the position or the time.
 */
async function appendOneByOne(target: EventStore, events: readonly RecordedEvent[]): Promise<void> {
  for (const event of events) {
    const { hash: _hash, prevHash: _prevHash, ...metadata } = event.metadata;
    await target.appendToStream(event.streamId, [{ id: event.id, type: event.type, data: event.data, metadata }], {
      expectedRevision: event.revision === 0n ? 'no_stream' : event.revision - 1n,
    });
  }
}
