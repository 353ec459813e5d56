export { IssuesModule, type IssuesModuleOptions } from './issues.module';
export { issuesContext } from './issues.context';
export { ISSUE_MEMBERSHIP, type IssueMembershipLookup, type IssueGroupKind } from './application/ports';
export {
  ISSUE_STATUSES,
  ISSUE_CATEGORIES,
  EXPLOITATION_FORMS,
  issueEventSchemas,
  type IssueStatus,
  type IssueCategory,
  type ExploitationForm,
  type IssueEvent,
} from './domain/issue.events';
export type { IssueCommand } from './domain/issue.commands';
export { issueDecider, issueStream, type IssueState, type Issue } from './domain/issue.decider';
export { ISSUES_FROM_MEETINGS_REACTOR, issuesFromMeetingsReactor } from './application/issues-from-meetings.reactor';
export {
  SubmitIssueCommand,
  EditIssueCommand,
  WithdrawIssueCommand,
  CommentOnIssueCommand,
  PlaceIssueOnAgendaCommand,
  RemoveIssueFromAgendaCommand,
  ForwardIssueCommand,
  ResolveIssueCommand,
  CloseIssueCommand,
  MarkIssueDuplicateCommand,
} from './application/issue.commands';
export { IssuesQueries, type IssueView } from './read-models/issues.queries';
export { IssueHistory } from './application/issue-history';
export { Issue as IssueObject } from './graphql/issue.types';
