import {
  ConcurrencyConflict,
  Forbidden,
  NotFound,
  type Actor,
  type Decider,
  type DomainCommand,
  type DomainEvent,
  fold,
} from '@kom/kernel';
import {
  WrongExpectedRevisionError,
  type EventMetadata,
  type EventStore,
  type EventToAppend,
  type Position,
} from '@kom/event-store';
import type { Clock } from '../clock';
import { derivedEventId, newId } from '../ids';
import type { EventSchemaRegistry } from './event-schema-registry';
import { refusePersonalDataInCommand, refusePersonalDataInEvents } from './refuse-personal-data';
import { loadStream } from './load-stream';

/** Who sends the command and in which conversation. Never built from client input. */
export interface CommandMeta {
  readonly actor: Actor;
  readonly correlationId: string;
  /** The id of the request or event that caused the command; defaults to the correlation id. */
  readonly causationId?: string;
  /**
   * The revision the client saw. When given, the command is decided once against exactly that
   * revision and a mismatch is a CONFLICT (optimistic concurrency end to end), never retried.
   */
  readonly expectedRevision?: bigint;
  /** Reactors derive event ids from the triggering event so that a re-run appends nothing twice. */
  readonly deriveEventIds?: boolean;
}

export interface CommandPathDeps {
  readonly store: EventStore;
  readonly clock: Clock;
  readonly schemas: EventSchemaRegistry;
  /** Attempts in all when concurrent writers win the race (1 = no retry). */
  readonly maxAttempts?: number;
}

export interface CommandOutcome<Event extends DomainEvent, State> {
  readonly streamId: string;
  readonly events: readonly Event[];
  readonly state: State;
  /** The stream's revision after the command (undefined: the stream still does not exist). */
  readonly revision: bigint | undefined;
  /** Position of the last appended event; undefined when the command changed nothing. */
  readonly position: Position | undefined;
}

const DEFAULT_MAX_ATTEMPTS = 4;

/**
 * load → fold → decide → append(expected revision) → on a lost race, reload and decide again.
 * Domain refusals thrown by `decide` propagate untouched; only version conflicts are retried.
 * A command or envelope holding a national identity number is refused before anything is read.
 */
export async function executeCommand<C extends DomainCommand, E extends DomainEvent, S>(
  deps: CommandPathDeps,
  decider: Decider<C, E, S>,
  streamId: string,
  command: C,
  meta: CommandMeta,
): Promise<CommandOutcome<E, S>> {
  refusePersonalDataInCommand(command, meta);
  const attempts = meta.expectedRevision === undefined ? (deps.maxAttempts ?? DEFAULT_MAX_ATTEMPTS) : 1;
  for (let attempt = 1; ; attempt++) {
    const { state, revision } = await loadStream(deps.store, decider, streamId);
    const now = deps.clock.now();
    if (meta.expectedRevision !== undefined && meta.expectedRevision !== (revision ?? -1n)) {
      // A CONFLICT names the stream's revision: only to a caller the decider would let act at all.
      // Whoever may not see or touch the aggregate gets the same NOT_FOUND or FORBIDDEN as without
      // an expected revision, so a revision tells nobody that something exists.
      refusalOfWhoActs(() => decider.decide(command, state, { now, actor: meta.actor }));
      throw new ConcurrencyConflict(streamId, attempt, meta.expectedRevision, revision ?? -1n);
    }
    const events = decider.decide(command, state, { now, actor: meta.actor });
    if (events.length === 0) return { streamId, events, state, revision, position: undefined };
    refusePersonalDataInEvents(events);

    const toAppend = events.map((event, index) => envelope(deps, event, index, command.type, meta, now));
    try {
      const result = await deps.store.appendToStream(streamId, toAppend, {
        expectedRevision: revision ?? 'no_stream',
      });
      // An idempotent re-append (a reactor's retry) lands nowhere new: the store answers with the
      // original revision, and the state is what the stream says, not what this attempt decided.
      const appendedNow = result.nextExpectedRevision === (revision ?? -1n) + BigInt(events.length);
      const newState = appendedNow ? events.reduce(decider.evolve, state) : (await loadStream(deps.store, decider, streamId)).state;
      return { streamId, events, state: newState, revision: result.nextExpectedRevision, position: result.position };
    } catch (error) {
      if (!(error instanceof WrongExpectedRevisionError)) throw error;
      if (attempt >= attempts) {
        const actual = error.actual === 'no_stream' ? -1n : error.actual;
        throw new ConcurrencyConflict(streamId, attempt, meta.expectedRevision ?? revision ?? -1n, actual);
      }
    }
  }
}

/** Rethrows a refusal of who acts (NOT_FOUND, FORBIDDEN); any other outcome is left to the caller. */
export function refusalOfWhoActs(decide: () => unknown): void {
  try {
    decide();
  } catch (error) {
    if (error instanceof NotFound || error instanceof Forbidden) throw error;
  }
}

/** The event as the store records it: validated against its schema, with the metadata every event carries. */
export function envelope(
  deps: Pick<CommandPathDeps, 'schemas'>,
  event: DomainEvent,
  index: number,
  commandName: string,
  meta: CommandMeta,
  now: Date,
): EventToAppend {
  deps.schemas.validate(event.type, event.data);
  const causationId = meta.causationId ?? meta.correlationId;
  const metadata: EventMetadata = {
    actor: meta.actor,
    correlationId: meta.correlationId,
    causationId,
    command: commandName,
    occurredAt: now.toISOString(),
    schemaVersion: deps.schemas.versionOf(event.type),
  };
  return {
    id: meta.deriveEventIds ? derivedEventId(causationId, index) : newId(),
    type: event.type,
    data: event.data,
    metadata: { ...metadata },
  };
}
