import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import { Inject } from '@nestjs/common';
import { RequestMeta } from '@kom/auth';
import { NotFound } from '@kom/kernel';
import { Lang, newId, type Meta } from '@kom/platform';
import { CreateCalendarFeedCommand } from '../application/create-calendar-feed.command';
import { RevokeCalendarFeedCommand } from '../application/revoke-calendar-feed.command';
import { newFeedSecret } from '../application/feed-secret';
import type { FeedBody } from '../domain/calendar-feed.decider';
import { CalendarFeedsQueries } from '../read-models/calendar-feeds.queries';
import { CalendarFeed, CreateCalendarFeedInput, NewCalendarFeed, RevokeCalendarFeedInput } from './documents.types';
import { toFeed } from './calendar-feed.view';

/** Calendar feeds: made (the URL is shown this once) and revoked. */
@Resolver(() => CalendarFeed)
export class CalendarFeedMutationsResolver {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(CalendarFeedsQueries) private readonly feeds: CalendarFeedsQueries,
  ) {}

  @Mutation(() => NewCalendarFeed, { description: 'A calendar feed URL for one body or one organisation, in your view of the meetings.' })
  async createCalendarFeed(@Args('input') input: CreateCalendarFeedInput, @RequestMeta() meta: Meta): Promise<NewCalendarFeed> {
    const feedId = newId();
    const { secret, hash } = newFeedSecret();
    await this.commands.execute(
      new CreateCalendarFeedCommand(
        {
          type: 'CreateCalendarFeed',
          feedId,
          tokenHash: hash,
          body: (input.body ?? null) as FeedBody | null,
          organizationId: input.organizationId ?? null,
          lang: input.lang === Lang.EN ? 'en' : 'nb',
        },
        meta,
      ),
    );
    return { feed: this.mustFind(feedId), url: `/calendar/${secret}.ics` };
  }

  @Mutation(() => CalendarFeed, { description: 'Stops a feed: its URL answers 404 from now on.' })
  async revokeCalendarFeed(@Args('input') input: RevokeCalendarFeedInput, @RequestMeta() meta: Meta): Promise<CalendarFeed> {
    await this.commands.execute(new RevokeCalendarFeedCommand({ type: 'RevokeCalendarFeed', feedId: input.feedId }, meta));
    return this.mustFind(input.feedId);
  }

  private mustFind(id: string): CalendarFeed {
    const view = this.feeds.byId(id);
    if (!view) throw new NotFound('calendar feed', id);
    return toFeed(view);
  }
}
