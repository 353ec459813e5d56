import { CommandHandler } from '@nestjs/cqrs';
import { DeciderHandler, KomCommand } from '@kom/platform';
import type { IssueCommand } from '../domain/issue.commands';
import type { IssueEvent } from '../domain/issue.events';
import { issueDecider, issueStream, type IssueState } from '../domain/issue.decider';

type EditIssue = Extract<IssueCommand, { type: 'EditIssue' }>;

export class EditIssueCommand extends KomCommand<EditIssue, IssueEvent, IssueState> {}

@CommandHandler(EditIssueCommand)
export class EditIssueHandler extends DeciderHandler(issueDecider, (c: EditIssue) => issueStream(c.issueId)) {}
