import { Forbidden, InvalidInput, InvalidState, NotFound, type Actor } from '@kom/kernel';
import { SPEC_NOW, deciderSpec } from '@kom/kernel/testing';
import { notificationDecider, notificationId } from './notification.decider';
import type { NotificationEvent, NotificationRecordedData } from './notification.events';
import { preferencesDecider, type PreferencesCommand } from './preferences.decider';
import { webhookEndpointDecider } from './webhook-endpoint.decider';
import type { WebhookEndpointEvent } from './webhook-endpoint.events';

const ngo: Actor = { userId: 'ngo-1', organizationId: 'org-rosa', role: 'NGO_REPRESENTATIVE' };
const other: Actor = { userId: 'x', organizationId: 'org-other', role: 'AGENCY_MEMBER' };

describe('preferences', () => {
  const given = deciderSpec(preferencesDecider);
  const set: PreferencesCommand = { type: 'SetNotificationPreferences', topics: ['AGENDA_PUBLISHED', 'ACTION_ITEM_OVERDUE', 'AGENDA_PUBLISHED'], language: 'en', cadence: 'DAILY_DIGEST', dueSoonDays: 5, expiringDays: 30, representativeId: 'rep-1', representativeOrganizationId: 'org-rosa' };
  const event = { type: 'NotificationPreferencesSet' as const, data: { userId: 'ngo-1', organizationId: 'org-rosa', role: 'NGO_REPRESENTATIVE', representativeId: 'rep-1', topics: ['ACTION_ITEM_OVERDUE' as const, 'AGENDA_PUBLISHED' as const], language: 'en' as const, cadence: 'DAILY_DIGEST' as const, dueSoonDays: 5, expiringDays: 30 } };

  it('records the acting person\'s choice, topics once and sorted', () => given([]).when(set, { actor: ngo }).then([event]));
  it('changes nothing when the same choice is made again', () => given([event]).when(set, { actor: ngo }).then([]));
  it('refuses an unknown topic', () => given([]).when({ ...set, topics: ['GOSSIP'] }, { actor: ngo }).thenThrows(InvalidInput, 'UNKNOWN_TOPIC'));
  it('refuses days ahead out of range', () => given([]).when({ ...set, dueSoonDays: 0 }, { actor: ngo }).thenThrows(InvalidInput, 'DAYS_OUT_OF_RANGE'));
  it("refuses another organisation's representative record as the address", () =>
    given([]).when({ ...set, representativeOrganizationId: 'org-other' }, { actor: ngo }).thenThrows(InvalidInput, 'NOT_OWN_REPRESENTATIVE'));
  it('allows no address at all (listed in the app only)', () =>
    given([]).when({ ...set, representativeId: null, representativeOrganizationId: null }, { actor: ngo }).then([{ ...event, data: { ...event.data, representativeId: null } }]));
});

