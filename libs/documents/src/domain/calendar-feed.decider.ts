import { Forbidden, InvalidInput, InvalidState, NotFound, assertNever, type Actor, type Decider } from '@kom/kernel';
import type { CalendarFeedEvent } from './calendar-feed.events';

export type FeedBody = 'PROJECT_GROUP' | 'REFERENCE_GROUP' | 'JOINT';

export type CalendarFeedCommand =
  | {
      type: 'CreateCalendarFeed';
      feedId: string;
      tokenHash: string;
      body: FeedBody | null;
      organizationId: string | null;
      lang: 'nb' | 'en';
    }
  | { type: 'RevokeCalendarFeed'; feedId: string };

export type CalendarFeedState =
  | { status: 'none' }
  | { status: 'active' | 'revoked'; feedId: string; ownerUserId: string; ownerOrganizationId: string };

export const initialState: CalendarFeedState = { status: 'none' };

export const calendarFeedStream = (feedId: string) => `calendar-feed-${feedId}`;

/** The secretariat and auditors read every organisation's meetings; others follow their own. */
const SEES_EVERY_ORGANIZATION = new Set(['SECRETARIAT', 'AUDITOR', 'SYSTEM']);

export function evolve(state: CalendarFeedState, event: CalendarFeedEvent): CalendarFeedState {
  switch (event.type) {
    case 'CalendarFeedCreated':
      return { status: 'active', feedId: event.data.feedId, ownerUserId: event.data.ownerUserId, ownerOrganizationId: event.data.ownerOrganizationId };
    case 'CalendarFeedRevoked':
      return state.status === 'none' ? state : { ...state, status: 'revoked' };
    default:
      return assertNever(event);
  }
}

export function decide(command: CalendarFeedCommand, state: CalendarFeedState, { actor }: { actor: Actor }): CalendarFeedEvent[] {
  switch (command.type) {
    case 'CreateCalendarFeed': {
      if (state.status !== 'none') throw new InvalidState('FEED_EXISTS', `Calendar feed ${command.feedId} exists`);
      if ((command.body === null) === (command.organizationId === null)) {
        throw new InvalidInput('FEED_SCOPE_REQUIRED', 'A calendar feed follows one body or one organisation');
      }
      if (command.organizationId !== null && command.organizationId !== actor.organizationId && !SEES_EVERY_ORGANIZATION.has(actor.role)) {
        throw new Forbidden('NOT_OWN_ORGANIZATION', "A feed per organisation is for that organisation's own people");
      }
      return [
        {
          type: 'CalendarFeedCreated',
          data: {
            feedId: command.feedId,
            tokenHash: command.tokenHash,
            body: command.body,
            organizationId: command.organizationId,
            lang: command.lang,
            ownerUserId: actor.userId,
            ownerOrganizationId: actor.organizationId,
            ownerRole: actor.role,
          },
        },
      ];
    }
    case 'RevokeCalendarFeed': {
      // Someone else's feed answers as a feed that does not exist: its existence is not theirs to learn.
      if (state.status === 'none' || state.ownerUserId !== actor.userId || state.ownerOrganizationId !== actor.organizationId) {
        throw new NotFound('calendar feed', command.feedId);
      }
      if (state.status === 'revoked') return [];
      return [{ type: 'CalendarFeedRevoked', data: { feedId: command.feedId } }];
    }
    default:
      return assertNever(command);
  }
}

export const calendarFeedDecider: Decider<CalendarFeedCommand, CalendarFeedEvent, CalendarFeedState> = { decide, evolve, initialState };
