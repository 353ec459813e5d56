import type { RecordedEvent } from '@kom/event-store';
import type { CommandMeta } from '../command/execute-command';

/**
 * A command a reactor wants sent, built once the runner has made its meta: the actor (by default
 * the actor of the triggering event), the triggering event's correlation id, a causation id made
 * from the triggering event's id, and `deriveEventIds: true`.
 */
export type ReactorCommand = (meta: CommandMeta) => object;

/**
 * A workflow step across aggregates: a checkpointed consumer of the global log that turns events
 * into commands (never an in-memory saga). Exactly-once effect: the commands' event ids derive
 * from the triggering event, and the deciders they reach treat a repeated step as done, so a
 * reactor that runs again over the same events (after a crash, or a lost checkpoint) appends
 * nothing twice.
 *
 * `react` may read (the event store, read models) but must not write: it only returns commands.
 */
export interface Reactor {
  /** Unique among reactors; [a-z0-9_-]. Names the checkpoint. */
  readonly name: string;
  /** Event types it reacts to; other events only advance its checkpoint. */
  readonly handles: readonly string[];
  react(event: RecordedEvent): Promise<readonly ReactorCommand[]> | readonly ReactorCommand[];
}
