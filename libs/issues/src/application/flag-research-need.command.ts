import { CommandHandler } from '@nestjs/cqrs';
import { DeciderHandler, KomCommand } from '@kom/platform';
import type { IssueCommand } from '../domain/issue.commands';
import type { IssueEvent } from '../domain/issue.events';
import { issueDecider, issueStream, type IssueState } from '../domain/issue.decider';

type FlagResearchNeed = Extract<IssueCommand, { type: 'FlagResearchNeed' }>;

export class FlagResearchNeedCommand extends KomCommand<FlagResearchNeed, IssueEvent, IssueState> {}

@CommandHandler(FlagResearchNeedCommand)
export class FlagResearchNeedHandler extends DeciderHandler(issueDecider, (c: FlagResearchNeed) => issueStream(c.issueId)) {}
