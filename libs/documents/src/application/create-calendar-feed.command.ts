import { CommandHandler } from '@nestjs/cqrs';
import { DeciderHandler, KomCommand } from '@kom/platform';
import { calendarFeedDecider, calendarFeedStream, type CalendarFeedCommand } from '../domain/calendar-feed.decider';

type Create = Extract<CalendarFeedCommand, { type: 'CreateCalendarFeed' }>;

export class CreateCalendarFeedCommand extends KomCommand<Create> {}

@CommandHandler(CreateCalendarFeedCommand)
export class CreateCalendarFeedHandler extends DeciderHandler(calendarFeedDecider, (c: Create) => calendarFeedStream(c.feedId)) {}
