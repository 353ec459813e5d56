import { Forbidden, InvalidInput, InvalidState, NotFound, fold, defaultPlanRefs } from '@kom/kernel';
import { deciderSpec } from '@kom/kernel/testing';
import type { MeetingCommand } from './meeting.commands';
import { meetingDecider } from './meeting.decider';
import {
  DURING,
  IMDI,
  MEMBERS,
  POLICE,
  ROSA,
  UDI,
  actors,
  approved,
  attended,
  decided,
  drafting,
  held,
  itemAdded,
  meetingId,
  otherMeeting,
  positioned,
  published,
  publishedAgenda,
  scheduled,
  withDecision,
} from '../testing/meeting-fixtures';

const given = deciderSpec(meetingDecider);

describe('meeting decider: attendance', () => {
  const record = (organizationIds: string[], members = MEMBERS): MeetingCommand => ({ type: 'RecordAttendance', meetingId, organizationIds, members });

  it('records who attended once the meeting has started; the meeting is held', () =>
    given(publishedAgenda).when(record([UDI, POLICE]), { now: DURING }).then([attended([UDI, POLICE])]));

  it('needs a published agenda (AGENDA_NOT_PUBLISHED)', () =>
    given(drafting).when(record([UDI]), { now: DURING }).thenThrows(InvalidState, 'AGENDA_NOT_PUBLISHED'));

  it('waits until the meeting has started (MEETING_NOT_STARTED)', () =>
    given(publishedAgenda).when(record([UDI])).thenThrows(InvalidState, 'MEETING_NOT_STARTED'));

  it('admits members of the body only, naming the stranger (ATTENDEE_NOT_A_MEMBER)', () => {
    const error = (() => {
      try {
        meetingDecider.decide(record([UDI, ROSA]), fold(meetingDecider, publishedAgenda), { now: DURING, actor: actors.secretariat });
      } catch (e) {
        return e as InvalidInput;
      }
    })();
    expect(error).toBeInstanceOf(InvalidInput);
    expect(error?.reason).toBe('ATTENDEE_NOT_A_MEMBER');
    expect(error?.message).toContain(ROSA);
  });

  it('needs at least one organisation, each once (ATTENDANCE_EMPTY, ATTENDEE_LISTED_TWICE)', () => {
    given(publishedAgenda).when(record([]), { now: DURING }).thenThrows(InvalidInput, 'ATTENDANCE_EMPTY');
    given(publishedAgenda).when(record([UDI, UDI]), { now: DURING }).thenThrows(InvalidInput, 'ATTENDEE_LISTED_TWICE');
  });

  it('may be corrected until the minutes are approved', () => {
    given(held).when(record([UDI, POLICE, IMDI]), { now: DURING }).then([attended([UDI, POLICE, IMDI])]);
    given(held).when(record([POLICE, UDI]), { now: DURING }).then([]);
    given(approved).when(record([UDI, POLICE, IMDI]), { now: DURING }).thenThrows(InvalidState, 'MINUTES_ALREADY_APPROVED');
  });

  it('keeps organisations whose position is on record (ATTENDEE_HAS_POSITIONS)', () =>
    given([...withDecision, positioned(UDI, 'SUPPORTS')]).when(record([POLICE]), { now: DURING }).thenThrows(InvalidState, 'ATTENDEE_HAS_POSITIONS'));
});

