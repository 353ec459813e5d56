import type { ManualClock } from '@kom/platform';
import type { TestApp } from './test-app';

export interface DocumentsScenario {
  readonly first: string;
  readonly second: string;
  readonly draftOnly: string;
  readonly decisionIds: readonly string[];
}

const SCHEDULE = `mutation($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { id } }`;
const ADD_ITEM = `mutation($input: AddAgendaItemInput!) { addAgendaItem(input: $input) { agenda { id title } } }`;
const PUBLISH = `mutation($input: PublishAgendaInput!) { publishAgenda(input: $input) { id } }`;
const ATTEND = `mutation($input: RecordAttendanceInput!) { recordAttendance(input: $input) { id } }`;
const DECIDE = `mutation($input: RecordDecisionInput!) { recordDecision(input: $input) { id } }`;
const POSITION = `mutation($input: RecordPositionInput!) { recordPosition(input: $input) { id } }`;
const ASSIGN = `mutation($input: AssignActionItemInput!) { assignActionItem(input: $input) { id } }`;
const MINUTES = `mutation($input: RecordMinutesInput!) { recordMinutes(input: $input) { id } }`;
const APPROVE = `mutation($input: ApproveMinutesInput!) { approveMinutes(input: $input) { id } }`;

/**
 * Two held project-group meetings and one still in draft, as the secretariat runs them: agenda
 * items citing measures (one added after publishing), attendance, decisions with a dissent and an
 * abstention, an action item, minutes approved at the next meeting. Text holds what CSV and HTML
 * must escape (commas, quotes, line breaks, angle brackets) and a cell a spreadsheet would run.
 */
export async function documentsScenario(t: TestApp, clock: ManualClock): Promise<DocumentsScenario> {
  const secretariat = await t.token('SECRETARIAT', 'org-pod', 'sara');
  const udi = await t.token('AGENCY_MEMBER', 'org-udi', 'ulf');
  const nav = await t.token('AGENCY_MEMBER', 'org-nav', 'nils');
  const ok = (query: string, input: Record<string, unknown>, token = secretariat) => t.data(query, { input }, token);

  const schedule = async (title: string, startsAt: string, endsAt: string) =>
    (await ok(SCHEDULE, { kind: 'PROJECT_GROUP', title, startsAt, endsAt, location: 'Politidirektoratet, Oslo' })).scheduleMeeting.id as string;
  const first = await schedule('Prosjektgruppemøte januar', '2027-01-12T09:00:00+01:00', '2027-01-12T11:00:00+01:00');
  const second = await schedule('Prosjektgruppemøte februar', '2027-02-09T09:00:00+01:00', '2027-02-09T11:00:00+01:00');
  const draftOnly = await schedule('Prosjektgruppemøte mars', '2027-03-09T09:00:00+01:00', '2027-03-09T11:00:00+01:00');

  const items = async (meetingId: string) => {
    const a = await ok(ADD_ITEM, {
      meetingId,
      title: 'Samarbeidsavtaler, politiet og partnere',
      description: 'Avtaler etter tiltak 34.\n\nSe "veilederen" <utkast> fra POD.',
      presentingOrganizationId: 'org-politiet',
      citedMeasures: [34],
    });
    const b = await ok(ADD_ITEM, { meetingId, title: 'Tilstandsrapport', description: '=SUM(A1:A9) er ikke en formel her', citedMeasures: [6] });
    return [a.addAgendaItem.agenda[0].id, b.addAgendaItem.agenda[1].id] as [string, string];
  };
  const [itemA, itemB] = await items(first);
  await ok(PUBLISH, { meetingId: first });
  await ok(ADD_ITEM, { meetingId: first, title: 'Eventuelt' });
  await items(second);
  await ok(PUBLISH, { meetingId: second });
  await ok(ADD_ITEM, { meetingId: draftOnly, title: 'Utkast til sak' });

  clock.set('2027-01-12T08:30:00.000Z');
  await ok(ATTEND, { meetingId: first, organizationIds: ['org-politiet', 'org-udi', 'org-nav', 'org-imdi'] });
  const d1 = (await ok(DECIDE, { meetingId: first, agendaItemId: itemA, text: 'KOM anbefaler samarbeidsavtaler i alle politidistrikt.', rationale: 'Tiltak 34, og erfaringer fra Oslo.', citedMeasures: [34], reviewDate: '2027-12-31' })).recordDecision.id as string;
  await ok(POSITION, { decisionId: d1, organizationId: 'org-udi', position: 'SUPPORTS' }, udi);
  await ok(POSITION, { decisionId: d1, organizationId: 'org-nav', position: 'OBJECTS', reason: 'Ressurser, "først" i 2028' }, nav);
  const d2 = (await ok(DECIDE, { meetingId: first, agendaItemId: itemB, text: 'Rapporten skrives av sekretariatet.', citedMeasures: [6] })).recordDecision.id as string;
  await ok(ASSIGN, { meetingId: first, decisionId: d1, description: 'Utkast til mal for avtaler', responsibleOrganizationId: 'org-politiet', dueDate: '2027-03-01' });
  await ok(MINUTES, { meetingId: first, text: 'Møtet ble ledet av sekretariatet.\nAlle saker ble behandlet.' });

  clock.set('2027-02-09T08:30:00.000Z');
  await ok(ATTEND, { meetingId: second, organizationIds: ['org-politiet', 'org-udi'] });
  await ok(APPROVE, { meetingId: first, approvingMeetingId: second });
  return { first, second, draftOnly, decisionIds: [d1, d2] };
}
