import { DomainError, SYSTEM_ACTOR, isRole, type Actor } from '@kom/kernel';
import { logMarkProblem, markOf, type EventStore, type LogMark, type RecordedEvent } from '@kom/event-store';
import { CheckpointedRunner } from '@kom/projections';
import type { Database } from 'better-sqlite3';
import type { CommandMeta } from '../command/execute-command';
import { RecordedNotVisible } from '../command/recorded-not-visible';
import type { Reactor } from './reactor';
import { ReactorCheckpoints } from './reactor-checkpoints';

export interface ReactorLogger {
  log(msg: string, ctx?: object): void;
  error(msg: string, ctx?: object): void;
}

export interface ReactorRunnerOptions {
  /** Sends one command (in Nest: CommandBus.execute) and resolves once it is appended. */
  readonly dispatch: (command: object) => Promise<unknown>;
  readonly logger?: ReactorLogger;
  /** Attempts for a command that fails with anything but a domain refusal, before the runner stops. */
  readonly maxAttempts?: number;
  readonly retryDelayMs?: number;
  /** Unhandled events move the stored checkpoint at most this often (handled ones: every time). */
  readonly checkpointEvery?: number;
}

type State = 'new' | 'running' | 'stopped' | 'failed';

interface Waiter {
  readonly position: bigint;
  readonly resolve: () => void;
  readonly reject: (error: Error) => void;
  readonly timer: NodeJS.Timeout;
}

const NAME = /^[a-z0-9_-]+$/;
/** Events per readAll page while a reactor catches up; it still handles them one at a time. */
const CATCH_UP_PAGE = 500;

/**
 * Runs one reactor over the global log from its checkpoint, on the CheckpointedRunner projections
 * run on too: catch-up, then live, one event at a time. For each event it handles, the reactor's
 * commands are dispatched in order, then the checkpoint moves past the event. A domain refusal of
 * a command is the reactor's answer for that event (logged; the runner moves on); any other error
 * is retried, then stops the runner.
 *
 * A crash between a command and the checkpoint re-runs the event after restart: the command's
 * event ids derive from the triggering event (CommandMeta.deriveEventIds) and the deciders treat
 * the repeated step as done, so nothing is appended twice.
 */
export class ReactorRunner {
  private readonly checkpoints: ReactorCheckpoints;
  private readonly handles: ReadonlySet<string>;
  private state: State = 'new';
  private position = 0n;
  private stored = 0n;
  /** The event at `position`, stored with the checkpoint. */
  private mark: LogMark | undefined;
  private readonly runner: CheckpointedRunner;
  private loop: Promise<void> | undefined;
  private waiters: Waiter[] = [];
  private failure: unknown;

  constructor(
    private readonly store: EventStore,
    db: Database,
    readonly reactor: Reactor,
    private readonly options: ReactorRunnerOptions,
  ) {
    if (!NAME.test(reactor.name)) throw new Error(`Reactor name "${reactor.name}" must match ${NAME}`);
    this.checkpoints = new ReactorCheckpoints(db);
    this.handles = new Set(reactor.handles);
    this.runner = new CheckpointedRunner(store, { handle: (events) => this.handle(events) }, { catchUpBatchSize: CATCH_UP_PAGE, liveBatchSize: 1 });
  }

  /**
   * Resolves once started (not caught up). A checkpoint the log no longer bears out (beyond its
   * head, or on another event) starts the reactor over from the beginning of the log: its
   * commands' derived ids make that append nothing twice.
   */
  async start(): Promise<void> {
    if (this.state !== 'new') throw new Error(`ReactorRunner ${this.reactor.name} cannot start: it is ${this.state}`);
    const { position, mark } = this.checkpoints.read(this.reactor.name);
    const problem =
      position === 0n
        ? undefined
        : mark === undefined
          ? `the checkpoint at position ${position} records no event to check against the log`
          : await logMarkProblem(this.store, mark);
    if (problem === undefined) {
      this.position = this.stored = position;
      this.mark = mark;
    } else {
      this.options.logger?.error('Reactor checkpoint does not match the event log: running again from its start', { reactor: this.reactor.name, problem });
      this.position = this.stored = 0n;
      this.mark = undefined;
      this.checkpoints.write(this.reactor.name, undefined);
    }
    this.state = 'running';
    this.loop = this.runner.run(this.position).catch((error: unknown) => this.fail(error));
  }

  async stop(): Promise<void> {
    if (this.state === 'running') this.state = 'stopped';
    await this.runner.stop();
    await this.loop;
    this.persist();
    this.rejectWaiters(new Error(`Reactor ${this.reactor.name} stopped`));
  }

  /** The position this reactor has finished with. */
  checkpoint(): bigint {
    return this.position;
  }

