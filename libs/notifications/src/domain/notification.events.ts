import { z } from 'zod';
import { defineEvent } from '@kom/kernel';
import { CADENCES, LANGUAGES, TOPICS } from './topics';

const id = z.string().min(1).max(100);
const instant = z.iso.datetime({ offset: true });

const person = z.object({ kind: z.literal('PERSON'), userId: id, organizationId: id });
const endpoint = z.object({ kind: z.literal('ENDPOINT'), endpointId: id, organizationId: id });

/**
 * The outbox entry: what happened (topic, the item it concerns by type and id, the event that
 * caused it) and for whom (a person by user id, or an endpoint). Never an address, a name or any
 * text from the item: those are looked up when the message is sent, so an erasure reaches them.
 * A digest is a notification whose `items` are the notifications it bundles.
 */
export const NotificationRecorded = defineEvent(
  'NotificationRecorded',
  1,
  z.object({
    notificationId: z.string().uuid(),
    topic: z.enum([...TOPICS, 'DIGEST']),
    recipient: z.discriminatedUnion('kind', [person, endpoint]),
    subject: z.object({ type: z.enum(['MEETING', 'ISSUE', 'ACTION_ITEM', 'AGREEMENT', 'WEBHOOK_ENDPOINT', 'DIGEST']), id }),
    sourceEventId: id,
    occurredAt: instant,
    language: z.enum(LANGUAGES),
    cadence: z.enum(CADENCES),
    /** The Oslo calendar day whose digest it joins (DAILY_DIGEST), or that a digest covers. */
    digestDay: z.iso.date().nullable(),
    dueDate: z.iso.date().nullable(),
    items: z.array(z.string().uuid()).max(10_000),
  }),
);

/** Sent and accepted by the receiver (SMTP server, webhook receiver answering 2xx). */
export const NotificationDelivered = defineEvent('NotificationDelivered', 1, z.object({ notificationId: z.string().uuid(), attempt: z.number().int().min(1), idempotencyKey: z.string().min(1).max(300) }));

export const NotificationDeliveryFailed = defineEvent(
  'NotificationDeliveryFailed',
  1,
  z.object({ notificationId: z.string().uuid(), attempt: z.number().int().min(1), problem: z.string().min(1).max(200), nextAttemptAt: instant }),
);

/** Given up after the last attempt. */
export const NotificationAbandoned = defineEvent('NotificationAbandoned', 1, z.object({ notificationId: z.string().uuid(), attempts: z.number().int().min(0), problem: z.string().min(1).max(200) }));

export const WITHHELD_REASONS = ['RECIPIENT_ERASED', 'NO_ADDRESS', 'ENDPOINT_DISABLED', 'ENDPOINT_REMOVED'] as const;
/** Not sent, and never will be: the person was erased or has no address, the endpoint is off. */
export const NotificationWithheld = defineEvent('NotificationWithheld', 1, z.object({ notificationId: z.string().uuid(), reason: z.enum(WITHHELD_REASONS) }));

type Data<S> = S extends { data: z.ZodType<infer D> } ? D : never;
export type NotificationRecordedData = Data<typeof NotificationRecorded>;
export type NotificationRecipient = NotificationRecordedData['recipient'];
export type WithheldReason = (typeof WITHHELD_REASONS)[number];

export type NotificationEvent =
  | { type: 'NotificationRecorded'; data: NotificationRecordedData }
  | { type: 'NotificationDelivered'; data: Data<typeof NotificationDelivered> }
  | { type: 'NotificationDeliveryFailed'; data: Data<typeof NotificationDeliveryFailed> }
  | { type: 'NotificationAbandoned'; data: Data<typeof NotificationAbandoned> }
  | { type: 'NotificationWithheld'; data: Data<typeof NotificationWithheld> };

export const notificationEventSchemas = [NotificationRecorded, NotificationDelivered, NotificationDeliveryFailed, NotificationAbandoned, NotificationWithheld];
