import type { RecordedEvent } from '@kom/event-store';
import type { Topic } from '../domain/topics';
import type { EndpointRow, NotificationsReadModel, PersonPreferences } from '../read-models/notifications.queries';

export type Subject = { type: 'MEETING' | 'ISSUE' | 'ACTION_ITEM' | 'AGREEMENT' | 'WEBHOOK_ENDPOINT'; id: string };

/** Who hears about one thing: the persons and the endpoints that chose its topic. */
export interface Audience {
  readonly topic: Topic;
  readonly subject: Subject;
  readonly persons: readonly PersonPreferences[];
  readonly endpoints: readonly EndpointRow[];
}

type Data = Record<string, unknown> & { [key: string]: any }; // eslint-disable-line @typescript-eslint/no-explicit-any

/** The bodies a meeting belongs to, as groups: a joint meeting is both groups'. */
const GROUPS_OF_MEETING: Record<string, readonly string[]> = {
  PROJECT_GROUP: ['PROJECT_GROUP'],
  REFERENCE_GROUP: ['REFERENCE_GROUP'],
  JOINT: ['PROJECT_GROUP', 'REFERENCE_GROUP'],
};

/** The audiences of one event, from the read models as they stand at (or after) the event. */
export function audienceOf(event: RecordedEvent, rm: NotificationsReadModel): Audience[] {
  const d = event.data as Data;
  const toOrganizations = (topic: Topic, subject: Subject, organizationIds: readonly string[], withSecretariat = false): Audience => ({
    topic,
    subject,
    persons: rm.personsFor(topic, organizationIds, withSecretariat),
    endpoints: rm.endpointsFor(topic, organizationIds),
  });
  switch (event.type) {
    case 'AgendaPublished':
    case 'AgendaItemAdded':
    case 'AgendaItemUpdated':
    case 'AgendaItemRemoved':
    case 'AgendaReordered': {
      if (event.type !== 'AgendaPublished' && d.amendment !== true) return []; // drafting an unpublished agenda is nobody's news
      const kind = rm.meetingKind(d.meetingId);
      if (kind === undefined) return [];
      const topic: Topic = event.type === 'AgendaPublished' ? 'AGENDA_PUBLISHED' : 'AGENDA_AMENDED';
      return [toOrganizations(topic, { type: 'MEETING', id: d.meetingId }, rm.groupMembers(GROUPS_OF_MEETING[kind] ?? []), true)];
    }
    case 'IssuePlacedOnAgenda':
    case 'IssueRemovedFromAgenda':
    case 'IssueForwarded':
    case 'IssueResolved':
    case 'IssueClosed':
    case 'IssueWithdrawn': {
      const issue = rm.issue(d.issueId);
      if (!issue) return [];
      const subject: Subject = { type: 'ISSUE', id: d.issueId };
      const audiences = [toOrganizations('ISSUE_STATUS_CHANGED', subject, [issue.organizationId])];
      const decided = event.type === 'IssueForwarded' || event.type === 'IssueResolved' || (event.type === 'IssueClosed' && d.meetingId != null);
      if (decided && issue.submitterUserId !== null && issue.submitterOrganizationId !== null) {
        const submitter = rm.preferencesOf(issue.submitterOrganizationId, issue.submitterUserId);
        audiences.push({
          topic: 'DECISION_ON_MY_ISSUE',
          subject,
          persons: submitter && submitter.topics.includes('DECISION_ON_MY_ISSUE') ? [submitter] : [],
          endpoints: rm.endpointsFor('DECISION_ON_MY_ISSUE', [issue.organizationId]),
        });
      }
      return audiences;
    }
    case 'ActionItemAssigned':
      return [toOrganizations('ACTION_ITEM_ASSIGNED', { type: 'ACTION_ITEM', id: d.actionItemId }, [d.responsibleOrganizationId])];
    case 'AgreementProposedForSignature':
      return [toOrganizations('AGREEMENT_AWAITING_SIGNATURE', { type: 'AGREEMENT', id: d.agreementId }, rm.agreementParties(d.agreementId))];
    case 'AgreementSigned':
      if (!rm.completedSignatures(event.id)) return [];
      return [toOrganizations('AGREEMENT_SIGNED_BY_ALL', { type: 'AGREEMENT', id: d.agreementId }, rm.agreementParties(d.agreementId))];
    case 'WebhookEndpointDisabled':
      if (d.reason !== 'REPEATED_FAILURE') return [];
      // The notice goes to people, never to the endpoints (one of them is what failed).
      return [{ topic: 'WEBHOOK_DISABLED', subject: { type: 'WEBHOOK_ENDPOINT', id: d.endpointId }, persons: rm.personsFor('WEBHOOK_DISABLED', [d.organizationId]), endpoints: [] }];
    default:
      return [];
  }
}