describe('meeting decider: decisions', () => {
  const decide = (overrides: Partial<Extract<MeetingCommand, { type: 'RecordDecision' }>> = {}): MeetingCommand => ({
    type: 'RecordDecision',
    meetingId,
    decisionId: 'dec-1',
    agendaItemId: 'item-1',
    text: ' Felles rutine for identifisering vedtas ',
    ...overrides,
  });

  it('records a decision on an agenda item', () => given(held).when(decide()).then([decided()]));

  it('records a decision citing a measure of another plan, and refuses one its plan lacks', () => {
    const old = { plan: '2006-2009', number: 1 };
    const events = given(held).when(decide({ citedMeasures: [old], citable: [old] })).events();
    expect(events.map((e) => (e.data as { citedMeasures?: unknown }).citedMeasures)).toEqual([[old]]);
    given(held).when(decide({ citedMeasures: [{ plan: '2006-2009', number: 3 }], citable: [old] })).thenThrows(InvalidInput, 'UNKNOWN_MEASURE');
  });

  it('records positions of attending organisations with it, an objection with its reason', () =>
    given(held)
      .when(
        decide({
          rationale: 'Tiltak 34',
          citedMeasures: defaultPlanRefs([34]),
          reviewDate: '2026-09-01',
          positions: [
            { organizationId: UDI, position: 'SUPPORTS' },
            { organizationId: POLICE, position: 'OBJECTS', reason: ' Mangler ressurser ' },
          ],
        }),
      )
      .then([
        {
          type: 'DecisionRecorded',
          data: {
            meetingId,
            decisionId: 'dec-1',
            agendaItemId: 'item-1',
            text: 'Felles rutine for identifisering vedtas',
            rationale: 'Tiltak 34',
            citedMeasures: defaultPlanRefs([34]),
            reviewDate: '2026-09-01',
            supersedes: null,
          },
        },
        positioned(UDI, 'SUPPORTS'),
        positioned(POLICE, 'OBJECTS', 'Mangler ressurser'),
      ]));

  // The meeting's own part; the earlier decision is checked and superseded with its meeting in record-decision-step.spec.ts.
  it('records a decision that replaces one of an earlier meeting', () =>
    given(held).when(decide({ decisionId: 'dec-2', supersedes: 'dec-old' })).then([decided('dec-2', 'item-1', 'dec-old')]));

  it('decides only at a held meeting (MEETING_NOT_HELD)', () => {
    given(publishedAgenda).when(decide()).thenThrows(InvalidState, 'MEETING_NOT_HELD');
    given(drafting).when(decide()).thenThrows(InvalidState, 'MEETING_NOT_HELD');
  });

  it('decides on an agenda item of the meeting (AGENDA_ITEM_NOT_FOUND)', () =>
    given(held).when(decide({ agendaItemId: 'item-9' })).thenThrows(NotFound, 'AGENDA_ITEM_NOT_FOUND'));

  it('records a decision once (DECISION_ALREADY_RECORDED)', () =>
    given(withDecision).when(decide()).thenThrows(InvalidState, 'DECISION_ALREADY_RECORDED'));

  it('needs text (DECISION_TEXT_REQUIRED)', () => {
    given(held).when(decide({ text: '  ' })).thenThrows(InvalidInput, 'DECISION_TEXT_REQUIRED');
  });

  it('sets a review date not before the meeting date (REVIEW_DATE_BEFORE_MEETING, INVALID_DATE)', () => {
    expect(given(held).when(decide({ reviewDate: '2026-03-10' })).events()).toHaveLength(1);
    given(held).when(decide({ reviewDate: '2026-03-09' })).thenThrows(InvalidInput, 'REVIEW_DATE_BEFORE_MEETING');
    given(held).when(decide({ reviewDate: '2026-02-30' })).thenThrows(InvalidInput, 'INVALID_DATE');
    given(held).when(decide({ reviewDate: '10.03.2026' })).thenThrows(InvalidInput, 'INVALID_DATE');
  });

  it('takes positions of attending organisations only, once each, objections with a reason', () => {
    given(held).when(decide({ positions: [{ organizationId: IMDI, position: 'SUPPORTS' }] })).thenThrows(InvalidInput, 'POSITION_ORGANIZATION_NOT_ATTENDING');
    given(held)
      .when(decide({ positions: [{ organizationId: UDI, position: 'SUPPORTS' }, { organizationId: UDI, position: 'ABSTAINS' }] }))
      .thenThrows(InvalidInput, 'POSITION_LISTED_TWICE');
    given(held).when(decide({ positions: [{ organizationId: UDI, position: 'OBJECTS', reason: ' ' }] })).thenThrows(InvalidInput, 'OBJECTION_NEEDS_REASON');
    given(held).when(decide({ positions: [{ organizationId: UDI, position: 'MAYBE' as never }] })).thenThrows(InvalidInput, 'UNKNOWN_POSITION');
  });

  it('does not supersede a decision of the same meeting (SUPERSEDES_DECISION_OF_SAME_MEETING)', () => {
    given(withDecision).when(decide({ decisionId: 'dec-2', supersedes: 'dec-1' })).thenThrows(InvalidInput, 'SUPERSEDES_DECISION_OF_SAME_MEETING');
    given(held).when(decide({ supersedes: 'dec-1' })).thenThrows(InvalidInput, 'SUPERSEDES_DECISION_OF_SAME_MEETING');
  });

  it('closes with the minutes (MINUTES_ALREADY_APPROVED)', () =>
    given(approved).when(decide({ decisionId: 'dec-2' })).thenThrows(InvalidState, 'MINUTES_ALREADY_APPROVED'));
});

