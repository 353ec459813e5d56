import { SYSTEM_ACTOR, type Actor, type DomainCommand } from '@kom/kernel';
import { SqliteEventStore, type EventStore } from '@kom/event-store';
import { ReadModelDatabase } from '@kom/projections';
import { meetingDecider, meetingEventSchemas, meetingStream, type MeetingCommand } from '@kom/meetings';
import { EventSchemaRegistry, ManualClock, ReactorRunner, executeCommand, type CommandMeta, type KomCommand } from '@kom/platform';
import type { IssueCommand } from '../domain/issue.commands';
import { issueDecider, issueStream } from '../domain/issue.decider';
import { issueEventSchemas } from '../domain/issue.events';
import { issuesFromMeetingsReactor } from './issues-from-meetings.reactor';

// The reactor over a real (in-memory) event store, with commands sent straight down the command
// path: what the Nest command bus does in the application, without Nest.
const clock = new ManualClock('2026-03-05T10:00:00.000Z');
const schemas = new EventSchemaRegistry([...meetingEventSchemas, ...issueEventSchemas]);
const rosa: Actor = { userId: 'rosa-kari', organizationId: 'org-rosa', role: 'NGO_REPRESENTATIVE' };
const sara: Actor = { userId: 'pod-sara', organizationId: 'org-pod', role: 'SECRETARIAT' };
const meta = (actor: Actor): CommandMeta => ({ actor, correlationId: 'corr-test' });

