import type { EndpointRow, NotificationsReadModel } from '../read-models/notifications.queries';
import type { WebhookEndpoint } from './notifications.types';

/** How many failed deliveries an endpoint lists. */
const RECENT_FAILURES = 5;

/** An endpoint as GraphQL shows it, with its latest failures. */
export function webhookEndpointView(readModel: NotificationsReadModel, row: EndpointRow): WebhookEndpoint {
  return {
    id: row.endpointId,
    url: row.url,
    topics: [...row.topics],
    status: row.status,
    consecutiveFailures: row.consecutiveFailures,
    registeredAt: row.registeredAt,
    previousSecretValidUntil: row.previousValidUntil,
    recentFailures: readModel
      .recentProblems(row.endpointId, RECENT_FAILURES)
      .map((f) => ({ notificationId: f.notificationId, problem: f.problem, attempts: f.attempts, abandoned: f.status === 'ABANDONED' })),
  };
}
