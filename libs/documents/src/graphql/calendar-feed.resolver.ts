import { Query, Resolver } from '@nestjs/graphql';
import { Inject } from '@nestjs/common';
import { CurrentActor } from '@kom/auth';
import { type Actor } from '@kom/kernel';
import { CalendarFeedsQueries } from '../read-models/calendar-feeds.queries';
import { CalendarFeed } from './documents.types';
import { toFeed } from './calendar-feed.view';

@Resolver(() => CalendarFeed)
export class CalendarFeedResolver {
  constructor(
    @Inject(CalendarFeedsQueries) private readonly feeds: CalendarFeedsQueries,
  ) {}

  @Query(() => [CalendarFeed], { description: 'Your calendar feeds (their URLs are shown only when made).' })
  calendarFeeds(@CurrentActor() actor: Actor): CalendarFeed[] {
    return this.feeds.ownedBy(actor.userId, actor.organizationId).map(toFeed);
  }
}
