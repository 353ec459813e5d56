import { Inject, Injectable } from '@nestjs/common';
import type { DecisionContext, Decider, DomainCommand, DomainEvent } from '@kom/kernel';
import { EVENT_STORE, type EventStore } from '@kom/event-store';
import { CLOCK, type Clock } from '../clock';
import { EventSchemaRegistry } from '../command/event-schema-registry';
import { executeCommand, type CommandMeta, type CommandOutcome } from '../command/execute-command';
import { awaitVisible } from '../command/recorded-not-visible';
import {
  executeAcrossStreams,
  type AcrossStreamsOutcome,
  type DecisionsOf,
  type StatesOf,
  type StreamsToDecide,
} from '../command/execute-across-streams';
import { ProjectionsService } from './projections.service';

/**
 * The one command path: decide and append, then wait until this replica's read models show it.
 * A command appended but not (yet) shown is answered RecordedNotVisible, never as a failure.
 */
@Injectable()
export class CommandPath {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(EventSchemaRegistry) private readonly schemas: EventSchemaRegistry,
    @Inject(ProjectionsService) private readonly projections: ProjectionsService,
  ) {}

  async execute<C extends DomainCommand, E extends DomainEvent, S>(
    decider: Decider<C, E, S>,
    streamId: string,
    command: C,
    meta: CommandMeta,
  ): Promise<CommandOutcome<E, S>> {
    const outcome = await executeCommand(
      { store: this.store, clock: this.clock, schemas: this.schemas },
      decider,
      streamId,
      command,
      meta,
    );
    const position = outcome.position;
    if (position !== undefined) {
      // From here on the command is in the log: whatever fails, the answer says it was recorded.
      await awaitVisible({ streamId, revision: outcome.revision, position }, this.projections.waitFor(position), () =>
        this.projections.lagging(position),
      );
    }
    return outcome;
  }

  /** A step across aggregates: all streams' events in one atomic append (see executeAcrossStreams). */
  async executeAcrossStreams<Streams extends StreamsToDecide>(
    streams: Streams,
    decide: (states: StatesOf<Streams>, context: DecisionContext) => DecisionsOf<Streams>,
    meta: CommandMeta,
  ): Promise<AcrossStreamsOutcome<Streams>> {
    const outcome = await executeAcrossStreams({ store: this.store, clock: this.clock, schemas: this.schemas }, streams, decide, meta);
    const position = outcome.position;
    if (position !== undefined) {
      const first = Object.values(streams)[0]!;
      await awaitVisible({ streamId: first.streamId, position }, this.projections.waitFor(position), () => this.projections.lagging(position));
    }
    return outcome;
  }
}
