import type { ManualClock } from '@kom/platform';
import type { TestApp } from './test-app';

export interface SupersededDecisionScenario {
  readonly firstMeeting: string;
  readonly secondMeeting: string;
  /** Recorded at the first meeting, with a dissent later withdrawn; superseded at the second. */
  readonly original: string;
  readonly replacement: string;
  /** Instants between the steps, for asOf. */
  readonly times: { beforeOriginal: string; whileDissenting: string; afterDissentWithdrawn: string; afterSupersession: string };
}

const SCHEDULE = `mutation($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { id } }`;
const ADD_ITEM = `mutation($input: AddAgendaItemInput!) { addAgendaItem(input: $input) { agenda { id } } }`;
const PUBLISH = `mutation($input: PublishAgendaInput!) { publishAgenda(input: $input) { id } }`;
const ATTEND = `mutation($input: RecordAttendanceInput!) { recordAttendance(input: $input) { id } }`;
const DECIDE = `mutation($input: RecordDecisionInput!) { recordDecision(input: $input) { id } }`;
const POSITION = `mutation($input: RecordPositionInput!) { recordPosition(input: $input) { id } }`;
const SUPERSEDE = `mutation($input: SupersedeDecisionInput!) { supersedeDecision(input: $input) { id } }`;

/**
 * A decision's life over two project-group meetings, as an auditor later reads it: recorded in
 * January with NAV dissenting, NAV's dissent withdrawn a week later, replaced in February by a
 * decision that supersedes it. The clock starts in early January 2026, so every date is in the past for a browser today.
 */
export async function supersededDecisionScenario(t: TestApp, clock: ManualClock): Promise<SupersededDecisionScenario> {
  const secretariat = await t.token('SECRETARIAT', 'org-pod', 'sara');
  const udi = await t.token('AGENCY_MEMBER', 'org-udi', 'ulf');
  const nav = await t.token('AGENCY_MEMBER', 'org-nav', 'nils');
  const ok = (query: string, input: Record<string, unknown>, token = secretariat) => t.data(query, { input }, token);
  const meeting = async (title: string, startsAt: string, measure: number) => {
    const id = (await ok(SCHEDULE, { kind: 'PROJECT_GROUP', title, startsAt, endsAt: new Date(Date.parse(startsAt) + 2 * 3600_000).toISOString(), location: 'Politidirektoratet, Oslo' }))
      .scheduleMeeting.id as string;
    const item = (await ok(ADD_ITEM, { meetingId: id, title: 'Felles rutiner for identifisering', citedMeasures: [measure], presentingOrganizationId: 'org-udi' })).addAgendaItem.agenda[0].id as string;
    await ok(PUBLISH, { meetingId: id });
    return { id, item };
  };

  clock.set('2026-01-04T08:00:00.000Z');
  const first = await meeting('Prosjektgruppemøte januar', '2026-01-12T08:00:00.000Z', 6);
  const second = await meeting('Prosjektgruppemøte februar', '2026-02-09T08:00:00.000Z', 6);
  const beforeOriginal = '2026-01-10T12:00:00.000Z';

  clock.set('2026-01-12T08:30:00.000Z');
  await ok(ATTEND, { meetingId: first.id, organizationIds: ['org-politiet', 'org-udi', 'org-nav'] });
  const original = (await ok(DECIDE, { meetingId: first.id, agendaItemId: first.item, text: 'Felles rutiner for identifisering innføres i 2027.', rationale: 'Tiltak 6: tilstandsrapporten viser ulik praksis.', citedMeasures: [6] }))
    .recordDecision.id as string;
  await ok(POSITION, { decisionId: original, organizationId: 'org-udi', position: 'SUPPORTS' }, udi);
  await ok(POSITION, { decisionId: original, organizationId: 'org-nav', position: 'OBJECTS', reason: 'Ressursene kommer først i 2028.' }, nav);
  const whileDissenting = '2026-01-15T12:00:00.000Z';

  clock.set('2026-01-19T10:00:00.000Z');
  await ok(POSITION, { decisionId: original, organizationId: 'org-nav', position: 'SUPPORTS' }, nav);
  const afterDissentWithdrawn = '2026-01-25T12:00:00.000Z';

  clock.set('2026-02-09T08:30:00.000Z');
  await ok(ATTEND, { meetingId: second.id, organizationIds: ['org-politiet', 'org-udi', 'org-nav'] });
  const replacement = (await ok(DECIDE, { meetingId: second.id, agendaItemId: second.item, text: 'Felles rutiner for identifisering innføres i 2028, med finansiering.', citedMeasures: [6], supersedes: original }))
    .recordDecision.id as string;
  await ok(SUPERSEDE, { decisionId: original, supersededByDecisionId: replacement });
  clock.set('2026-02-10T08:00:00.000Z');
  return { firstMeeting: first.id, secondMeeting: second.id, original, replacement, times: { beforeOriginal, whileDissenting, afterDissentWithdrawn, afterSupersession: '2026-02-10T07:00:00.000Z' } };
}
