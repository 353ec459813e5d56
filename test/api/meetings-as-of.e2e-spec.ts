import { ManualClock } from '@kom/platform';
import { TestApp } from '../support/test-app';

/**
 * Time travel, checked against the read models: a long meeting cycle is run step by step; after
 * every step the whole meeting is read from the read models and kept with the instant; afterwards
 * `meeting(id, asOf: instant)` — answered from the meeting's own events up to then — must answer
 * every field exactly as the read models did at that instant.
 *
 * The real application (embedded store, temporary data directory) with a manual clock (the
 * pattern of meetings.e2e-spec.ts): meetings are planned ahead and then held, and every step
 * happens a minute after the one before, so each recorded instant separates two steps.
 */

/** Every field of Meeting and of its children, labels in both languages. */
const MEETING_SCALARS = `id kind kindLabel kindLabelEn: kindLabel(lang: EN) title startsAt endsAt location videoLink status
  statusLabel statusLabelEn: statusLabel(lang: EN) seriesId seriesIndex agendaPublishedAt cancelledReason minutesStatus
  minutesStatusLabel minutesStatusLabelEn: minutesStatusLabel(lang: EN) revision asOf`;
const ACTION_ITEM = `id meetingId decisionId agendaItemId description responsibleOrganizationId dueDate status statusLabel
  statusLabelEn: statusLabel(lang: EN) overdue completionNote cancelledReason`;
const FULL_MEETING = `${MEETING_SCALARS}
  agenda { id meetingId position title description presentingOrganizationId citedMeasures sourceIssueId
    addedByAmendment updatedByAmendment removedByAmendment removalReason }
  amendments { meetingId kind kindLabel kindLabelEn: kindLabel(lang: EN) itemId title reason itemIds occurredAt revision }
  attendance { meetingId organizationId }
  decisions { id meetingId agendaItemId text rationale citedMeasures reviewDate status statusLabel statusLabelEn: statusLabel(lang: EN)
    supersedes supersededBy revokedReason recordedAt
    positions { decisionId organizationId position positionLabel positionLabelEn: positionLabel(lang: EN) reason }
    meeting { ${MEETING_SCALARS} } }
  actionItems { ${ACTION_ITEM} }
  minutes { meetingId text status statusLabel statusLabelEn: statusLabel(lang: EN) approvedAtMeetingId }
  suggestedAgendaItems { ${ACTION_ITEM} }`;
const MEETING = `query($id: ID!, $asOf: String) { meeting(id: $id, asOf: $asOf) { ${FULL_MEETING} } }`;

const SCHEDULE = `mutation($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { id } }`;
const RESCHEDULE = `mutation($input: RescheduleMeetingInput!) { rescheduleMeeting(input: $input) { id } }`;
const ADD_ITEM = `mutation($input: AddAgendaItemInput!) { addAgendaItem(input: $input) { agenda { id title } } }`;
const UPDATE_ITEM = `mutation($input: UpdateAgendaItemInput!) { updateAgendaItem(input: $input) { id } }`;
const REORDER = `mutation($input: ReorderAgendaInput!) { reorderAgenda(input: $input) { id } }`;
const REMOVE_ITEM = `mutation($input: RemoveAgendaItemInput!) { removeAgendaItem(input: $input) { id } }`;
const PUBLISH = `mutation($input: PublishAgendaInput!) { publishAgenda(input: $input) { id } }`;
const ATTEND = `mutation($input: RecordAttendanceInput!) { recordAttendance(input: $input) { id } }`;
const DECIDE = `mutation($input: RecordDecisionInput!) { recordDecision(input: $input) { id } }`;
const POSITION = `mutation($input: RecordPositionInput!) { recordPosition(input: $input) { id } }`;
const SUPERSEDE = `mutation($input: SupersedeDecisionInput!) { supersedeDecision(input: $input) { id status } }`;
const REVOKE = `mutation($input: RevokeDecisionInput!) { revokeDecision(input: $input) { id status } }`;
const ASSIGN = `mutation($input: AssignActionItemInput!) { assignActionItem(input: $input) { id } }`;
const COMPLETE = `mutation($input: CompleteActionItemInput!) { completeActionItem(input: $input) { id } }`;
const CANCEL_ACTION = `mutation($input: CancelActionItemInput!) { cancelActionItem(input: $input) { id } }`;
const MINUTES = `mutation($input: RecordMinutesInput!) { recordMinutes(input: $input) { id } }`;
const APPROVE = `mutation($input: ApproveMinutesInput!) { approveMinutes(input: $input) { id } }`;

