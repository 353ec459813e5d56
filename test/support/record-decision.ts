import { CommandBus } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { SYSTEM_ACTOR, defaultPlanRefs } from '@kom/kernel';
import {
  AddAgendaItemCommand,
  PublishAgendaCommand,
  RecordAttendanceCommand,
  RecordDecisionCommand,
  ScheduleMeetingCommand,
} from '@kom/meetings';
import type { TestApp } from './test-app';

/**
 * A real KOM decision for tests of other contexts: a project-group meeting held yesterday (the
 * platform itself may record past meetings) with one agenda item and one decision on it.
 */
export async function recordProjectGroupDecision(t: TestApp, text = 'KOM anbefaler samarbeidsavtaler etter tiltak 34.'): Promise<string> {
  const bus = t.app.get(CommandBus);
  const meta = { actor: SYSTEM_ACTOR, correlationId: randomUUID() };
  const meetingId = randomUUID();
  const itemId = randomUUID();
  const decisionId = randomUUID();
  const start = new Date(Date.now() - 24 * 3600_000);
  await bus.execute(new ScheduleMeetingCommand({
    type: 'ScheduleMeeting', meetingId, kind: 'PROJECT_GROUP', title: 'Prosjektgruppemøte',
    startsAt: start.toISOString(), endsAt: new Date(start.getTime() + 2 * 3600_000).toISOString(), location: 'Politidirektoratet',
  }, meta));
  await bus.execute(new AddAgendaItemCommand({ type: 'AddAgendaItem', meetingId, itemId, title: 'Samarbeidsavtaler', citedMeasures: defaultPlanRefs([34]) }, meta));
  await bus.execute(new PublishAgendaCommand({ type: 'PublishAgenda', meetingId }, meta));
  await bus.execute(new RecordAttendanceCommand({ type: 'RecordAttendance', meetingId, organizationIds: ['org-udi', 'org-politiet'] }, meta));
  await bus.execute(new RecordDecisionCommand({ type: 'RecordDecision', meetingId, decisionId, agendaItemId: itemId, text, citedMeasures: defaultPlanRefs([34]) }, meta));
  return decisionId;
}
