import { CommandHandler } from '@nestjs/cqrs';
import { DeciderHandler, KomCommand } from '@kom/platform';
import type { IssueCommand } from '../domain/issue.commands';
import type { IssueEvent } from '../domain/issue.events';
import { issueDecider, issueStream, type IssueState } from '../domain/issue.decider';

type CloseIssue = Extract<IssueCommand, { type: 'CloseIssue' }>;

export class CloseIssueCommand extends KomCommand<CloseIssue, IssueEvent, IssueState> {}

@CommandHandler(CloseIssueCommand)
export class CloseIssueHandler extends DeciderHandler(issueDecider, (c: CloseIssue) => issueStream(c.issueId)) {}
