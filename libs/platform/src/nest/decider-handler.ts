import { Inject, Injectable, type Type } from '@nestjs/common';
import { Command, type ICommandHandler } from '@nestjs/cqrs';
import type { Decider, DomainCommand, DomainEvent } from '@kom/kernel';
import type { CommandMeta, CommandOutcome } from '../command/execute-command';
import { CommandPath } from './command-path';

/**
 * A command on the @nestjs/cqrs bus: the domain command plus who sends it. One subclass per use
 * case, because the bus routes by class.
 */
export abstract class KomCommand<C extends DomainCommand, E extends DomainEvent = DomainEvent, S = unknown> extends Command<
  CommandOutcome<E, S>
> {
  constructor(
    readonly payload: C,
    readonly meta: CommandMeta,
  ) {
    super();
  }
}

/**
 * The generic handler: each use case names only its decider and stream.
 *   @CommandHandler(CancelMeetingCommand)
 *   export class CancelMeetingHandler extends DeciderHandler(meetingDecider, (c) => `meeting-${c.meetingId}`) {}
 */
export function DeciderHandler<C extends DomainCommand, E extends DomainEvent, S>(
  decider: Decider<C, E, S>,
  streamOf: (command: C) => string,
): Type<ICommandHandler<KomCommand<C, E, S>, CommandOutcome<E, S>>> {
  @Injectable()
  class Handler implements ICommandHandler<KomCommand<C, E, S>, CommandOutcome<E, S>> {
    constructor(@Inject(CommandPath) private readonly path: CommandPath) {}

    execute(command: KomCommand<C, E, S>): Promise<CommandOutcome<E, S>> {
      return this.path.execute(decider, streamOf(command.payload), command.payload, command.meta);
    }
  }
  return Handler;
}
