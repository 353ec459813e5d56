import { CommandHandler } from '@nestjs/cqrs';
import { DeciderHandler, KomCommand } from '@kom/platform';
import type { IssueCommand } from '../domain/issue.commands';
import type { IssueEvent } from '../domain/issue.events';
import { issueDecider, issueStream, type IssueState } from '../domain/issue.decider';

type ResolveIssue = Extract<IssueCommand, { type: 'ResolveIssue' }>;

export class ResolveIssueCommand extends KomCommand<ResolveIssue, IssueEvent, IssueState> {}

@CommandHandler(ResolveIssueCommand)
export class ResolveIssueHandler extends DeciderHandler(issueDecider, (c: ResolveIssue) => issueStream(c.issueId)) {}
