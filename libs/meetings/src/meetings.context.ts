import type { BoundedContext } from '@kom/platform';
import { meetingAuditSummaries } from './meetings.audit';
import { meetingEventSchemas } from './domain/meeting.events';
import { meetingUpcasters } from './domain/meeting.upcasters';
import { meetingProjections } from './read-models/index';

export const meetingsContext: BoundedContext = {
  name: 'meetings',
  eventSchemas: meetingEventSchemas,
  upcasters: meetingUpcasters,
  projections: meetingProjections,
  auditSummaries: meetingAuditSummaries,
};
