import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Connection, Lang } from '@kom/platform';
import { CADENCES, DEFAULT_DAYS_AHEAD, TOPICS } from '../domain/topics';

const enumOf = <T extends string>(values: readonly T[]) => Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };

export const NotificationTopicEnum = enumOf(TOPICS);
registerEnumType(NotificationTopicEnum, {
  name: 'NotificationTopic',
  description: 'What a person or a webhook endpoint can hear about (see docs/notifications.md for who receives which).',
});

export const NotificationCadenceEnum = enumOf(CADENCES);
registerEnumType(NotificationCadenceEnum, { name: 'NotificationCadence', description: 'IMMEDIATE, or one DAILY_DIGEST per Oslo calendar day.' });

export const NotificationStatusEnum = enumOf(['PENDING', 'AWAITING_DIGEST', 'IN_DIGEST', 'DELIVERED', 'ABANDONED', 'WITHHELD'] as const);
registerEnumType(NotificationStatusEnum, {
  name: 'NotificationStatus',
  description:
    'PENDING (to be sent, or listed only while no SMTP server is configured), AWAITING_DIGEST (in the next daily digest), IN_DIGEST (sent inside one), DELIVERED, ABANDONED (no attempt left), WITHHELD (not sent: no address, the person erased, the endpoint gone).',
});

export const WebhookEndpointStatusEnum = enumOf(['ACTIVE', 'DISABLED', 'REMOVED'] as const);
registerEnumType(WebhookEndpointStatusEnum, { name: 'WebhookEndpointStatus' });

@ObjectType({ description: "The caller's own notification preferences (defaults, with saved false, until they choose)." })
export class NotificationPreferences {
  @Field(() => [NotificationTopicEnum])
  topics!: string[];

  @Field(() => Lang)
  language!: Lang;

  @Field(() => NotificationCadenceEnum)
  cadence!: string;

  @Field(() => Int, { description: 'Days ahead for ACTION_ITEM_DUE_SOON.' })
  dueSoonDays!: number;

  @Field(() => Int, { description: 'Days ahead for AGREEMENT_EXPIRING.' })
  expiringDays!: number;

  @Field(() => ID, { nullable: true, description: "The caller's organisation's representative record whose e-mail address receives the mail; null: listed in the app only." })
  representativeId!: string | null;

  @Field(() => Boolean)
  saved!: boolean;
}

@InputType()
export class SetNotificationPreferencesInput {
  @Field(() => [NotificationTopicEnum])
  topics!: string[];

  @Field(() => Lang, { defaultValue: Lang.NB })
  language!: Lang;

  @Field(() => NotificationCadenceEnum, { defaultValue: 'IMMEDIATE' })
  cadence!: string;

  @Field(() => Int, { defaultValue: DEFAULT_DAYS_AHEAD })
  dueSoonDays!: number;

  @Field(() => Int, { defaultValue: DEFAULT_DAYS_AHEAD })
  expiringDays!: number;

  @Field(() => ID, { nullable: true, description: "One of the caller's own organisation's representatives (NOT_OWN_REPRESENTATIVE otherwise); null: no e-mail." })
  representativeId?: string | null;
}

@ObjectType({ description: 'A notification recorded for the caller: what it is about, and whether it went out. No address, no content beyond ids.' })
export class SentNotification {
  @Field(() => ID, { description: 'Also the Message-ID of the e-mail (<id@…>).' })
  id!: string;

  @Field(() => String, { description: 'A NotificationTopic, or DIGEST for a daily digest.' })
  topic!: string;

  @Field(() => String, { description: 'MEETING, ISSUE, ACTION_ITEM, AGREEMENT, WEBHOOK_ENDPOINT or DIGEST.' })
  subjectType!: string;

  @Field(() => ID)
  subjectId!: string;

  @Field(() => String)
  occurredAt!: string;

  @Field(() => String)
  recordedAt!: string;

  @Field(() => String, { nullable: true, description: 'Due date or expiry (YYYY-MM-DD) of a time-based notification.' })
  dueDate!: string | null;

  @Field(() => NotificationCadenceEnum)
  cadence!: string;

  @Field(() => NotificationStatusEnum)
  status!: string;

  @Field(() => Int)
  attempts!: number;

  @Field(() => String, { nullable: true })
  settledAt!: string | null;

  @Field(() => String, { nullable: true, description: 'Why it was withheld or what failed (NO_ADDRESS, RECIPIENT_ERASED, …).' })
  problem!: string | null;

  @Field(() => Int, { description: 'For a digest: how many notifications it bundles.' })
  itemCount!: number;
}

export const SentNotificationConnection = Connection(SentNotification);

@ObjectType()
export class WebhookFailure {
  @Field(() => ID)
  notificationId!: string;

  @Field(() => String)
  problem!: string;

  @Field(() => Int)
  attempts!: number;

  @Field(() => Boolean, { description: 'No attempt left for this notification.' })
  abandoned!: boolean;
}

@ObjectType({ description: "One of the caller's organisation's webhook endpoints (its secret is shown only when made)." })
export class WebhookEndpoint {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  url!: string;

  @Field(() => [NotificationTopicEnum])
  topics!: string[];

  @Field(() => WebhookEndpointStatusEnum)
  status!: string;

  @Field(() => Int)
  consecutiveFailures!: number;

  @Field(() => String)
  registeredAt!: string;

  @Field(() => String, { nullable: true, description: 'Until then the previous secret signs too (after a rotation).' })
  previousSecretValidUntil!: string | null;

  @Field(() => [WebhookFailure], { description: 'The latest failed deliveries, newest first.' })
  recentFailures!: WebhookFailure[];
}

@ObjectType({ description: 'An endpoint and its new signing secret: shown this once, never again.' })
export class NewWebhookSecret {
  @Field(() => WebhookEndpoint)
  endpoint!: WebhookEndpoint;

  @Field(() => String, { description: 'whsec_…: verify deliveries with it (Standard Webhooks).' })
  secret!: string;
}

@InputType()
export class RegisterWebhookEndpointInput {
  @Field(() => String, { description: 'http(s), public address (loopback and private ones only when the operator allows them).' })
  url!: string;

  @Field(() => [NotificationTopicEnum])
  topics!: string[];
}

@InputType()
export class RotateWebhookSecretInput {
  @Field(() => ID)
  endpointId!: string;

  @Field(() => Int, { defaultValue: 24, description: 'Hours the previous secret keeps signing too (0 to 168).' })
  graceHours!: number;
}

@InputType()
export class WebhookEndpointInput {
  @Field(() => ID)
  endpointId!: string;
}
