import type { EndpointRow, NotificationsReadModel, PersonPreferences } from '../read-models/notifications.queries';
import type { Topic } from '../domain/topics';
import { DeadlineScheduler } from './deadline-scheduler';

const person = (organizationId: string, userId: string, topics: Topic[], dueSoonDays = 7): PersonPreferences => ({
  userId,
  organizationId,
  role: 'AGENCY_MEMBER',
  representativeId: null,
  topics,
  language: 'nb',
  cadence: 'IMMEDIATE',
  dueSoonDays,
  expiringDays: 30,
});

/** The read model as the scheduler sees it, counting what it is asked. */
function readModel(options: { persons: PersonPreferences[]; endpoints?: EndpointRow[]; items: number; recorded?: Set<string> }) {
  const asked: string[] = [];
  const items = Array.from({ length: options.items }, (_, i) => ({
    actionItemId: `ai-${i}`,
    organizationId: i % 2 === 0 ? 'org-udi' : 'org-imdi',
    dueDate: i % 3 === 0 ? '2026-11-30' : '2026-12-05',
  }));
  const model = {
    subscribersOf: (topic: Topic) => (asked.push(`subscribers ${topic}`), options.persons.filter((p) => p.topics.includes(topic))),
    endpointsSubscribedTo: (topic: Topic) => (asked.push(`endpoints ${topic}`), (options.endpoints ?? []).filter((e) => e.topics.includes(topic))),
    openActionItems: () => (asked.push('items'), items),
    agreementsInForceWithExpiry: () => (asked.push('agreements'), []),
    isRecorded: (id: string) => options.recorded?.has(id) ?? false,
  };
  return { model: model as unknown as NotificationsReadModel, asked };
}

const now = new Date('2026-12-03T09:00:00Z');

describe('the deadline scheduler', () => {
  it('reads who listens once per topic and pass, however many items there are', () => {
    const { model, asked } = readModel({ persons: [person('org-udi', 'ulla', ['ACTION_ITEM_OVERDUE', 'ACTION_ITEM_DUE_SOON'])], items: 3000 });
    const due = new DeadlineScheduler(model, async () => undefined).due(now);
    // Only org-udi's items (every other one): overdue for a third of them, due soon (in 2 days) for the rest.
    expect(due).toHaveLength(1500);
    expect(due.filter((n) => n.topic === 'ACTION_ITEM_OVERDUE')).toHaveLength(500);
    expect(new Set(due.map((n) => n.recipient.organizationId))).toEqual(new Set(['org-udi']));
    expect(asked.filter((a) => a === 'items')).toHaveLength(1);
    expect(asked.filter((a) => a.startsWith('subscribers') || a.startsWith('endpoints')).length).toBeLessThanOrEqual(6);
  });

  it("keeps each person's own horizon for what is due soon", () => {
    const { model } = readModel({ persons: [person('org-udi', 'ulla', ['ACTION_ITEM_DUE_SOON'], 1)], items: 10 });
    expect(new DeadlineScheduler(model, async () => undefined).due(now)).toEqual([]);
  });

  it('reads no items when nobody listens for them', () => {
    const { model, asked } = readModel({ persons: [person('org-udi', 'ulla', ['AGENDA_PUBLISHED'])], items: 3000 });
    expect(new DeadlineScheduler(model, async () => undefined).due(now)).toEqual([]);
    expect(asked).not.toContain('items');
    expect(asked).not.toContain('agreements');
  });

  it('asks to record only what is not recorded yet', async () => {
    const first = readModel({ persons: [person('org-udi', 'ulla', ['ACTION_ITEM_OVERDUE'])], items: 6 });
    const ids = new DeadlineScheduler(first.model, async () => undefined).due(now).map((n) => n.notificationId);
    expect(ids).toHaveLength(1); // ai-0: org-udi and overdue
    const recorded: string[] = [];
    const again = readModel({ persons: [person('org-udi', 'ulla', ['ACTION_ITEM_OVERDUE'])], items: 12, recorded: new Set(ids) });
    const asked = await new DeadlineScheduler(again.model, async (command) => {
      recorded.push((command as { notification: { notificationId: string } }).notification.notificationId);
    }).tick(now);
    expect(asked).toBe(2); // ai-0 and ai-6
    expect(recorded).toHaveLength(1);
    expect(recorded).not.toContain(ids[0]);
  });
});