describe('webhook endpoints', () => {
  const given = deciderSpec(webhookEndpointDecider);
  const sealedSecret = 'v1.aaaa.bbbb.cccc';
  const registered: WebhookEndpointEvent = { type: 'WebhookEndpointRegistered', data: { endpointId: 'ep-1', organizationId: 'org-rosa', url: 'https://hooks.rosa.example/kom', topics: ['ISSUE_STATUS_CHANGED'], sealedSecret } };

  it('registers an endpoint for the actor\'s organisation', () =>
    given([]).when({ type: 'RegisterWebhookEndpoint', endpointId: 'ep-1', url: 'https://hooks.rosa.example/kom', topics: ['ISSUE_STATUS_CHANGED'], sealedSecret }, { actor: ngo }).then([registered]));
  it('refuses a URL with credentials in it', () =>
    given([]).when({ type: 'RegisterWebhookEndpoint', endpointId: 'ep-1', url: 'https://u:p@hooks.example', topics: ['ISSUE_STATUS_CHANGED'], sealedSecret }, { actor: ngo }).thenThrows(InvalidInput, 'INVALID_WEBHOOK_URL'));
  describe('a URL longer than 2,000 characters', () => {
    const register = (url: string) => ({ type: 'RegisterWebhookEndpoint' as const, endpointId: 'ep-1', url, topics: ['ISSUE_STATUS_CHANGED'], sealedSecret });
    const at = (length: number) => `https://hooks.rosa.example/${'a'.repeat(length - 'https://hooks.rosa.example/'.length)}`;

    it('is refused as too long, not as a malformed address', () =>
      // Given no endpoint, when one is registered at a well-formed https URL of 2,001 characters, then it is refused for its length
      given([]).when(register(at(2001)), { actor: ngo }).thenThrows(InvalidInput, 'WEBHOOK_URL_TOO_LONG'));
    it('is refused as too long even when it is malformed too', () =>
      // Given no endpoint, when one is registered at an ftp URL of 3,000 characters, then the length is what is refused
      given([]).when(register(`ftp://${'a'.repeat(2994)}`), { actor: ngo }).thenThrows(InvalidInput, 'WEBHOOK_URL_TOO_LONG'));
    it('is registered at exactly 2,000 characters', () =>
      // Given no endpoint, when one is registered at an https URL of exactly 2,000 characters, then it is registered
      given([]).when(register(at(2000)), { actor: ngo }).then([{ ...registered, data: { ...registered.data, url: at(2000) } }]));
  });
  it('refuses auditors', () =>
    given([]).when({ type: 'RegisterWebhookEndpoint', endpointId: 'ep-1', url: 'https://h.example', topics: ['ISSUE_STATUS_CHANGED'], sealedSecret }, { actor: { ...ngo, role: 'AUDITOR' } }).thenThrows(Forbidden, 'ORGANIZATION_MEMBERS_ONLY'));
  it('rotates the secret, the previous one valid for the grace period', () =>
    given([registered]).when({ type: 'RotateWebhookSecret', endpointId: 'ep-1', sealedSecret: 'v1.dd.ee.ff', graceHours: 24 }, { actor: ngo }).then([
      { type: 'WebhookSecretRotated', data: { endpointId: 'ep-1', sealedSecret: 'v1.dd.ee.ff', previousValidUntil: new Date(SPEC_NOW.getTime() + 24 * 3_600_000).toISOString() } },
    ]));
  it("answers another organisation's endpoint as not found", () =>
    given([registered]).when({ type: 'RemoveWebhookEndpoint', endpointId: 'ep-1' }, { actor: other }).thenThrows(NotFound));
  it('is disabled once after repeated failure', () =>
    given([registered, { type: 'WebhookEndpointDisabled', data: { endpointId: 'ep-1', organizationId: 'org-rosa', reason: 'REPEATED_FAILURE', consecutiveFailures: 20 } }])
      .when({ type: 'DisableWebhookEndpoint', endpointId: 'ep-1', reason: 'REPEATED_FAILURE', consecutiveFailures: 21 }, { actor: { userId: 'system', organizationId: 'kom-platform', role: 'SYSTEM' } })
      .then([]));
});

describe('a notification', () => {
  const given = deciderSpec(notificationDecider);
  const id = notificationId('event-1', 'ISSUE_STATUS_CHANGED', 'person', 'org-rosa', 'ngo-1');
  const data: NotificationRecordedData = {
    notificationId: id, topic: 'ISSUE_STATUS_CHANGED', recipient: { kind: 'PERSON', userId: 'ngo-1', organizationId: 'org-rosa' }, subject: { type: 'ISSUE', id: 'issue-1' },
    sourceEventId: 'event-1', occurredAt: '2026-06-10T08:00:00.000Z', language: 'nb', cadence: 'IMMEDIATE', digestDay: null, dueDate: null, items: [],
  };
  const recorded: NotificationEvent = { type: 'NotificationRecorded', data };
  const delivered: NotificationEvent = { type: 'NotificationDelivered', data: { notificationId: id, attempt: 1, idempotencyKey: `<${id}@kom>` } };

  it('derives the same id from the same cause and recipient, another for another', () => {
    expect(notificationId('event-1', 'ISSUE_STATUS_CHANGED', 'person', 'org-rosa', 'ngo-1')).toBe(id);
    expect(notificationId('event-1', 'ISSUE_STATUS_CHANGED', 'person', 'org-rosa', 'ngo-2')).not.toBe(id);
  });
  it('is recorded once, however often it is derived again', () => given([recorded]).when({ type: 'RecordNotification', notification: data }).then([]));
  it('is marked delivered once', () => given([recorded, delivered]).when({ type: 'MarkNotificationDelivered', notificationId: id, attempt: 2, idempotencyKey: 'k' }).then([]));
  it('is abandoned with its last failed attempt', () =>
    given([recorded]).when({ type: 'RecordDeliveryFailure', notificationId: id, attempt: 3, problem: 'HTTP 503', nextAttemptAt: '2026-06-10T09:00:00.000Z', lastAttempt: true }).then([
      { type: 'NotificationDeliveryFailed', data: { notificationId: id, attempt: 3, problem: 'HTTP 503', nextAttemptAt: '2026-06-10T09:00:00.000Z' } },
      { type: 'NotificationAbandoned', data: { notificationId: id, attempts: 3, problem: 'HTTP 503' } },
    ]));
  it('ignores a failure reported after it was delivered (another replica won)', () =>
    given([recorded, delivered]).when({ type: 'RecordDeliveryFailure', notificationId: id, attempt: 2, problem: 'x', nextAttemptAt: '2026-06-10T09:00:00.000Z', lastAttempt: false }).then([]));
  it('cannot settle what was never recorded', () => given([]).when({ type: 'WithholdNotification', notificationId: id, reason: 'RECIPIENT_ERASED' }).thenThrows(InvalidState, 'NOTIFICATION_NOT_RECORDED'));
});
