import { CommandHandler } from '@nestjs/cqrs';
import { DeciderHandler, KomCommand } from '@kom/platform';
import type { IssueCommand } from '../domain/issue.commands';
import type { IssueEvent } from '../domain/issue.events';
import { issueDecider, issueStream, type IssueState } from '../domain/issue.decider';

type PlaceIssueOnAgenda = Extract<IssueCommand, { type: 'PlaceIssueOnAgenda' }>;

export class PlaceIssueOnAgendaCommand extends KomCommand<PlaceIssueOnAgenda, IssueEvent, IssueState> {}

@CommandHandler(PlaceIssueOnAgendaCommand)
export class PlaceIssueOnAgendaHandler extends DeciderHandler(issueDecider, (c: PlaceIssueOnAgenda) => issueStream(c.issueId)) {}
