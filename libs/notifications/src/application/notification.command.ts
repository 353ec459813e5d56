import { CommandHandler } from '@nestjs/cqrs';
import { DeciderHandler, KomCommand } from '@kom/platform';
import { notificationDecider, notificationStream, type NotificationCommand } from '../domain/notification.decider';

export const notificationIdOf = (c: NotificationCommand) => (c.type === 'RecordNotification' ? c.notification.notificationId : c.notificationId);

/** Every step of a notification's life: recorded by the reactor or the scheduler, settled by the deliverer. */
export class NotificationCommandMessage extends KomCommand<NotificationCommand> {}
@CommandHandler(NotificationCommandMessage)
export class NotificationCommandHandler extends DeciderHandler(notificationDecider, (c: NotificationCommand) => notificationStream(notificationIdOf(c))) {}