  status(): { name: string; state: State; position: bigint } {
    return { name: this.reactor.name, state: this.state, position: this.position };
  }

  /**
   * Resolves once the reactor has finished with `position` (its commands appended and, through
   * the command path, shown by the local read models). Rejects on timeout, stop or failure.
   */
  waitFor(position: bigint, timeoutMs = 10_000): Promise<void> {
    if (this.position >= position) return Promise.resolve();
    if (this.state === 'failed' || this.state === 'stopped') {
      return Promise.reject(new Error(`Reactor ${this.reactor.name} is ${this.state}`, { cause: this.failure }));
    }
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = {
        position,
        resolve,
        reject,
        timer: setTimeout(() => {
          this.waiters = this.waiters.filter((w) => w !== waiter);
          reject(new Error(`Reactor ${this.reactor.name} did not reach position ${position} within ${timeoutMs} ms (at ${this.position})`));
        }, timeoutMs),
      };
      this.waiters.push(waiter);
    });
  }

  private async handle(events: readonly RecordedEvent[]): Promise<void> {
    for (const event of events) {
      if (this.state !== 'running') return;
      if (event.position <= this.position) continue;
      if (this.handles.has(event.type)) {
        await this.react(event);
        if (this.state !== 'running') return; // stopped mid-event: it runs again after restart
        this.advance(event, true);
      } else {
        this.advance(event, false);
      }
    }
  }

  private async react(event: RecordedEvent): Promise<void> {
    const commands = await this.reactor.react(event);
    for (let index = 0; index < commands.length; index++) {
      const meta = metaFor(event, index);
      const maxAttempts = this.options.maxAttempts ?? 3;
      for (let attempt = 1; ; attempt++) {
        try {
          await this.options.dispatch(commands[index]!(meta));
          break;
        } catch (error) {
          // Appended: the reaction is done, whatever this replica's read models show yet.
          if (error instanceof RecordedNotVisible) break;
          if (error instanceof DomainError) {
            this.options.logger?.log('Reactor command refused', {
              reactor: this.reactor.name,
              event: event.id,
              type: event.type,
              reason: error.reason,
            });
            break;
          }
          if (this.state !== 'running') return;
          if (attempt >= maxAttempts) throw error;
          await new Promise((resolve) => setTimeout(resolve, (this.options.retryDelayMs ?? 100) * attempt));
        }
      }
    }
  }

  private advance(event: RecordedEvent, persist: boolean): void {
    this.position = event.position;
    this.mark = markOf(event);
    if (persist || event.position - this.stored >= BigInt(this.options.checkpointEvery ?? 500)) this.persist();
    this.resolveWaiters();
  }

  private persist(): void {
    if (this.position === this.stored) return;
    try {
      this.checkpoints.write(this.reactor.name, this.mark);
      this.stored = this.position;
    } catch (error) {
      // The database is closing (shutdown): the events run again after restart, appending nothing twice.
      this.options.logger?.error('Reactor checkpoint not stored', { reactor: this.reactor.name, error: String(error) });
    }
  }

  private resolveWaiters(): void {
    if (this.waiters.length === 0) return;
    this.waiters = this.waiters.filter((waiter) => {
      if (this.position < waiter.position) return true;
      clearTimeout(waiter.timer);
      waiter.resolve();
      return false;
    });
  }

  private rejectWaiters(error: Error): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const waiter of waiters) {
      clearTimeout(waiter.timer);
      waiter.reject(error);
    }
  }

  private fail(error: unknown): void {
    if (this.state === 'stopped') return;
    this.state = 'failed';
    this.failure = error;
    this.persist();
    this.options.logger?.error('Reactor stopped on an error', { reactor: this.reactor.name, error: error instanceof Error ? error.message : String(error) });
    this.rejectWaiters(new Error(`Reactor ${this.reactor.name} failed`, { cause: error }));
  }
}

/**
 * The command's meta: the triggering event's actor (a reactor acts on behalf of whoever caused it)
 * and correlation id, and a causation id that is the event's id (`<id>/<n>` for the n-th further
 * command of one reaction, so that each command's derived event ids differ).
 */
export function metaFor(event: RecordedEvent, index: number): CommandMeta {
  const metadata = (event.metadata ?? {}) as { actor?: Partial<Actor>; correlationId?: unknown };
  const a = metadata.actor;
  const actor: Actor =
    a && typeof a.userId === 'string' && typeof a.organizationId === 'string' && (isRole(a.role) || a.role === 'SYSTEM')
      ? { userId: a.userId, organizationId: a.organizationId, role: a.role }
      : SYSTEM_ACTOR;
  return {
    actor,
    correlationId: typeof metadata.correlationId === 'string' ? metadata.correlationId : event.id,
    causationId: index === 0 ? event.id : `${event.id}/${index}`,
    deriveEventIds: true,
  };
}