describe('the issues-from-meetings reactor', () => {
  let store: EventStore;
  let readModels: ReadModelDatabase;
  let runners: ReactorRunner[];

  const issue = (command: IssueCommand, actor: Actor) => executeCommand({ store, clock, schemas }, issueDecider, issueStream(command.issueId), command, meta(actor));
  const meeting = (command: MeetingCommand, actor: Actor = sara) =>
    executeCommand({ store, clock, schemas }, meetingDecider, meetingStream(command.meetingId), command, meta(actor));
  const dispatch = (sent: object) => {
    const { payload, meta: m } = sent as KomCommand<DomainCommand>;
    const command = payload as IssueCommand;
    return executeCommand({ store, clock, schemas }, issueDecider, issueStream(command.issueId), command, m);
  };
  const run = async () => {
    const runner = new ReactorRunner(store, readModels.db, issuesFromMeetingsReactor(store), { dispatch });
    runners.push(runner);
    await runner.start();
    await runner.waitFor(await store.headPosition());
    return runner;
  };
  const issueEvents = async (issueId: string) => (await store.readStream(issueStream(issueId))).map((e) => e.type);

  async function submit(issueId: string) {
    await issue(
      {
        type: 'SubmitIssue',
        issueId,
        organizationId: 'org-rosa',
        title: `Issue ${issueId}`,
        description: 'Shelters are full.',
        category: 'IDENTIFICATION_AND_ASSISTANCE',
        referenceGroupMember: true,
      },
      rosa,
    );
  }

  async function heldReferenceMeeting(meetingId: string, items: Array<{ itemId: string; sourceIssueId: string | null }>) {
    // The platform (SYSTEM) may record a meeting that has already begun; people plan ahead.
    await meeting(
      { type: 'ScheduleMeeting', meetingId, kind: 'REFERENCE_GROUP', title: 'Reference group', startsAt: '2026-03-05T09:00:00.000Z', endsAt: '2026-03-05T11:00:00.000Z', location: 'Oslo' },
      SYSTEM_ACTOR,
    );
    for (const item of items) await meeting({ type: 'AddAgendaItem', meetingId, title: 'Item', ...item });
    await meeting({ type: 'PublishAgenda', meetingId });
    await meeting({ type: 'RecordAttendance', meetingId, organizationIds: ['org-rosa'], members: { organizationIds: ['org-rosa'] } });
  }

  beforeEach(async () => {
    store = await SqliteEventStore.open(':memory:');
    readModels = ReadModelDatabase.open(':memory:');
    runners = [];
  });
  afterEach(async () => {
    for (const runner of runners) await runner.stop();
    await store.close();
    readModels.close();
  });

  it('moves the issue when its agenda item is added and when the reference group decides on it', async () => {
    await submit('i-1');
    await heldReferenceMeeting('m-1', [
      { itemId: 'item-1', sourceIssueId: 'i-1' },
      { itemId: 'item-other', sourceIssueId: null },
    ]);
    await meeting({ type: 'RecordDecision', meetingId: 'm-1', decisionId: 'd-other', agendaItemId: 'item-other', text: 'Noted.' });
    await meeting({ type: 'RecordDecision', meetingId: 'm-1', decisionId: 'd-1', agendaItemId: 'item-1', text: 'Forward it.' });
    await run();

    const recorded = await store.readStream(issueStream('i-1'));
    expect(recorded.map((e) => e.type)).toEqual(['IssueSubmitted', 'IssuePlacedOnAgenda', 'IssueForwarded']);
    expect(recorded[1]!.data).toEqual({ issueId: 'i-1', meetingId: 'm-1', agendaItemId: 'item-1', body: 'REFERENCE_GROUP' });
    expect(recorded[2]!.data).toEqual({ issueId: 'i-1', meetingId: 'm-1', agendaItemId: 'item-1', decisionId: 'd-1' });
    // On behalf of the secretary who added the item, caused by the meetings event.
    const [added] = (await store.readStream(meetingStream('m-1'))).filter((e) => e.type === 'AgendaItemAdded');
    expect(recorded[1]!.metadata).toMatchObject({ actor: sara, causationId: added!.id, correlationId: 'corr-test' });
  });

  it('appends nothing twice when it runs again over the same events', async () => {
    await submit('i-1');
    await heldReferenceMeeting('m-1', [{ itemId: 'item-1', sourceIssueId: 'i-1' }]);
    await meeting({ type: 'RecordDecision', meetingId: 'm-1', decisionId: 'd-1', agendaItemId: 'item-1', text: 'Forward it.' });
    const first = await run();
    await first.stop();
    const head = await store.headPosition();

    readModels.db.exec('DELETE FROM reactor_checkpoints'); // the read-model database was lost
    await run();
    expect(await store.headPosition()).toBe(head);
    expect(await issueEvents('i-1')).toEqual(['IssueSubmitted', 'IssuePlacedOnAgenda', 'IssueForwarded']);
  });

  it('resumes from its checkpoint: only new meetings events are handled after a restart', async () => {
    await submit('i-1');
    await heldReferenceMeeting('m-1', [{ itemId: 'item-1', sourceIssueId: 'i-1' }]);
    const first = await run();
    await first.stop();
    const checkpoint = first.checkpoint();
    expect(await issueEvents('i-1')).toEqual(['IssueSubmitted', 'IssuePlacedOnAgenda']);

    await meeting({ type: 'RecordDecision', meetingId: 'm-1', decisionId: 'd-1', agendaItemId: 'item-1', text: 'Forward it.' });
    const second = new ReactorRunner(store, readModels.db, issuesFromMeetingsReactor(store), { dispatch });
    runners.push(second);
    await second.start();
    expect(second.checkpoint()).toBe(checkpoint);
    await second.waitFor(await store.headPosition());
    expect(await issueEvents('i-1')).toEqual(['IssueSubmitted', 'IssuePlacedOnAgenda', 'IssueForwarded']);
  });

  it('takes the issue off the agenda when its item is removed, and lets a refused step pass', async () => {
    await submit('i-2');
    await meeting(
      { type: 'ScheduleMeeting', meetingId: 'm-2', kind: 'PROJECT_GROUP', title: 'Project group', startsAt: '2026-04-01T09:00:00.000Z', endsAt: '2026-04-01T11:00:00.000Z', location: 'Oslo' },
    );
    // A submitted issue does not go before the project group: the issue refuses, the reactor moves on.
    await meeting({ type: 'AddAgendaItem', meetingId: 'm-2', itemId: 'pro-item', title: 'Too early', sourceIssueId: 'i-2' });
    await meeting(
      { type: 'ScheduleMeeting', meetingId: 'm-3', kind: 'REFERENCE_GROUP', title: 'Reference group', startsAt: '2026-04-02T09:00:00.000Z', endsAt: '2026-04-02T11:00:00.000Z', location: 'Oslo' },
    );
    await meeting({ type: 'AddAgendaItem', meetingId: 'm-3', itemId: 'ref-item', title: 'On the agenda', sourceIssueId: 'i-2' });
    await meeting({ type: 'RemoveAgendaItem', meetingId: 'm-3', itemId: 'ref-item' });
    const runner = await run();

    expect(await issueEvents('i-2')).toEqual(['IssueSubmitted', 'IssuePlacedOnAgenda', 'IssueRemovedFromAgenda']);
    expect(runner.status().state).toBe('running');
  });
});
