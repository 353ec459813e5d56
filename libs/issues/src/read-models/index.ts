import type { Projection } from '@kom/projections';
import { issueLineageProjection } from './issue-lineage.projection';
import { issuesProjection } from './issues.projection';

export const issueProjections: readonly Projection[] = [issuesProjection, issueLineageProjection];
