import type { Role } from '../auth/session';
import type { NotificationStatus, NotificationTopic } from '../gql/graphql';

/** What a person can choose to hear about (WEBHOOK_DISABLED too: it tells an organisation's people). */
export const PERSON_TOPICS: readonly NotificationTopic[] = [
  'AGENDA_PUBLISHED',
  'AGENDA_AMENDED',
  'ISSUE_STATUS_CHANGED',
  'DECISION_ON_MY_ISSUE',
  'ACTION_ITEM_ASSIGNED',
  'ACTION_ITEM_DUE_SOON',
  'ACTION_ITEM_OVERDUE',
  'AGREEMENT_AWAITING_SIGNATURE',
  'AGREEMENT_EXPIRING',
  'AGREEMENT_SIGNED_BY_ALL',
  'WEBHOOK_DISABLED',
];

export const STATUS_COLOR: Record<NotificationStatus, 'success' | 'warning' | 'danger' | 'neutral' | 'info'> = {
  DELIVERED: 'success',
  IN_DIGEST: 'success',
  PENDING: 'info',
  AWAITING_DIGEST: 'info',
  ABANDONED: 'danger',
  WITHHELD: 'neutral',
};

/**
 * Where the app shows a notification's subject for this role (the links in e-mails land here too,
 * through the routes in routes.ts); undefined where the role has no page for it.
 */
export function subjectPath(subjectType: string, subjectId: string, role: Role): string | undefined {
  const id = encodeURIComponent(subjectId);
  switch (subjectType) {
    case 'ISSUE':
      return role === 'NGO_REPRESENTATIVE' ? `/ngo/issues/${id}` : undefined;
    case 'AGREEMENT':
      return role === 'NGO_REPRESENTATIVE' ? `/ngo/agreements/${id}` : undefined;
    case 'MEETING':
      return '/publications';
    case 'WEBHOOK_ENDPOINT':
      return role === 'AUDITOR' ? undefined : '/notifications/webhooks';
    default:
      return undefined;
  }
}