const MEMBERS = ['org-politiet', 'org-udi', 'org-imdi', 'org-nav'];

interface Recording {
  step: string;
  at: string;
  first: Record<string, any>;
  second: Record<string, any> | null;
}

/**
 * What a recorded read and an asOf read must share: everything but `asOf`, the marker of the answer
 * (null from the read models, the instant from history), asserted separately on the meeting and on
 * each decision's meeting. `suggestedAgendaItems` comes from OTHER meetings' streams (their action
 * items, open and overdue at this meeting's start): under asOf it is answered from each other
 * meeting of the body as of then, so it is compared too.
 */
function comparable(meeting: Record<string, any> | null): Record<string, any> | null {
  if (meeting === null) return null;
  const { asOf: _asOf, decisions, ...rest } = meeting;
  return {
    ...rest,
    decisions: (decisions as Array<Record<string, any>>).map((d) => {
      const { asOf: _meetingAsOf, ...decisionMeeting } = d.meeting;
      return { ...d, meeting: decisionMeeting };
    }),
  };
}

describe('Meetings as of an instant: every field as the read models showed it then', () => {
  const clock = new ManualClock('2027-01-04T08:00:00.000Z');
  let t: TestApp;
  let secretariat: string;
  let nav: string;
  const recordings: Recording[] = [];
  let first = '';
  let second = '';

  const ok = <T = any>(query: string, variables: Record<string, unknown>, token = secretariat): Promise<T> => t.data<T>(query, variables, token);
  const read = async (id: string, asOf?: string): Promise<Record<string, any> | null> =>
    (await ok<{ meeting: Record<string, any> | null }>(MEETING, { id, asOf })).meeting;

  /** Runs a step, then reads both meetings from the read models and keeps them with the instant; the next step comes a minute later. */
  const step = async (name: string, run: () => Promise<unknown>): Promise<void> => {
    await run();
    const at = clock.now().toISOString();
    recordings.push({ step: name, at, first: (await read(first))!, second: second ? await read(second) : null });
    clock.advance(60_000);
  };

  beforeAll(async () => {
    t = await TestApp.start({ clock });
    secretariat = await t.token('SECRETARIAT', 'org-pod', 'sara');
    nav = await t.token('AGENCY_MEMBER', 'org-nav', 'nils');
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('runs a long meeting cycle, reading the whole meeting after every step', async () => {
    const items: Record<string, string> = {};
    const decisions: Record<string, string> = {};
    const actions: Record<string, string> = {};
    const addItem = async (key: string, input: Record<string, unknown>) => {
      const before = (await read(first))!.agenda.map((i: any) => i.id) as string[];
      const added = await ok(ADD_ITEM, { input: { meetingId: first, ...input } });
      items[key] = (added.addAgendaItem.agenda as Array<{ id: string }>).map((i) => i.id).find((id) => !before.includes(id))!;
    };

    await step('schedule the first meeting', async () => {
      first = (
        await ok(SCHEDULE, {
          input: { kind: 'PROJECT_GROUP', title: 'Prosjektgruppemøte januar', startsAt: '2027-01-12T09:00:00+01:00', endsAt: '2027-01-12T11:00:00+01:00', location: 'Oslo' },
        })
      ).scheduleMeeting.id;
    });
    await step('schedule the second meeting', async () => {
      second = (
        await ok(SCHEDULE, {
          input: { kind: 'PROJECT_GROUP', title: 'Prosjektgruppemøte februar', startsAt: '2027-02-12T09:00:00+01:00', endsAt: '2027-02-12T11:00:00+01:00', location: 'Oslo' },
        })
      ).scheduleMeeting.id;
    });

    // The draft agenda: changes before publishing are no amendments, and a removed draft item is gone.
    await step('draft item A', () => addItem('A', { title: 'Identifisering av ofre', description: 'Rutiner', presentingOrganizationId: 'org-udi', citedMeasures: [6] }));
    await step('draft item B', () => addItem('B', { title: 'Samarbeidsavtaler', presentingOrganizationId: 'org-politiet', citedMeasures: [34] }));
    await step('draft item C first', () => addItem('C', { title: 'Eventuelt', position: 0 }));
    await step('update A in the draft', () => ok(UPDATE_ITEM, { input: { meetingId: first, itemId: items.A, title: 'Identifisering av ofre (utkast 2)' } }));
    await step('reorder the draft', () => ok(REORDER, { input: { meetingId: first, itemIds: [items.A, items.B, items.C] } }));
    await step('remove C from the draft', () => ok(REMOVE_ITEM, { input: { meetingId: first, itemId: items.C, reason: 'Ikke nødvendig' } }));
    await step('move the meeting online', () =>
      ok(RESCHEDULE, { input: { meetingId: first, startsAt: '2027-01-12T09:30:00+01:00', endsAt: '2027-01-12T11:30:00+01:00', videoLink: 'https://meet.example.org/kom' } }),
    );
    await step('publish the agenda', () => ok(PUBLISH, { input: { meetingId: first } }));

    // Amendments: each stays visible.
    await step('amend: add D', () => addItem('D', { title: 'Forfalte oppfølgingspunkter', citedMeasures: [6, 34], position: 1 }));
    await step('amend: add E', () => addItem('E', { title: 'Orientering fra NAV', presentingOrganizationId: 'org-nav' }));
    await step('amend: update A', () =>
      ok(UPDATE_ITEM, { input: { meetingId: first, itemId: items.A, title: 'Identifisering av ofre – nye rutiner', citedMeasures: [6, 7] } }),
    );
    await step('amend: update E', () => ok(UPDATE_ITEM, { input: { meetingId: first, itemId: items.E, title: 'Orientering fra NAV og IMDi', description: 'Kort' } }));
    await step('amend: reorder', () => ok(REORDER, { input: { meetingId: first, itemIds: [items.D, items.E, items.A, items.B] } }));
    await step('amend: remove B with a reason', () => ok(REMOVE_ITEM, { input: { meetingId: first, itemId: items.B, reason: 'Utsatt til neste møte' } }));
    await step('amend: remove E', () => ok(REMOVE_ITEM, { input: { meetingId: first, itemId: items.E } }));

    // The meeting is held.
    clock.set('2027-01-12T08:35:00.000Z');
    await step('attendance', () => ok(ATTEND, { input: { meetingId: first, organizationIds: ['org-udi', 'org-politiet', 'org-imdi'] } }));
    await step('attendance corrected', () => ok(ATTEND, { input: { meetingId: first, organizationIds: MEMBERS } }));

    await step('decision X with an objection', async () => {
      decisions.X = (
        await ok(DECIDE, {
          input: {
            meetingId: first,
            agendaItemId: items.A,
            text: 'Etatene tar i bruk felles rutiner for identifisering.',
            rationale: 'Tiltak 6 og 34',
            citedMeasures: [34, 6],
            reviewDate: '2027-06-01',
            positions: [
              { organizationId: 'org-udi', position: 'SUPPORTS' },
              { organizationId: 'org-politiet', position: 'SUPPORTS' },
              { organizationId: 'org-imdi', position: 'OBJECTS', reason: 'Mangler finansiering' },
            ],
          },
        })
      ).recordDecision.id;
    });
    await step('NAV abstains on X', () => ok(POSITION, { input: { decisionId: decisions.X, organizationId: 'org-nav', position: 'ABSTAINS' } }, nav));
    await step('IMDi changes its objection', () =>
      ok(POSITION, { input: { decisionId: decisions.X, organizationId: 'org-imdi', position: 'OBJECTS', reason: 'Mangler finansiering i 2027' } }),
    );
    await step('decision Y', async () => {
      decisions.Y = (await ok(DECIDE, { input: { meetingId: first, agendaItemId: items.D, text: 'Forfalte punkter følges opp av sekretariatet.' } })).recordDecision.id;
    });
    await step('decision Z', async () => {
      decisions.Z = (
        await ok(DECIDE, {
          input: { meetingId: first, agendaItemId: items.A, text: 'Midlertidig ordning', positions: [{ organizationId: 'org-nav', position: 'SUPPORTS' }] },
        })
      ).recordDecision.id;
    });

    await step('action item 1 (decision X)', async () => {
      actions.one = (
        await ok(ASSIGN, { input: { meetingId: first, decisionId: decisions.X, description: 'Utarbeide felles rutine', responsibleOrganizationId: 'org-udi', dueDate: '2027-01-20' } })
      ).assignActionItem.id;
    });
    await step('action item 2 (item D)', async () => {
      actions.two = (
        await ok(ASSIGN, { input: { meetingId: first, agendaItemId: items.D, description: 'Gå gjennom forfalte punkter', responsibleOrganizationId: 'org-nav', dueDate: '2027-02-01' } })
      ).assignActionItem.id;
    });
    await step('action item 3', async () => {
      actions.three = (
        await ok(ASSIGN, { input: { meetingId: first, description: 'Innkalle til arbeidsmøte', responsibleOrganizationId: 'org-politiet', dueDate: '2027-02-01' } })
      ).assignActionItem.id;
    });
    await step('action item 1 completed with a note', () => ok(COMPLETE, { input: { actionItemId: actions.one, note: 'Rutinen er vedtatt' } }));
    await step('action item 2 cancelled', () => ok(CANCEL_ACTION, { input: { actionItemId: actions.two, reason: 'Dekkes av vedtak Y' } }));
    await step('minutes drafted', () => ok(MINUTES, { input: { meetingId: first, text: 'Referat, utkast 1.' } }));
    await step('minutes redrafted', () => ok(MINUTES, { input: { meetingId: first, text: 'Referat fra prosjektgruppemøtet 12. januar.' } }));
    await step('decision Z revoked', () => ok(REVOKE, { input: { decisionId: decisions.Z, reason: 'Erstattet av vedtak X' } }));

    // Action item 3 is overdue from 2 February; the second meeting approves the minutes and supersedes X.
    clock.set('2027-02-03T09:00:00.000Z');
    await step('the second meeting publishes its agenda', async () => {
      const added = await ok(ADD_ITEM, { input: { meetingId: second, title: 'Godkjenning av referat' } });
      items.S = added.addAgendaItem.agenda[0].id;
      await ok(PUBLISH, { input: { meetingId: second } });
    });
    clock.set('2027-02-12T08:10:00.000Z');
    await step('the second meeting is held', () => ok(ATTEND, { input: { meetingId: second, organizationIds: MEMBERS } }));
    await step('minutes approved at the second meeting', () => ok(APPROVE, { input: { meetingId: first, approvingMeetingId: second } }));
    await step('decision X2 at the second meeting', async () => {
      decisions.X2 = (
        await ok(DECIDE, {
          input: { meetingId: second, agendaItemId: items.S, text: 'Felles rutiner, med finansiering fra 2028.', supersedes: decisions.X, positions: [{ organizationId: 'org-imdi', position: 'SUPPORTS' }] },
        })
      ).recordDecision.id;
    });
    // Recording X2 superseded X; asking for it again changes nothing.
    await step('supersedeDecision(X, X2) again', () => ok(SUPERSEDE, { input: { decisionId: decisions.X, supersededByDecisionId: decisions.X2 } }));
    await step('action item 3 completed after the approval', () => ok(COMPLETE, { input: { actionItemId: actions.three } }));

    // The record as it now stands, briefly: the cycle did what it says.
    const last = recordings[recordings.length - 1]!.first;
    expect(last).toMatchObject({ status: 'HELD', minutesStatus: 'APPROVED', videoLink: 'https://meet.example.org/kom' });
    expect(last.agenda.map((i: any) => [i.id, i.position, i.removedByAmendment])).toEqual([
      [items.D, 0, false],
      [items.A, 1, false],
      [items.B, null, true],
      [items.E, null, true],
    ]);
    expect(last.amendments.map((a: any) => a.kind)).toEqual(['ADDED', 'ADDED', 'UPDATED', 'UPDATED', 'REORDERED', 'REMOVED', 'REMOVED']);
    expect(last.decisions.map((d: any) => [d.id, d.status])).toEqual(
      expect.arrayContaining([
        [decisions.X, 'SUPERSEDED'],
        [decisions.Y, 'ACTIVE'],
        [decisions.Z, 'REVOKED'],
      ]),
    );
    expect(last.actionItems.map((a: any) => [a.id, a.status, a.completionNote, a.cancelledReason])).toEqual([
      [actions.one, 'COMPLETED', 'Rutinen er vedtatt', null],
      [actions.two, 'CANCELLED', null, 'Dekkes av vedtak Y'],
      [actions.three, 'COMPLETED', null, null],
    ]);
    // Overdue while open after its due date: the read model showed it so, and asOf must too.
    const overdueThen = recordings.find((r) => r.step === 'the second meeting is held')!;
    expect(overdueThen.first.actionItems.find((a: any) => a.id === actions.three).overdue).toBe(true);
    // Offered at the next meeting of the body while open and due before its date; no longer once completed.
    expect(overdueThen.second!.suggestedAgendaItems.map((a: any) => [a.id, a.overdue])).toEqual([[actions.three, true]]);
    expect(recordings.find((r) => r.step === 'action item 2 (item D)')!.second!.suggestedAgendaItems.map((a: any) => a.id)).toEqual([actions.one, actions.two]);
    expect(recordings[recordings.length - 1]!.second!.suggestedAgendaItems).toEqual([]);
    expect(recordings.length).toBeGreaterThan(30);
  });

  it('answers every recorded instant, as of then, exactly as the read models did', async () => {
    for (const recording of recordings) {
      for (const [id, recorded] of [
        [first, recording.first],
        [second, recording.second],
      ] as const) {
        const past = await read(id, recording.at);
        expect({ step: recording.step, meeting: comparable(past) }).toEqual({ step: recording.step, meeting: comparable(recorded) });
        if (past) {
          expect(past.asOf).toBe(recording.at);
          for (const d of past.decisions) expect(d.meeting).toMatchObject({ id, asOf: recording.at, revision: past.revision });
        }
      }
    }
  });

  it('answers an instant between two steps as the step before it', async () => {
    for (const [i, recording] of recordings.entries()) {
      if (i % 5 !== 0) continue;
      const between = new Date(Date.parse(recording.at) + 30_000).toISOString();
      expect(comparable(await read(first, between))).toEqual(comparable(recording.first));
    }
    expect(await read(first, '2027-01-04T07:59:59.999Z')).toBeNull();
  });

  it("shows each decision's status as of then: active before it was superseded or revoked", async () => {
    const at = (name: string) => recordings.find((r) => r.step === name)!.at;
    const statuses = async (asOf: string) =>
      Object.fromEntries(((await read(first, asOf))!.decisions as Array<any>).map((d) => [d.text.slice(0, 12), [d.status, d.supersededBy, d.revokedReason]]));
    expect(await statuses(at('minutes redrafted'))).toEqual({
      'Etatene tar ': ['ACTIVE', null, null],
      'Forfalte pun': ['ACTIVE', null, null],
      'Midlertidig ': ['ACTIVE', null, null],
    });
    expect(await statuses(at('decision Z revoked'))).toMatchObject({ 'Etatene tar ': ['ACTIVE', null, null], 'Midlertidig ': ['REVOKED', null, 'Erstattet av vedtak X'] });
    expect(await statuses(at('minutes approved at the second meeting'))).toMatchObject({ 'Etatene tar ': ['ACTIVE', null, null] });
    // X2 names X in `supersedes`: recording it supersedes X in the same write.
    expect((await statuses(at('decision X2 at the second meeting')))['Etatene tar ']).toEqual(['SUPERSEDED', expect.any(String), null]);
    expect((await statuses(at('supersedeDecision(X, X2) again')))['Etatene tar ']).toEqual(['SUPERSEDED', expect.any(String), null]);
  });
});
