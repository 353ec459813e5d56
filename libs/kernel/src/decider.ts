import type { Actor } from './actor';

/** A domain event as a decider sees it: a type tag and a plain, JSON-serialisable body. */
export interface DomainEvent<Type extends string = string, Data = unknown> {
  readonly type: Type;
  readonly data: Data;
}

export interface DomainCommand<Type extends string = string> {
  readonly type: Type;
}

/** What a decision needs besides the command and the state: time and who acts, passed in. */
export interface DecisionContext {
  readonly now: Date;
  readonly actor: Actor;
}

/**
 * An aggregate as pure functions (Emmett / Chassaing): no I/O, no framework, total over its
 * unions. `decide` throws a DomainError to refuse; it returns [] when the command changes nothing.
 */
export interface Decider<Command extends DomainCommand, Event extends DomainEvent, State> {
  readonly decide: (command: Command, state: State, context: DecisionContext) => readonly Event[];
  readonly evolve: (state: State, event: Event) => State;
  readonly initialState: State;
}

export function fold<Event extends DomainEvent, State>(
  decider: Pick<Decider<DomainCommand, Event, State>, 'evolve' | 'initialState'>,
  events: Iterable<Event>,
): State {
  let state = decider.initialState;
  for (const event of events) state = decider.evolve(state, event);
  return state;
}

/** Makes the compiler reject a switch that misses a case of a union. */
export function assertNever(value: never): never {
  throw new Error(`Unexpected value: ${JSON.stringify(value)}`);
}

/**
 * A process that spans aggregates, as pure as a decider: its state is folded from the events it
 * follows (`evolve`, `initialState`), and `decide` turns one input and that state into the commands
 * to send. The I/O — loading the state, sending the commands — stays in the reactor that runs it.
 */
export interface Workflow<Input, Event extends DomainEvent, State, Output> {
  readonly decide: (input: Input, state: State) => readonly Output[];
  readonly evolve: (state: State, event: Event) => State;
  readonly initialState: State;
}
