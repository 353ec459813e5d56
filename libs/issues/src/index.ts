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
export { SubmitIssueCommand } from './application/submit-issue.command';
export { EditIssueCommand } from './application/edit-issue.command';
export { WithdrawIssueCommand } from './application/withdraw-issue.command';
export { CommentOnIssueCommand } from './application/comment-on-issue.command';
export { PlaceIssueOnAgendaCommand } from './application/place-issue-on-agenda.command';
export { RemoveIssueFromAgendaCommand } from './application/remove-issue-from-agenda.command';
export { ForwardIssueCommand } from './application/forward-issue.command';
export { ResolveIssueCommand } from './application/resolve-issue.command';
export { CloseIssueCommand } from './application/close-issue.command';
export { MarkIssueDuplicateCommand } from './application/mark-issue-duplicate.command';
export { IssuesQueries, type IssueView } from './read-models/issues.queries';
export { IssueHistory } from './application/issue-history';
export { Issue as IssueObject } from './graphql/issue.types';