describe('meeting decider: positions', () => {
  const position = (organizationId: string, p: 'SUPPORTS' | 'ABSTAINS' | 'OBJECTS' = 'SUPPORTS', reason?: string): MeetingCommand => ({
    type: 'RecordPosition',
    meetingId,
    decisionId: 'dec-1',
    organizationId,
    position: p,
    reason,
  });
  const referenceGroupMeeting = [scheduled('REFERENCE_GROUP'), itemAdded('item-1', 0), published, attended([ROSA, 'org-redd-barna']), decided()];

  it('lets the secretariat record any attending organisation’s position', () =>
    given(withDecision).when(position(POLICE, 'ABSTAINS')).then([positioned(POLICE, 'ABSTAINS')]));

  it('lets an agency member record their own organisation’s position, and nobody else’s (NOT_OWN_ORGANIZATION)', () => {
    given(withDecision).when(position(UDI, 'OBJECTS', 'Uklart mandat'), { actor: actors.udi }).then([positioned(UDI, 'OBJECTS', 'Uklart mandat')]);
    given(withDecision).when(position(POLICE), { actor: actors.udi }).thenThrows(Forbidden, 'NOT_OWN_ORGANIZATION');
  });

  it('lets an NGO representative record their own position at a reference-group or joint meeting only', () => {
    given(referenceGroupMeeting).when(position(ROSA), { actor: actors.rosa }).then([positioned(ROSA, 'SUPPORTS')]);
    given(referenceGroupMeeting).when(position('org-redd-barna'), { actor: actors.rosa }).thenThrows(Forbidden, 'NOT_OWN_ORGANIZATION');
    given(withDecision).when(position(UDI), { actor: actors.rosa }).thenThrows(Forbidden, 'NGO_POSITION_NOT_AT_PROJECT_GROUP');
  });

  it('records the registered representative who took the position for their organisation, never the secretariat\'s', () => {
    const rep = { representativeId: 'rep-udi', organizationId: UDI };
    const [recorded] = given(withDecision).when({ ...position(UDI, 'SUPPORTS'), representative: rep } as MeetingCommand, { actor: actors.udi }).events();
    expect(recorded).toEqual({ type: 'PositionRecorded', data: expect.objectContaining({ organizationId: UDI, representativeId: 'rep-udi' }) });
    const [bySecretariat] = given(withDecision)
      .when({ ...position(UDI, 'SUPPORTS'), representative: { representativeId: 'rep-sec', organizationId: 'org-pod' } } as MeetingCommand)
      .events();
    expect(bySecretariat?.data).not.toHaveProperty('representativeId');
  });

  it('never lets an auditor record a position (READ_ONLY_ROLE)', () =>
    given(withDecision).when(position(UDI), { actor: actors.auditor }).thenThrows(Forbidden, 'READ_ONLY_ROLE'));

  it('lets a position change until the minutes are approved; the same position again changes nothing', () => {
    given([...withDecision, positioned(UDI, 'OBJECTS', 'Uklart')]).when(position(UDI, 'SUPPORTS')).then([positioned(UDI, 'SUPPORTS')]);
    given([...withDecision, positioned(UDI, 'SUPPORTS')]).when(position(UDI, 'SUPPORTS')).then([]);
    given(approved).when(position(UDI)).thenThrows(InvalidState, 'MINUTES_ALREADY_APPROVED');
  });

  it('refuses an unknown or no longer active decision, a non-attendee, an objection without reason', () => {
    given(withDecision).when({ ...position(UDI), decisionId: 'dec-9' } as MeetingCommand).thenThrows(NotFound, 'DECISION_NOT_FOUND');
    given([...withDecision, { type: 'DecisionRevoked', data: { meetingId, decisionId: 'dec-1', reason: 'Feil' } }])
      .when(position(UDI))
      .thenThrows(InvalidState, 'DECISION_NOT_ACTIVE');
    given(withDecision).when(position(IMDI)).thenThrows(InvalidInput, 'POSITION_ORGANIZATION_NOT_ATTENDING');
    given(withDecision).when(position(UDI, 'OBJECTS')).thenThrows(InvalidInput, 'OBJECTION_NEEDS_REASON');
    given(publishedAgenda).when(position(UDI)).thenThrows(InvalidState, 'MEETING_NOT_HELD');
  });
});

