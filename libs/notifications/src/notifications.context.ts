import type { BoundedContext } from '@kom/platform';
import { notificationEventSchemas } from './domain/notification.events';
import { preferencesEventSchemas } from './domain/preferences.events';
import { webhookEndpointEventSchemas } from './domain/webhook-endpoint.events';
import { notificationsProjection } from './read-models/notifications.projection';

export const notificationsContext: BoundedContext = {
  name: 'notifications',
  eventSchemas: [...preferencesEventSchemas, ...webhookEndpointEventSchemas, ...notificationEventSchemas],
  projections: [notificationsProjection],
  auditSummaries: {
    NotificationPreferencesSet: () => ({ nb: 'Varselvalg lagret', en: 'Notification preferences set' }),
    WebhookEndpointRegistered: () => ({ nb: 'Webhook-endepunkt registrert', en: 'Webhook endpoint registered' }),
    WebhookSecretRotated: () => ({ nb: 'Webhook-hemmelighet byttet', en: 'Webhook secret rotated' }),
    WebhookEndpointDisabled: () => ({ nb: 'Webhook-endepunkt slått av', en: 'Webhook endpoint disabled' }),
    WebhookEndpointEnabled: () => ({ nb: 'Webhook-endepunkt slått på', en: 'Webhook endpoint enabled' }),
    WebhookEndpointRemoved: () => ({ nb: 'Webhook-endepunkt fjernet', en: 'Webhook endpoint removed' }),
    NotificationRecorded: () => ({ nb: 'Varsel registrert', en: 'Notification recorded' }),
    NotificationDelivered: () => ({ nb: 'Varsel levert', en: 'Notification delivered' }),
    NotificationDeliveryFailed: () => ({ nb: 'Varsel kunne ikke leveres (nytt forsøk)', en: 'Notification delivery failed (will retry)' }),
    NotificationAbandoned: () => ({ nb: 'Varsel oppgitt etter siste forsøk', en: 'Notification abandoned after the last attempt' }),
    NotificationWithheld: () => ({ nb: 'Varsel holdt tilbake', en: 'Notification withheld' }),
  },
};
