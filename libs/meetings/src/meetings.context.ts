import type { BoundedContext } from '@kom/platform';
import { meetingAuditSummaries } from './meetings.audit';
import { meetingEventSchemas } from './domain/meeting.events';
import { meetingProjections } from './read-models/index';

export const meetingsContext: BoundedContext = {
  name: 'meetings',
  eventSchemas: meetingEventSchemas,
  projections: meetingProjections,
  auditSummaries: meetingAuditSummaries,
};
