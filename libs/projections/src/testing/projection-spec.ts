import type { Database } from 'better-sqlite3';
import type { RecordedEvent } from '@kom/event-store';
import { SPEC_NOW } from '@kom/kernel/testing';
import type { Projection } from '../projection';
import { ReadModelDatabase } from '../read-model-database';

/** One event as a spec gives it: its stream, type and data, and what its metadata should say. */
export interface GivenEvent {
  readonly streamId: string;
  readonly type: string;
  readonly data: unknown;
  /** metadata.occurredAt and recordedAt; defaults to the log's `at`. */
  readonly at?: string;
  /** metadata.actor, when the projection records who did it. */
  readonly actor?: object;
  /** Further metadata, merged after occurredAt and actor. */
  readonly metadata?: Readonly<Record<string, unknown>>;
}

export interface GivenEventOptions {
  readonly at?: string;
  readonly actor?: object;
  readonly metadata?: Readonly<Record<string, unknown>>;
}

/**
 * One event of a stream, by type and data or as a domain event ({ type, data }):
 *   ev('agreement-a1', 'AgreementSigned', { ... }, { at, actor })
 *   ev('meeting-m1', decided('d1'), { at })
 */
export function ev(streamId: string, type: string, data: unknown, options?: GivenEventOptions): GivenEvent;
export function ev(streamId: string, event: { readonly type: string; readonly data: unknown }, options?: GivenEventOptions): GivenEvent;
export function ev(
  streamId: string,
  typeOrEvent: string | { readonly type: string; readonly data: unknown },
  dataOrOptions?: unknown,
  options?: GivenEventOptions,
): GivenEvent {
  if (typeof typeOrEvent === 'string') return { streamId, type: typeOrEvent, data: dataOrOptions, ...options };
  return { streamId, type: typeOrEvent.type, data: typeOrEvent.data, ...(dataOrOptions as GivenEventOptions | undefined) };
}

export interface EventLogOptions {
  /**
   * The time of events given without one: an ISO instant, or one computed from the event's 0-based
   * index in the log. Defaults to SPEC_NOW, the decider specs' clock.
   */
  readonly at?: string | ((index: number) => string);
  /** metadata.actor of events given without one; none by default. */
  readonly actor?: object;
}

/**
 * Numbers given events as the store would: global positions from 1, revisions from 0 per stream,
 * ids `e-<position>`, metadata { occurredAt, actor?, ... } and recordedAt = occurredAt. Numbering
 * continues across calls to `record`.
 */
export class EventLog {
  private readonly revisions = new Map<string, bigint>();
  private readonly recordedEvents: RecordedEvent[] = [];

  constructor(private readonly options: EventLogOptions = {}) {}

  /** Every event recorded so far, in log order. */
  get events(): readonly RecordedEvent[] {
    return this.recordedEvents;
  }

  record(given: readonly GivenEvent[]): RecordedEvent[] {
    return given.map((event) => {
      const index = this.recordedEvents.length;
      const position = BigInt(index + 1);
      const revision = this.revisions.get(event.streamId) ?? 0n;
      this.revisions.set(event.streamId, revision + 1n);
      const at = event.at ?? this.defaultAt(index);
      const actor = event.actor ?? this.options.actor;
      const recorded: RecordedEvent = {
        id: `e-${position}`,
        type: event.type,
        streamId: event.streamId,
        revision,
        position,
        data: event.data,
        metadata: { occurredAt: at, ...(actor === undefined ? {} : { actor }), ...event.metadata },
        recordedAt: at,
      };
      this.recordedEvents.push(recorded);
      return recorded;
    });
  }

  private defaultAt(index: number): string {
    const at = this.options.at;
    if (at === undefined) return SPEC_NOW.toISOString();
    return typeof at === 'string' ? at : at(index);
  }
}

/** The given events as one fresh log would record them (for code that reads events, not rows). */
export function recordEvents(given: readonly GivenEvent[], options?: EventLogOptions): RecordedEvent[] {
  return new EventLog(options).record(given);
}

/**
 * given events → then rows, for one or more projections over a fresh in-memory read-model database:
 *
 *   const spec = projectionSpec([agreementsProjection]);
 *   spec.given([ev('agreement-a1', 'AgreementDrafted', data), ...])
 *       .then((db) => expect(db.prepare('SELECT ...').all()).toEqual([...]));
 *   spec.replayed(); // the same events again: a projection must be idempotent by revision
 *
 * Events go straight to `apply` of each projection that handles their type (no checkpoints), so a
 * replay reaches the projection as a redelivered event would.
 */
export class ProjectionSpec {
  readonly readModels: ReadModelDatabase;
  private readonly log: EventLog;

  constructor(
    readonly projections: readonly Projection[],
    options: EventLogOptions = {},
  ) {
    this.log = new EventLog(options);
    this.readModels = ReadModelDatabase.open(':memory:');
    for (const projection of projections) projection.setup(this.readModels.db);
  }

  get db(): Database {
    return this.readModels.db;
  }

  /** Every event given so far, as recorded. */
  get recorded(): readonly RecordedEvent[] {
    return this.log.events;
  }

  /** Records the events (numbering continues from earlier calls) and applies them. */
  given(events: readonly GivenEvent[]): this {
    return this.apply(this.log.record(events));
  }

  /** Applies events already recorded, as they are (a log built with recordEvents, or a replay). */
  apply(events: readonly RecordedEvent[]): this {
    for (const event of events) {
      for (const projection of this.projections) {
        if (projection.handles === '*' || projection.handles.includes(event.type)) projection.apply(this.db, event);
      }
    }
    return this;
  }

  /** Applies every event given so far once more, with the same positions and revisions. */
  replayed(): this {
    return this.apply([...this.log.events]);
  }

  then(assert: (db: Database, readModels: ReadModelDatabase) => void): this {
    assert(this.db, this.readModels);
    return this;
  }

  close(): void {
    this.readModels.close();
  }
}

export function projectionSpec(projections: readonly Projection[], options?: EventLogOptions): ProjectionSpec {
  return new ProjectionSpec(projections, options);
}
