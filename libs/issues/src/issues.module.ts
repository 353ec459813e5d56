import { Module, type DynamicModule, type ModuleMetadata, type Provider } from '@nestjs/common';
import { ISSUE_COMMAND_HANDLERS } from './application/issue.commands';
import { IssueHistory } from './application/issue-history';
import { IssueReactors } from './application/issue-reactors.service';
import { CitedIssuesBinding } from './application/cited-issues.binding';
import { IssueWorkflows } from './application/issue-workflows';
import { ISSUE_MEMBERSHIP } from './application/ports';
import { IssueMutationsResolver } from './graphql/issue-mutations.resolver';
import { IssueResolver } from './graphql/issue.resolver';
import { IssuesQueries } from './read-models/issues.queries';

/** How a port is bound: a Nest provider without its token. */
export type IssuePortBinding = Provider extends infer P ? (P extends { provide: unknown } ? Omit<P, 'provide'> : never) : never;

export interface IssuesModuleOptions {
  /** Modules that export what the bindings inject (e.g. OrganizationsModule). */
  readonly imports?: ModuleMetadata['imports'];
  /** ISSUE_MEMBERSHIP: who belongs to KOM's groups on a date. */
  readonly membership: IssuePortBinding;
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
        ...ISSUE_COMMAND_HANDLERS,
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
