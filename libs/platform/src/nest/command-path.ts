import { Inject, Injectable } from '@nestjs/common';
import { ConcurrencyConflict, DomainError, PersonalDataRefused, type DecisionContext, type Decider, type DomainCommand, type DomainEvent } from '@kom/kernel';
import { EVENT_STORE, type EventStore } from '@kom/event-store';
import { CLOCK, type Clock } from '../clock';
import { EventSchemaRegistry } from '../command/event-schema-registry';
import { executeCommand, type CommandMeta, type CommandOutcome } from '../command/execute-command';
import { RecordedNotVisible, awaitVisible } from '../command/recorded-not-visible';
import {
  executeAcrossStreams,
  type AcrossStreamsOptions,
  type AcrossStreamsOutcome,
  type DecisionsOf,
  type StatesOf,
  type StreamsToDecide,
} from '../command/execute-across-streams';
import { ProjectionsService } from './projections.service';
import { METRICS, type CommandResult, type KomMetrics } from '../observability/metrics';
import { inSpan } from '../observability/tracing';

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
    @Inject(METRICS) private readonly metrics: KomMetrics,
  ) {}

  execute<C extends DomainCommand, E extends DomainEvent, S>(
    decider: Decider<C, E, S>,
    streamId: string,
    command: C,
    meta: CommandMeta,
  ): Promise<CommandOutcome<E, S>> {
    return this.observed(command.type, meta, { 'kom.stream': streamId }, () => this.executeOne(decider, streamId, command, meta));
  }

  private async executeOne<C extends DomainCommand, E extends DomainEvent, S>(
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

  /**
   * A step across aggregates: all streams' events in one atomic append (see executeAcrossStreams).
   * `command` names it in metrics and traces when it is one command of the API (RegisterOrganization).
   */
  executeAcrossStreams<Streams extends StreamsToDecide>(
    streams: Streams,
    decide: (states: StatesOf<Streams>, context: DecisionContext) => DecisionsOf<Streams>,
    meta: CommandMeta,
    options: AcrossStreamsOptions<Streams> & { readonly command?: string } = {},
  ): Promise<AcrossStreamsOutcome<Streams>> {
    const streamIds = Object.values(streams).map((s) => s.streamId);
    return this.observed(options.command ?? 'AcrossStreams', meta, { 'kom.stream': streamIds.join(',') }, () => this.acrossStreams(streams, decide, meta, options));
  }

  private async acrossStreams<Streams extends StreamsToDecide>(
    streams: Streams,
    decide: (states: StatesOf<Streams>, context: DecisionContext) => DecisionsOf<Streams>,
    meta: CommandMeta,
    options: AcrossStreamsOptions<Streams>,
  ): Promise<AcrossStreamsOutcome<Streams>> {
    const outcome = await executeAcrossStreams({ store: this.store, clock: this.clock, schemas: this.schemas }, streams, decide, meta, options);
    const position = outcome.position;
    if (position !== undefined) {
      // Named by the stream appended last (streams are appended in key order): its event is at `position`.
      const last = Object.keys(streams).filter((key) => (outcome.decisions[key]?.events.length ?? 0) > 0).at(-1)!;
      await awaitVisible({ streamId: streams[last]!.streamId, revision: outcome.revisions[last], position }, this.projections.waitFor(position), () =>
        this.projections.lagging(position),
      );
    }
    return outcome;
  }

  /** A span named for the command, its outcome counted, its duration measured. */
  private async observed<T>(command: string, meta: CommandMeta, attributes: Record<string, string>, run: () => Promise<T>): Promise<T> {
    const end = this.metrics.commandDuration.startTimer({ command });
    let result: CommandResult = 'error';
    try {
      const outcome = await inSpan(`command ${command}`, { ...attributes, 'kom.command': command, 'kom.correlation_id': meta.correlationId }, run);
      result = 'ok';
      return outcome;
    } catch (error) {
      result = resultOf(error);
      if (error instanceof PersonalDataRefused) this.metrics.personalDataRefused.inc();
      throw error;
    } finally {
      end();
      this.metrics.commands.inc({ command, result });
    }
  }
}

/** Recorded but not yet in the read models is its own result; a lost race is a conflict; any other refusal a client can act on is refused; the rest are errors. */
function resultOf(error: unknown): CommandResult {
  if (error instanceof RecordedNotVisible) return 'not_visible';
  if (error instanceof ConcurrencyConflict) return 'conflict';
  if (error instanceof DomainError) return 'refused';
  return 'error';
}
