import { CommandHandler } from '@nestjs/cqrs';
import { DeciderHandler, KomCommand } from '@kom/platform';
import type { IssueCommand } from '../domain/issue.commands';
import type { IssueEvent } from '../domain/issue.events';
import { issueDecider, issueStream, type IssueState } from '../domain/issue.decider';

type WithdrawIssue = Extract<IssueCommand, { type: 'WithdrawIssue' }>;

export class WithdrawIssueCommand extends KomCommand<WithdrawIssue, IssueEvent, IssueState> {}

@CommandHandler(WithdrawIssueCommand)
export class WithdrawIssueHandler extends DeciderHandler(issueDecider, (c: WithdrawIssue) => issueStream(c.issueId)) {}
