import { ConcurrencyConflict, type DecisionContext, type Decider, type DomainCommand, type DomainEvent } from '@kom/kernel';
import { WrongExpectedRevisionError, type AppendResult, type Position, type StreamAppend } from '@kom/event-store';
import { envelope, refusalOfWhoActs, type CommandMeta, type CommandOutcome, type CommandPathDeps } from './execute-command';
import { loadStream } from './load-stream';
import { refusePersonalDataInCommand, refusePersonalDataInEvents } from './refuse-personal-data';

/** A stream a cross-aggregate step reads, and the decider that folds it. */
export interface StreamToDecide<State = unknown> {
  readonly streamId: string;
  // Method syntax on purpose: any decider's fold fits, whatever its event and state types.
  readonly decider: { evolve(state: State, event: never): State; readonly initialState: State };
}

export type StreamsToDecide = Record<string, StreamToDecide<any>>;

export type StatesOf<Streams extends StreamsToDecide> = {
  readonly [K in keyof Streams]: Streams[K]['decider']['initialState'];
};

/** What one stream gets: its events and the command they answer (recorded in their metadata). */
export interface StreamDecision {
  readonly command: string;
  readonly events: readonly DomainEvent[];
}

export type DecisionsOf<Streams extends StreamsToDecide> = { readonly [K in keyof Streams]?: StreamDecision };

export interface AcrossStreamsOutcome<Streams extends StreamsToDecide> {
  /** The states the decision was taken on (the last attempt's). */
  readonly states: StatesOf<Streams>;
  readonly decisions: DecisionsOf<Streams>;
  /** Each stream's revision after the step (undefined: the stream still does not exist). */
  readonly revisions: { readonly [K in keyof Streams]: bigint | undefined };
  /** Position of the last appended event; undefined when nothing was appended. */
  readonly position: Position | undefined;
}

const DEFAULT_MAX_ATTEMPTS = 4;

export interface AcrossStreamsOptions<Streams extends StreamsToDecide> {
  /**
   * The stream whose revision the client saw (`meta.expectedRevision`, as on the one-stream path):
   * when that stream is at another revision the step is a CONFLICT, after any refusal of who acts.
   */
  readonly expectedRevisionOf?: keyof Streams & string;
}

/**
 * The command path for a step that spans aggregates: load every stream → decide once, purely, on
 * all their states → append every stream's events in one atomic multi-stream append, each with the
 * revision it was decided on → on a lost race (any stream), reload all and decide again. Either
 * every aggregate takes its part or none does; a refusal thrown by `decide` appends nothing.
 */
export async function executeAcrossStreams<Streams extends StreamsToDecide>(
  deps: CommandPathDeps,
  streams: Streams,
  decide: (states: StatesOf<Streams>, context: DecisionContext) => DecisionsOf<Streams>,
  meta: CommandMeta,
  options: AcrossStreamsOptions<Streams> = {},
): Promise<AcrossStreamsOutcome<Streams>> {
  const keys = Object.keys(streams) as (keyof Streams & string)[];
  const pinned = meta.expectedRevision !== undefined ? options.expectedRevisionOf : undefined;
  const attempts = deps.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  for (let attempt = 1; ; attempt++) {
    const loaded = await Promise.all(
      keys.map((key) => loadStream(deps.store, streams[key]!.decider as Pick<Decider<DomainCommand, DomainEvent, unknown>, 'evolve' | 'initialState'>, streams[key]!.streamId)),
    );
    const states = Object.fromEntries(keys.map((key, i) => [key, loaded[i]!.state])) as StatesOf<Streams>;
    const now = deps.clock.now();
    if (pinned !== undefined) {
      const actual = loaded[keys.indexOf(pinned)]!.revision ?? -1n;
      if (actual !== meta.expectedRevision) {
        refusalOfWhoActs(() => decide(states, { now, actor: meta.actor }));
        throw new ConcurrencyConflict(streams[pinned]!.streamId, attempt, meta.expectedRevision!, actual);
      }
    }
    const decisions = decide(states, { now, actor: meta.actor });
    // The national-ID guard, as on the one-stream path: every command, every event, the metadata.
    for (const key of keys) {
      const decision = decisions[key];
      if (!decision) continue;
      refusePersonalDataInCommand({ type: decision.command }, meta);
      refusePersonalDataInEvents(decision.events);
    }

    let index = 0;
    const appends: StreamAppend[] = [];
    keys.forEach((key, i) => {
      const decision = decisions[key];
      if (!decision || decision.events.length === 0) return;
      appends.push({
        streamId: streams[key]!.streamId,
        expectedRevision: loaded[i]!.revision ?? 'no_stream',
        // One running index: event ids derived from one trigger stay distinct across the streams.
        events: decision.events.map((event) => envelope(deps, event, index++, decision.command, meta, now)),
      });
    });
    const revisionsWith = (results: readonly AppendResult[]) =>
      Object.fromEntries(
        keys.map((key, i) => {
          const at = appends.findIndex((a) => a.streamId === streams[key]!.streamId);
          return [key, at === -1 ? loaded[i]!.revision : results[at]!.nextExpectedRevision];
        }),
      ) as AcrossStreamsOutcome<Streams>['revisions'];
    if (appends.length === 0) return { states, decisions, revisions: revisionsWith([]), position: undefined };

    try {
      const results = await deps.store.appendToStreams(appends);
      const position = results.reduce<Position | undefined>((max, r) => (max === undefined || r.position > max ? r.position : max), undefined);
      return { states, decisions, revisions: revisionsWith(results), position };
    } catch (error) {
      if (!(error instanceof WrongExpectedRevisionError)) throw error;
      if (attempt >= attempts) {
        const expected = appends.find((a) => a.streamId === error.streamId)?.expectedRevision;
        throw new ConcurrencyConflict(
          error.streamId,
          attempt,
          typeof expected === 'bigint' ? expected : -1n,
          error.actual === 'no_stream' ? -1n : error.actual,
        );
      }
    }
  }
}

/** One stream's part of a step across streams, as the one-stream command path reports a command. */
export function partOf<Event extends DomainEvent, State, Streams extends StreamsToDecide>(
  streams: Streams,
  outcome: AcrossStreamsOutcome<Streams>,
  key: keyof Streams & string,
): CommandOutcome<Event, State> {
  const events = (outcome.decisions[key]?.events ?? []) as readonly Event[];
  const evolve = streams[key]!.decider.evolve as unknown as (state: State, event: Event) => State;
  return {
    streamId: streams[key]!.streamId,
    events,
    state: events.reduce(evolve, outcome.states[key] as State),
    revision: outcome.revisions[key],
    position: outcome.position,
  };
}
