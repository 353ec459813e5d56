import { CommandHandler } from '@nestjs/cqrs';
import { DeciderHandler, KomCommand } from '@kom/platform';
import type { IssueCommand } from '../domain/issue.commands';
import type { IssueEvent } from '../domain/issue.events';
import { issueDecider, issueStream, type IssueState } from '../domain/issue.decider';

type RemoveIssueFromAgenda = Extract<IssueCommand, { type: 'RemoveIssueFromAgenda' }>;

export class RemoveIssueFromAgendaCommand extends KomCommand<RemoveIssueFromAgenda, IssueEvent, IssueState> {}

@CommandHandler(RemoveIssueFromAgendaCommand)
export class RemoveIssueFromAgendaHandler extends DeciderHandler(issueDecider, (c: RemoveIssueFromAgenda) => issueStream(c.issueId)) {}
