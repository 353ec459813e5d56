import type { BoundedContext } from '@kom/platform';
import { issueEventSchemas } from './domain/issue.events';
import { issueUpcasters } from './domain/issue.upcasters';
import { issueProjections } from './read-models/index';
import { issueAuditNames, issueAuditSummaries } from './issues.audit';

export const issuesContext: BoundedContext = {
  name: 'issues',
  eventSchemas: issueEventSchemas,
  upcasters: issueUpcasters,
  projections: issueProjections,
  auditNames: issueAuditNames,
  auditSummaries: issueAuditSummaries,
};
