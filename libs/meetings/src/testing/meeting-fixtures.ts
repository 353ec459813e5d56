import type { Actor } from '@kom/kernel';
import type { OtherMeeting } from '../domain/meeting.commands';
import type { MeetingEvent, MeetingKind } from '../domain/meeting.events';

/** Shared by the meeting decider specs: one project-group meeting at its stages. */
export const meetingId = 'm-2026-03';
export const STARTS_AT = '2026-03-10T09:00:00.000Z'; // 10:00 in Oslo, after SPEC_NOW (2026-03-02)
export const ENDS_AT = '2026-03-10T11:00:00.000Z';
/** A moment during the meeting: attendance may be recorded. */
export const DURING = new Date('2026-03-10T09:30:00.000Z');

export const UDI = 'org-udi';
export const POLICE = 'org-police';
export const IMDI = 'org-imdi';
export const ROSA = 'org-rosa';
export const MEMBERS = { organizationIds: [UDI, POLICE, IMDI] };

export const actors = {
  secretariat: { userId: 'u-sec', organizationId: 'org-pod', role: 'SECRETARIAT' } as Actor,
  system: { userId: 'system', organizationId: 'kom-platform', role: 'SYSTEM' } as Actor,
  udi: { userId: 'u-udi', organizationId: UDI, role: 'AGENCY_MEMBER' } as Actor,
  rosa: { userId: 'u-rosa', organizationId: ROSA, role: 'NGO_REPRESENTATIVE' } as Actor,
  auditor: { userId: 'u-aud', organizationId: 'org-riksrevisjonen', role: 'AUDITOR' } as Actor,
};

export function scheduled(kind: MeetingKind = 'PROJECT_GROUP', overrides: Partial<Extract<MeetingEvent, { type: 'MeetingScheduled' }>['data']> = {}): MeetingEvent {
  return {
    type: 'MeetingScheduled',
    data: {
      meetingId,
      kind,
      title: 'Prosjektgruppemøte mars',
      startsAt: STARTS_AT,
      endsAt: ENDS_AT,
      location: 'Politidirektoratet, Oslo',
      videoLink: null,
      seriesId: null,
      seriesIndex: null,
      timeZone: 'Europe/Oslo',
      ...overrides,
    },
  };
}

export const itemAdded = (itemId: string, position: number, amendment = false, sourceIssueId: string | null = null): MeetingEvent => ({
  type: 'AgendaItemAdded',
  data: {
    meetingId,
    itemId,
    title: `Sak ${itemId}`,
    description: '',
    presentingOrganizationId: null,
    citedMeasures: [],
    sourceIssueId,
    position,
    amendment,
  },
});

export const published: MeetingEvent = { type: 'AgendaPublished', data: { meetingId, publishedAt: '2026-03-02T09:00:00.000Z' } };
export const attended = (organizationIds: string[] = [UDI, POLICE]): MeetingEvent => ({
  type: 'AttendanceRecorded',
  data: { meetingId, organizationIds },
});
export const cancelled: MeetingEvent = { type: 'MeetingCancelled', data: { meetingId, reason: 'Streik' } };

export const decided = (decisionId = 'dec-1', agendaItemId = 'item-1', supersedes: string | null = null): MeetingEvent => ({
  type: 'DecisionRecorded',
  data: {
    meetingId,
    decisionId,
    agendaItemId,
    text: 'Felles rutine for identifisering vedtas',
    rationale: '',
    citedMeasures: [],
    reviewDate: null,
    supersedes,
  },
});
export const positioned = (organizationId: string, position: 'SUPPORTS' | 'ABSTAINS' | 'OBJECTS', reason: string | null = null, decisionId = 'dec-1'): MeetingEvent => ({
  type: 'PositionRecorded',
  data: { meetingId, decisionId, organizationId, position, reason },
});
export const actionAssigned = (actionItemId = 'act-1'): MeetingEvent => ({
  type: 'ActionItemAssigned',
  data: {
    meetingId,
    actionItemId,
    decisionId: null,
    agendaItemId: null,
    description: 'Utarbeide rutine',
    responsibleOrganizationId: POLICE,
    dueDate: '2026-04-01',
  },
});
export const minutesDrafted = (text = 'Referat'): MeetingEvent => ({ type: 'MinutesDrafted', data: { meetingId, text } });
export const minutesApproved: MeetingEvent = { type: 'MinutesApproved', data: { meetingId, approvedAtMeetingId: 'm-2026-04' } };

/** Stages of the meeting, as given events. */
export const drafting = [scheduled(), itemAdded('item-1', 0), itemAdded('item-2', 1)];
export const publishedAgenda = [...drafting, published];
export const held = [...publishedAgenda, attended()];
export const withDecision = [...held, decided()];
export const withMinutes = [...withDecision, minutesDrafted()];
export const approved = [...withMinutes, minutesApproved];

export const otherMeeting = (overrides: Partial<OtherMeeting> = {}): OtherMeeting => ({
  meetingId: 'm-2026-04',
  kind: 'PROJECT_GROUP',
  startsAt: '2026-04-14T08:00:00.000Z',
  status: 'HELD',
  ...overrides,
});
