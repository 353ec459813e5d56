import { Module, type DynamicModule, type ModuleMetadata, type Provider } from '@nestjs/common';
import { CITABLE_MEASURES, type PortBinding } from '@kom/platform';
import { CloseIssueHandler } from './application/close-issue.command';
import { CommentOnIssueHandler } from './application/comment-on-issue.command';
import { EditIssueHandler } from './application/edit-issue.command';
import { FlagResearchNeedHandler } from './application/flag-research-need.command';
import { ForwardIssueHandler } from './application/forward-issue.command';
import { MarkIssueDuplicateHandler } from './application/mark-issue-duplicate.command';
import { PlaceIssueOnAgendaHandler } from './application/place-issue-on-agenda.command';
import { RemoveIssueFromAgendaHandler } from './application/remove-issue-from-agenda.command';
import { ResolveIssueHandler } from './application/resolve-issue.command';
import { SubmitIssueHandler } from './application/submit-issue.command';
import { WithdrawIssueHandler } from './application/withdraw-issue.command';
import { IssueHistory } from './application/issue-history';
import { IssueReactors } from './application/issue-reactors.service';
import { CitedIssuesBinding } from './application/cited-issues.binding';
import { IssueWorkflows } from './application/issue-workflows';
import { ISSUE_MEMBERSHIP } from './application/ports';
import { IssueMutationsResolver } from './graphql/issue-mutations.resolver';
import { IssueResolver } from './graphql/issue.resolver';
import { IssuesQueries } from './read-models/issues.queries';

export interface IssuesModuleOptions {
  /** Modules that export what the bindings inject (e.g. OrganizationsModule). */
  readonly imports?: ModuleMetadata['imports'];
  /** ISSUE_MEMBERSHIP: who belongs to KOM's groups on a date. */
  readonly membership: PortBinding;
  /** CITABLE_MEASURES: the measures of every plan, which citations are checked against. */
  readonly citableMeasures: PortBinding;
}

/**
 * The issues context: the Issue aggregate, its reactor (issues follow their agenda items and the
 * decisions on them), read models and GraphQL. Its steps that span a meeting write both streams
 * at once; MeetingsModule must be among the imports (for SourcedAgendaItemsSlot).
 */
@Module({})
export class IssuesModule {
  static forRoot(options: IssuesModuleOptions): DynamicModule {
    return {
      module: IssuesModule,
      imports: [...(options.imports ?? [])],
      providers: [
        { ...options.membership, provide: ISSUE_MEMBERSHIP } as Provider,
        { ...options.citableMeasures, provide: CITABLE_MEASURES } as Provider,
        SubmitIssueHandler,
        EditIssueHandler,
        WithdrawIssueHandler,
        CommentOnIssueHandler,
        PlaceIssueOnAgendaHandler,
        RemoveIssueFromAgendaHandler,
        ForwardIssueHandler,
        ResolveIssueHandler,
        CloseIssueHandler,
        FlagResearchNeedHandler,
        MarkIssueDuplicateHandler,
        IssueReactors,
        IssueWorkflows,
        CitedIssuesBinding,
        IssueHistory,
        IssuesQueries,
        IssueResolver,
        IssueMutationsResolver,
      ],
      exports: [IssuesQueries],
    };
  }
}
