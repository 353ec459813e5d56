import { createHash } from 'node:crypto';
import { InvalidState, assertNever, type Decider } from '@kom/kernel';
import type { NotificationEvent, NotificationRecordedData, WithheldReason } from './notification.events';

export type NotificationCommand =
  | { type: 'RecordNotification'; notification: NotificationRecordedData }
  | { type: 'MarkNotificationDelivered'; notificationId: string; attempt: number; idempotencyKey: string }
  | { type: 'RecordDeliveryFailure'; notificationId: string; attempt: number; problem: string; nextAttemptAt: string; lastAttempt: boolean }
  | { type: 'WithholdNotification'; notificationId: string; reason: WithheldReason };

export type NotificationState =
  | { status: 'none' }
  | { status: 'pending' | 'delivered' | 'abandoned' | 'withheld'; notificationId: string; attempts: number };

export const initialState: NotificationState = { status: 'none' };

export const notificationStream = (notificationId: string) => `notification-${notificationId}`;

/**
 * A notification's id, derived from what caused it and for whom (a UUID-shaped SHA-256): whoever
 * derives it again — a reactor re-run after a crash, a scheduler catching up, a second replica —
 * names the same notification, which is recorded once.
 */
export function notificationId(...parts: readonly string[]): string {
  const hex = createHash('sha256').update(parts.join('\u0000')).digest('hex');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export function evolve(state: NotificationState, event: NotificationEvent): NotificationState {
  switch (event.type) {
    case 'NotificationRecorded':
      return { status: 'pending', notificationId: event.data.notificationId, attempts: 0 };
    case 'NotificationDelivered':
      return state.status === 'none' ? state : { ...state, status: 'delivered', attempts: event.data.attempt };
    case 'NotificationDeliveryFailed':
      return state.status === 'none' ? state : { ...state, attempts: event.data.attempt };
    case 'NotificationAbandoned':
      return state.status === 'none' ? state : { ...state, status: 'abandoned' };
    case 'NotificationWithheld':
      return state.status === 'none' ? state : { ...state, status: 'withheld' };
    default:
      return assertNever(event);
  }
}

/**
 * Every step after the first is idempotent: the outcome of a delivery that was already settled
 * (by this process before a crash, or by another replica) changes nothing.
 */
export function decide(command: NotificationCommand, state: NotificationState): NotificationEvent[] {
  if (command.type === 'RecordNotification') {
    if (state.status !== 'none') return [];
    return [{ type: 'NotificationRecorded', data: command.notification }];
  }
  if (state.status === 'none') throw new InvalidState('NOTIFICATION_NOT_RECORDED', `Notification ${command.notificationId} is not recorded`);
  if (state.status !== 'pending') return [];
  switch (command.type) {
    case 'MarkNotificationDelivered':
      return [{ type: 'NotificationDelivered', data: { notificationId: command.notificationId, attempt: command.attempt, idempotencyKey: command.idempotencyKey } }];
    case 'RecordDeliveryFailure': {
      if (command.attempt <= state.attempts) return []; // that attempt is on record already
      const failed: NotificationEvent = {
        type: 'NotificationDeliveryFailed',
        data: { notificationId: command.notificationId, attempt: command.attempt, problem: command.problem, nextAttemptAt: command.nextAttemptAt },
      };
      if (!command.lastAttempt) return [failed];
      return [failed, { type: 'NotificationAbandoned', data: { notificationId: command.notificationId, attempts: command.attempt, problem: command.problem } }];
    }
    case 'WithholdNotification':
      return [{ type: 'NotificationWithheld', data: { notificationId: command.notificationId, reason: command.reason } }];
    default:
      return assertNever(command);
  }
}

export const notificationDecider: Decider<NotificationCommand, NotificationEvent, NotificationState> = { decide, evolve, initialState };
