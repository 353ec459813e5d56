import { CommandHandler } from '@nestjs/cqrs';
import { DeciderHandler, KomCommand } from '@kom/platform';
import type { IssueCommand } from '../domain/issue.commands';
import type { IssueEvent } from '../domain/issue.events';
import { issueDecider, issueStream, type IssueState } from '../domain/issue.decider';

type ForwardIssue = Extract<IssueCommand, { type: 'ForwardIssue' }>;

export class ForwardIssueCommand extends KomCommand<ForwardIssue, IssueEvent, IssueState> {}

@CommandHandler(ForwardIssueCommand)
export class ForwardIssueHandler extends DeciderHandler(issueDecider, (c: ForwardIssue) => issueStream(c.issueId)) {}
