import { Inject, Injectable } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore } from '@kom/event-store';
import { CommandPath, KomCommand, loadStream, type CommandOutcome } from '@kom/platform';
import type { IssueCommand } from '../domain/issue.commands';
import type { IssueEvent } from '../domain/issue.events';
import { issueDecider, issueStream, type IssueState } from '../domain/issue.decider';

type MarkIssueDuplicate = Extract<IssueCommand, { type: 'MarkIssueDuplicate' }>;
type Outcome = CommandOutcome<IssueEvent, IssueState>;

/** What the caller says; the original's standing is read by the handler, never taken from input. */
export type MarkIssueDuplicateRequest = Omit<MarkIssueDuplicate, 'original'>;

export class MarkIssueDuplicateCommand extends KomCommand<MarkIssueDuplicateRequest, IssueEvent, IssueState> {}

/**
 * Reads the original from its own stream (not a read model that may lag): whether it exists, its
 * status and whether it is itself a duplicate. Only the duplicate's stream is written.
 */
@Injectable()
@CommandHandler(MarkIssueDuplicateCommand)
export class MarkIssueDuplicateHandler implements ICommandHandler<MarkIssueDuplicateCommand, Outcome> {
  constructor(
    @Inject(CommandPath) private readonly path: CommandPath,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async execute({ payload, meta }: MarkIssueDuplicateCommand): Promise<Outcome> {
    const id = payload.duplicateOfIssueId;
    const valid = typeof id === 'string' && id.length > 0 && id.length <= 100 && id !== payload.issueId;
    const { state } = valid ? await loadStream(this.store, issueDecider, issueStream(id)) : { state: issueDecider.initialState };
    const original = state.status === 'none' ? null : { status: state.status, duplicateOfIssueId: state.duplicateOf };
    return this.path.execute(issueDecider, issueStream(payload.issueId), { ...payload, original }, meta);
  }
}
