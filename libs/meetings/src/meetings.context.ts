import type { BoundedContext } from '@kom/platform';
import { meetingAuditNames, meetingAuditSummaries } from './meetings.audit';
import { agendaProposalEventSchemas } from './domain/agenda-proposal.events';
import { meetingEventSchemas } from './domain/meeting.events';
import { agendaProposalUpcasters } from './domain/agenda-proposal.upcasters';
import { meetingUpcasters } from './domain/meeting.upcasters';
import { meetingProjections } from './read-models/index';

export const meetingsContext: BoundedContext = {
  name: 'meetings',
  eventSchemas: [...meetingEventSchemas, ...agendaProposalEventSchemas],
  upcasters: [...meetingUpcasters, ...agendaProposalUpcasters],
  projections: meetingProjections,
  auditNames: meetingAuditNames,
  auditSummaries: meetingAuditSummaries,
};