describe('meeting decider: superseding and revoking', () => {
  const supersede = (overrides: Partial<{ decisionId: string; supersedes: string | null; meeting: ReturnType<typeof otherMeeting> }> = {}): MeetingCommand => ({
    type: 'SupersedeDecision',
    meetingId,
    decisionId: 'dec-1',
    supersededBy: { decisionId: overrides.decisionId ?? 'dec-new', supersedes: overrides.supersedes === undefined ? 'dec-1' : overrides.supersedes, meeting: overrides.meeting ?? otherMeeting() },
  });
  const superseded = {
    type: 'DecisionSuperseded' as const,
    data: { meetingId, decisionId: 'dec-1', supersededByDecisionId: 'dec-new', supersededByMeetingId: 'm-2026-04' },
  };

  it('marks an active decision superseded by a later decision of the same body, linking both ways', () =>
    given(withDecision).when(supersede()).then([superseded]));

  it('accepts a later joint meeting as the replacing body, also after the minutes are approved', () => {
    given(withDecision).when(supersede({ meeting: otherMeeting({ kind: 'JOINT' }) })).then([superseded]);
    given(approved).when(supersede()).then([superseded]);
  });

  it('refuses an unknown decision (DECISION_NOT_FOUND) or one no longer active (DECISION_NOT_ACTIVE)', () => {
    given(withDecision).when({ ...supersede(), decisionId: 'dec-9' } as MeetingCommand).thenThrows(NotFound, 'DECISION_NOT_FOUND');
    given([...withDecision, superseded]).when(supersede({ decisionId: 'dec-other' })).thenThrows(InvalidState, 'DECISION_NOT_ACTIVE');
  });

  it('changes nothing when the decision is already superseded by that very decision (recordDecision did it)', () =>
    given([...withDecision, superseded]).when(supersede()).then([]));

  it('needs the replacing decision to name this one (REPLACING_DECISION_DOES_NOT_NAME_THIS)', () => {
    given(withDecision).when(supersede({ supersedes: null })).thenThrows(InvalidInput, 'REPLACING_DECISION_DOES_NOT_NAME_THIS');
    given(withDecision).when(supersede({ supersedes: 'dec-other' })).thenThrows(InvalidInput, 'REPLACING_DECISION_DOES_NOT_NAME_THIS');
  });

  it('needs the replacing decision to be active itself (REPLACING_DECISION_NOT_ACTIVE)', () => {
    const revoked = supersede();
    if (revoked.type === 'SupersedeDecision') {
      given(withDecision).when({ ...revoked, supersededBy: { ...revoked.supersededBy, status: 'REVOKED' } }).thenThrows(InvalidState, 'REPLACING_DECISION_NOT_ACTIVE');
      given(withDecision).when({ ...revoked, supersededBy: { ...revoked.supersededBy, status: 'ACTIVE' } }).then([superseded]);
    }
  });

  it('needs a later meeting (REPLACING_DECISION_NOT_LATER) of the same body or joint (REPLACING_DECISION_OTHER_BODY)', () => {
    given(withDecision).when(supersede({ meeting: otherMeeting({ startsAt: '2026-03-01T09:00:00.000Z' }) })).thenThrows(InvalidInput, 'REPLACING_DECISION_NOT_LATER');
    given(withDecision).when(supersede({ meeting: otherMeeting({ meetingId }) })).thenThrows(InvalidInput, 'REPLACING_DECISION_NOT_LATER');
    given(withDecision).when(supersede({ meeting: otherMeeting({ kind: 'REFERENCE_GROUP' }) })).thenThrows(InvalidInput, 'REPLACING_DECISION_OTHER_BODY');
    const jointDecision = [scheduled('JOINT'), itemAdded('item-1', 0), published, attended(), decided()];
    given(jointDecision).when(supersede()).thenThrows(InvalidInput, 'REPLACING_DECISION_OTHER_BODY');
  });

  it('revokes an active decision with a reason', () =>
    given(withDecision)
      .when({ type: 'RevokeDecision', meetingId, decisionId: 'dec-1', reason: ' Bygde på feil tall ' })
      .then([{ type: 'DecisionRevoked', data: { meetingId, decisionId: 'dec-1', reason: 'Bygde på feil tall' } }]));

  it('refuses to revoke without a reason, twice, or an unknown decision', () => {
    given(withDecision).when({ type: 'RevokeDecision', meetingId, decisionId: 'dec-1', reason: ' ' }).thenThrows(InvalidInput, 'REASON_REQUIRED');
    given([...withDecision, { type: 'DecisionRevoked', data: { meetingId, decisionId: 'dec-1', reason: 'x' } }])
      .when({ type: 'RevokeDecision', meetingId, decisionId: 'dec-1', reason: 'igjen' })
      .thenThrows(InvalidState, 'DECISION_NOT_ACTIVE');
    given([...withDecision, superseded])
      .when({ type: 'RevokeDecision', meetingId, decisionId: 'dec-1', reason: 'x' })
      .thenThrows(InvalidState, 'DECISION_NOT_ACTIVE');
    given(withDecision).when({ type: 'RevokeDecision', meetingId, decisionId: 'dec-9', reason: 'x' }).thenThrows(NotFound, 'DECISION_NOT_FOUND');
  });
});

