import { CommandHandler } from '@nestjs/cqrs';
import { DeciderHandler, KomCommand } from '@kom/platform';
import { calendarFeedDecider, calendarFeedStream, type CalendarFeedCommand } from '../domain/calendar-feed.decider';

type Revoke = Extract<CalendarFeedCommand, { type: 'RevokeCalendarFeed' }>;

export class RevokeCalendarFeedCommand extends KomCommand<Revoke> {}

@CommandHandler(RevokeCalendarFeedCommand)
export class RevokeCalendarFeedHandler extends DeciderHandler(calendarFeedDecider, (c: Revoke) => calendarFeedStream(c.feedId)) {}
