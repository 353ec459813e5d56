import { Forbidden, InvalidInput, NotFound } from '@kom/kernel';
import { deciderSpec } from '@kom/kernel/testing';
import { calendarFeedDecider } from './calendar-feed.decider';
import type { CalendarFeedEvent } from './calendar-feed.events';

const given = deciderSpec(calendarFeedDecider);
const feedId = '6b0f1f8e-3a52-4c1e-9a8e-0c0a7d3f2b11';
const tokenHash = 'a'.repeat(64);
const kari = { userId: 'kari', organizationId: 'org-rosa', role: 'NGO_REPRESENTATIVE' as const };
const created: CalendarFeedEvent = {
  type: 'CalendarFeedCreated',
  data: { feedId, tokenHash, body: null, organizationId: 'org-rosa', lang: 'nb', ownerUserId: 'kari', ownerOrganizationId: 'org-rosa', ownerRole: 'NGO_REPRESENTATIVE' },
};
const create = (over: Partial<{ body: 'JOINT' | null; organizationId: string | null }> = {}) => ({
  type: 'CreateCalendarFeed' as const,
  feedId,
  tokenHash,
  body: null,
  organizationId: 'org-rosa',
  lang: 'nb' as const,
  ...over,
});

describe('calendar feed decider', () => {
  it("records a feed of the owner's organisation with the owner's view and only the secret's hash", () =>
    given([]).when(create(), { actor: kari }).then([created]));

  it('follows one body or one organisation, never both or neither', () => {
    given([]).when(create({ body: 'JOINT' }), { actor: kari }).thenThrows(InvalidInput, 'FEED_SCOPE_REQUIRED');
    given([]).when(create({ organizationId: null }), { actor: kari }).thenThrows(InvalidInput, 'FEED_SCOPE_REQUIRED');
  });

  it("refuses an NGO representative a feed of another organisation; the secretariat may follow any", () => {
    given([]).when(create({ organizationId: 'org-noas' }), { actor: kari }).thenThrows(Forbidden, 'NOT_OWN_ORGANIZATION');
    expect(given([]).when(create({ organizationId: 'org-noas' })).events()[0]!.data).toMatchObject({ organizationId: 'org-noas', ownerRole: 'SECRETARIAT' });
  });

  it('is revoked by its owner, once (a second revoke changes nothing)', () => {
    given([created]).when({ type: 'RevokeCalendarFeed', feedId }, { actor: kari }).then([{ type: 'CalendarFeedRevoked', data: { feedId } }]);
    given([created, { type: 'CalendarFeedRevoked', data: { feedId } }]).when({ type: 'RevokeCalendarFeed', feedId }, { actor: kari }).then([]);
  });

  it("answers someone else's feed as one that does not exist", () => {
    given([created]).when({ type: 'RevokeCalendarFeed', feedId }, { actor: { ...kari, userId: 'nina' } }).thenThrows(NotFound, 'CALENDAR_FEED_NOT_FOUND');
    given([]).when({ type: 'RevokeCalendarFeed', feedId }, { actor: kari }).thenThrows(NotFound);
  });
});