describe('meeting decider: research needs flagged on decisions', () => {
  const flag = (text: string, decisionId = 'dec-1'): MeetingCommand => ({ type: 'FlagDecisionResearchNeed', meetingId, decisionId, text });
  const flagged = (text: string) => ({ type: 'DecisionResearchNeedFlagged' as const, data: { meetingId, decisionId: 'dec-1', text } });

  it('flags a decision, in any status, the text trimmed; the same text again changes nothing, a new one replaces it', () => {
    given(withDecision).when(flag(' Kunnskap om tvangsarbeid i landbruket ')).then([flagged('Kunnskap om tvangsarbeid i landbruket')]);
    given([...withDecision, { type: 'DecisionRevoked', data: { meetingId, decisionId: 'dec-1', reason: 'x' } }]).when(flag('Tigging')).then([flagged('Tigging')]);
    given([...withDecision, flagged('Tigging')]).when(flag('Tigging')).then([]);
    given([...withDecision, flagged('Tigging')]).when(flag('Tigging og nettverk')).then([flagged('Tigging og nettverk')]);
  });

  it('is the secretariat’s; refuses an empty or long text, and an unknown decision', () => {
    given(withDecision).when(flag('Tigging'), { actor: actors.udi }).thenThrows(Forbidden, 'SECRETARIAT_ONLY');
    given(withDecision).when(flag(' ')).thenThrows(InvalidInput, 'RESEARCH_NEED_REQUIRED');
    given(withDecision).when(flag('x'.repeat(1001))).thenThrows(InvalidInput, 'TEXT_TOO_LONG');
    given(withDecision).when(flag('Tigging', 'dec-9')).thenThrows(NotFound, 'DECISION_NOT_FOUND');
  });
});
