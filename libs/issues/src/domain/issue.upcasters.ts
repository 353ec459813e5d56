import { defaultPlanRefs, defineUpcaster } from '@kom/kernel';
import { IssueEdited, IssueEditedV1, IssueSubmitted, IssueSubmittedV1 } from './issue.events';

/** Every measure cited before v2 was a number of the 2011–2014 plan. */
export const issueSubmittedV1ToV2 = defineUpcaster(IssueSubmittedV1, IssueSubmitted, (data) => ({ ...data, citedMeasures: defaultPlanRefs(data.citedMeasures) }));
export const issueEditedV1ToV2 = defineUpcaster(IssueEditedV1, IssueEdited, (data) => ({ ...data, citedMeasures: defaultPlanRefs(data.citedMeasures) }));

export const issueUpcasters = [issueSubmittedV1ToV2, issueEditedV1ToV2];
