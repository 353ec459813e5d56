import { START, type AppendResult, type ExpectedRevision, type Position } from '../event-store.port';
import { DuplicateEventIdError } from '../errors';
import { GENESIS_HASH } from '../hash-chain';
import { checkExpectedRevision, type SerializedEvent } from '../sqlite/codec';
import type { Outcome } from '../sqlite/group-commit';

export interface AppendJob {
  readonly streamId: string;
  readonly events: readonly SerializedEvent[];
  readonly expected: ExpectedRevision;
}

/** A stream as the batch finds it: its last event. */
export interface StreamHead {
  readonly revision: bigint;
  readonly position: Position;
  /** The hash the next event chains to. */
  readonly hash: string;
}

export interface KnownEvent {
  readonly streamId: string;
  readonly revision: bigint;
  readonly position: Position;
}

/**
 * What a batch needs to know of the log, read under the append lock: the head, the streams it
 * touches and whichever of its event ids are already recorded. Planning updates it as it goes, so
 * later appends of a batch see earlier ones (same stream, same ids).
 */
export interface LogView {
  head: Position;
  readonly streams: Map<string, StreamHead>;
  readonly events: Map<string, KnownEvent>;
}

export interface EventRow {
  readonly position: Position;
  readonly eventId: string;
  readonly streamId: string;
  readonly revision: bigint;
  readonly type: string;
  readonly data: string;
  readonly metadata: string;
}

/** The appends of one call: one stream (appendToStream) or several as one (appendToStreams). */
export type AppendGroup = readonly AppendJob[];

export interface BatchPlan {
  /** One outcome per group: every part's result, or the group's refusal. */
  readonly outcomes: Outcome<AppendResult[]>[];
  readonly rows: EventRow[];
  /** Each written stream's new last revision. */
  readonly streams: Map<string, bigint>;
  readonly head: Position;
}

/**
 * Decides every append of a batch against the log as it stands, in arrival order, without I/O.
 * A refusal writes nothing and touches no other call of the batch: all its checks happen
 * before the view changes. Positions continue from the head without gaps, so once the batch
 * commits, position N is visible only with every position below it.
 */
export function planBatch(groups: readonly AppendGroup[], view: LogView): BatchPlan {
  const rows: EventRow[] = [];
  const streams = new Map<string, bigint>();
  const outcomes = groups.map((group): Outcome<AppendResult[]> => {
    try {
      // Every part is checked before any is applied: a group is written whole or not at all.
      const answers = group.map((job) => check(job, view));
      refuseIdsSharedAcrossParts(group);
      const writing = group.filter((job, i) => answers[i] === undefined);
      const replayed = group.filter((job, i) => answers[i] !== undefined && job.events.length > 0);
      // Some parts already recorded, others not: not a retry of one call, so a duplicate.
      if (writing.length > 0 && replayed.length > 0) throw new DuplicateEventIdError(replayed[0]!.events[0]!.id, replayed[0]!.streamId);
      return { ok: true, value: group.map((job, i) => answers[i] ?? apply(job, view, rows, streams)) };
    } catch (error) {
      return { ok: false, error };
    }
  });
  return { outcomes, rows, streams, head: view.head };
}

function refuseIdsSharedAcrossParts(group: AppendGroup): void {
  if (group.length < 2) return;
  const seen = new Set<string>();
  for (const job of group) {
    for (const event of job.events) {
      if (seen.has(event.id)) throw new DuplicateEventIdError(event.id, job.streamId);
    }
    for (const event of job.events) seen.add(event.id);
  }
}

/**
 * Throws the refusal, returns the original result of a replay, or undefined when the append may
 * be written. An append whose ids are all recorded, consecutively and in order in this stream, is
 * a retry of one that committed (the writer never saw the answer): EventStoreDB accepts it without
 * writing, whatever the expected revision, and so do we.
 */
function check(job: AppendJob, view: LogView): AppendResult | undefined {
  const found = job.events.map((event) => view.events.get(event.id));
  const anyFound = found.findIndex((known) => known !== undefined);
  if (anyFound !== -1) {
    const first = found[0];
    found.forEach((known, i) => {
      if (!known || !first || known.streamId !== job.streamId || known.revision !== first.revision + BigInt(i)) {
        throw new DuplicateEventIdError(job.events[known ? i : anyFound]!.id, job.streamId);
      }
    });
    const last = found[found.length - 1]!;
    return { nextExpectedRevision: last.revision, position: last.position };
  }
  const current = view.streams.get(job.streamId);
  checkExpectedRevision(job.streamId, job.expected, current?.revision);
  const ids = new Set<string>();
  for (const event of job.events) {
    if (ids.has(event.id)) throw new DuplicateEventIdError(event.id, job.streamId);
    ids.add(event.id);
  }
  if (job.events.length === 0) {
    // Nothing to write: the answer is where a reader of this stream must have caught up to.
    return current ? { nextExpectedRevision: current.revision, position: current.position } : { nextExpectedRevision: -1n, position: START };
  }
  return undefined;
}

/** Chains and places the events of an accepted append; cannot fail. */
function apply(job: AppendJob, view: LogView, rows: EventRow[], streams: Map<string, bigint>): AppendResult {
  const current = view.streams.get(job.streamId);
  let revision = current?.revision ?? -1n;
  let prevHash = current?.hash ?? GENESIS_HASH;
  let position = view.head;
  for (const event of job.events) {
    revision += 1n;
    position += 1n;
    const metadata = event.chainable.chain(revision, prevHash);
    prevHash = metadata.hash;
    rows.push({ position, eventId: event.id, streamId: job.streamId, revision, type: event.type, data: event.data, metadata: JSON.stringify(metadata) });
    view.events.set(event.id, { streamId: job.streamId, revision, position });
  }
  view.head = position;
  view.streams.set(job.streamId, { revision, position, hash: prevHash });
  streams.set(job.streamId, revision);
  return { nextExpectedRevision: revision, position };
}
